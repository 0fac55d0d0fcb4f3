package dev.runline.schemas.testing;

import dev.runline.schemas.event.ChildAddition;
import dev.runline.schemas.event.ChildRemoval;
import dev.runline.schemas.event.EditRequested;
import dev.runline.schemas.event.RunsDeletion;
import dev.runline.schemas.event.UnitUpdate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Builders for valid edits; tests change only what they are about. */
public final class EditEvents {

    private EditEvents() {}

    public static EditRequested.Builder anEdit(UUID organizationId, Object change) {
        return EditRequested.newBuilder()
                .setEditId(UUID.randomUUID())
                .setOrganizationId(organizationId)
                .setKeyId(UUID.randomUUID())
                .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setChange(change);
    }

    public static ChildAddition childAddition(String parent, String child) {
        return new ChildAddition(parent, child);
    }

    public static ChildRemoval childRemoval(String parent, String child) {
        return new ChildRemoval(parent, child);
    }

    public static RunsDeletion runsDeletion(UUID... runIds) {
        return new RunsDeletion(List.of(runIds));
    }

    public static UnitUpdate.Builder aUnitUpdate(String serialNumber) {
        return UnitUpdate.newBuilder().setSerialNumber(serialNumber);
    }
}
