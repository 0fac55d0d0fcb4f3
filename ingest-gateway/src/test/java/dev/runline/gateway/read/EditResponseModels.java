package dev.runline.gateway.read;

import static dev.runline.gateway.read.ClientShape.STRING;
import static dev.runline.gateway.read.ClientShape.listOf;

import dev.runline.gateway.read.ClientShape.Model;

/**
 * The v2 client's answers to edits: {@code RunDeleteResponse} ({@code run_deleteop.py}: {@code id}, the list of
 * deleted run ids), {@code UnitUpdateResponse} ({@code unit_updateop.py}: the unit's id),
 * {@code UnitAddChildResponse} and {@code UnitRemoveChildResponse} ({@code unit_addchildop.py},
 * {@code unit_removechildop.py}: the child unit's id). Each field is required.
 */
final class EditResponseModels {

    static final Model RUN_DELETE = Model.named("RunDeleteResponse").required("id", listOf(STRING));
    static final Model UNIT_UPDATE = Model.named("UnitUpdateResponse").required("id", STRING);
    static final Model UNIT_ADD_CHILD = Model.named("UnitAddChildResponse").required("id", STRING);
    static final Model UNIT_REMOVE_CHILD = Model.named("UnitRemoveChildResponse").required("id", STRING);

    private EditResponseModels() {}
}
