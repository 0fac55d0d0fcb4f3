package dev.runline.gateway.provision;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The REQUIRED fields of the v2 client's list response models and their types, written out by hand from
 * {@code tofupilot/v2/models/procedure_listop.py}, {@code station_listop.py} and {@code user_listop.py}
 * (python-client at 1fbfb0a), so that the tests check the answers against what the client validates, not
 * against what Runline happens to send. Optional fields are left out: the client accepts their absence.
 * A field is listed under its wire name (pydantic's alias when it has one: {@code linkedRepository}).
 *
 * <p>The types are pydantic's rules for JSON input: {@code str} takes a string only, {@code int} an
 * integer, {@code float} any number, {@code bool} a boolean, {@code datetime} an ISO 8601 string, a
 * {@code Literal} one of its values; {@code Nullable[...]} also takes null, but the key must be present.
 */
public final class ClientModels {

    public sealed interface Type permits Scalar, Literal, Model, ListOf, Nullable {}

    public enum Scalar implements Type { STR, INT, FLOAT, BOOL, DATETIME }

    public record Literal(Set<String> values) implements Type {}

    public record ListOf(Type items) implements Type {}

    public record Nullable(Type type) implements Type {}

    public record Model(String name, Map<String, Type> required) implements Type {
        static Model of(String name, Object... fieldsAndTypes) {
            Map<String, Type> fields = new LinkedHashMap<>();
            for (int i = 0; i < fieldsAndTypes.length; i += 2) {
                fields.put((String) fieldsAndTypes[i], (Type) fieldsAndTypes[i + 1]);
            }
            return new Model(name, fields);
        }
    }

    private static Nullable nullable(Type type) {
        return new Nullable(type);
    }

    // procedure_listop.py
    public static final Model PROCEDURE_LIST_CREATED_BY_USER = Model.of("ProcedureListCreatedByUser",
            "id", Scalar.STR, "name", nullable(Scalar.STR), "email", Scalar.STR);
    public static final Model PROCEDURE_LIST_UNIT = Model.of("ProcedureListUnit", "id", Scalar.STR);
    public static final Model RUN = Model.of("Run",
            "id", Scalar.STR,
            "outcome", new Literal(Set.of("PASS", "FAIL", "ERROR", "TIMEOUT", "ABORTED")),
            "started_at", Scalar.DATETIME,
            "unit", PROCEDURE_LIST_UNIT);
    public static final Model LINKED_REPOSITORY = Model.of("LinkedRepository",
            "id", Scalar.STR, "name", Scalar.STR, "fullName", Scalar.STR,
            "provider", new Literal(Set.of("github", "gitlab")));
    public static final Model PROCEDURE_LIST_DATA = Model.of("ProcedureListData",
            "id", Scalar.STR,
            "name", Scalar.STR,
            "created_at", Scalar.DATETIME,
            "created_by_user", PROCEDURE_LIST_CREATED_BY_USER,
            "runs", new ListOf(RUN),
            "linkedRepository", nullable(LINKED_REPOSITORY));
    public static final Model PROCEDURE_LIST_META = Model.of("ProcedureListMeta",
            "has_more", Scalar.BOOL, "next_cursor", nullable(Scalar.INT));
    public static final Model PROCEDURE_LIST_RESPONSE = Model.of("ProcedureListResponse",
            "data", new ListOf(PROCEDURE_LIST_DATA), "meta", PROCEDURE_LIST_META);

    // station_listop.py
    public static final Model STATION_LIST_PROCEDURE = Model.of("StationListProcedure",
            "id", Scalar.STR, "identifier", nullable(Scalar.STR), "name", Scalar.STR);
    public static final Model STATION_LIST_TEAM = Model.of("StationListTeam", "id", Scalar.STR, "name", Scalar.STR);
    public static final Model STATION_LIST_DATA = Model.of("StationListData",
            "id", Scalar.STR,
            "name", Scalar.STR,
            "procedures", new ListOf(STATION_LIST_PROCEDURE),
            "procedures_count", Scalar.FLOAT,
            "team", nullable(STATION_LIST_TEAM));
    public static final Model STATION_LIST_META = Model.of("StationListMeta",
            "has_more", Scalar.BOOL, "next_cursor", nullable(Scalar.INT));
    public static final Model STATION_LIST_RESPONSE = Model.of("StationListResponse",
            "data", new ListOf(STATION_LIST_DATA), "meta", STATION_LIST_META);

    // user_listop.py; user.py reads the answer as List[UserListResponse].
    public static final Model USER_LIST_RESPONSE = Model.of("UserListResponse",
            "id", Scalar.STR, "email", Scalar.STR, "name", nullable(Scalar.STR), "image", nullable(Scalar.STR),
            "banned", Scalar.BOOL);
    public static final ListOf USER_LIST = new ListOf(USER_LIST_RESPONSE);

    private ClientModels() {}

    /** What the client would reject in {@code node}, one line per problem with its path; empty when it validates. */
    public static List<String> violations(JsonNode node, Type type) {
        List<String> found = new ArrayList<>();
        check(node, type, "$", found);
        return found;
    }

    private static void check(JsonNode node, Type type, String path, List<String> found) {
        switch (type) {
            case Nullable nullable -> {
                if (!node.isNull()) {
                    check(node, nullable.type(), path, found);
                }
            }
            case Scalar scalar -> {
                boolean valid = switch (scalar) {
                    case STR -> node.isString();
                    case INT -> node.isIntegralNumber();
                    case FLOAT -> node.isNumber();
                    case BOOL -> node.isBoolean();
                    case DATETIME -> node.isString() && isDateTime(node.stringValue());
                };
                if (!valid) {
                    found.add(path + ": expected " + scalar + ", got " + node);
                }
            }
            case Literal literal -> {
                if (!node.isString() || !literal.values().contains(node.stringValue())) {
                    found.add(path + ": expected one of " + literal.values() + ", got " + node);
                }
            }
            case ListOf list -> {
                if (!node.isArray()) {
                    found.add(path + ": expected a list, got " + node);
                    return;
                }
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), list.items(), path + "[" + i + "]", found);
                }
            }
            case Model model -> {
                if (!node.isObject()) {
                    found.add(path + ": expected " + model.name() + ", got " + node);
                    return;
                }
                model.required().forEach((field, fieldType) -> {
                    if (!node.has(field)) {
                        found.add(path + "." + field + ": missing (required by " + model.name() + ")");
                    } else {
                        check(node.get(field), fieldType, path + "." + field, found);
                    }
                });
            }
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
