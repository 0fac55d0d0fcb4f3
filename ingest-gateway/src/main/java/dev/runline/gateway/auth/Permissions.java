package dev.runline.gateway.auth;

import dev.runline.gateway.http.ApiException;
import dev.runline.gateway.http.ErrorCode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what, in one table. A key is one of four kinds: a user key acting with its user's role
 * (admin, member, viewer) or a station key.
 * <ul>
 *   <li>admin: everything a user can do, including members, keys and the organization's settings, which
 *       are theirs alone: a key can mint other keys, so only an admin may;</li>
 *   <li>member: the daily work of a test engineer: runs (creating them, deleting them, correcting units and their
 *       sub-units), procedures, stations and their links, and reading;</li>
 *   <li>viewer: reading only (lists, settings, run status);</li>
 *   <li>station: what a test station does unattended: create runs (for its linked procedures, checked by
 *       the run intake), read the organization's runs (a unit's history spans stations) and their status, and
 *       read its own station. It cannot delete runs or edit units (it records sub-units through its runs), nor
 *       list the organization's procedures, stations or members: a station's key sits on a shop-floor machine
 *       and should reveal and be able to erase as little as possible if copied.</li>
 * </ul>
 * Isolation between organizations is not decided here: every query is scoped to the key's organization,
 * and another organization's object is answered 404, never 403, so its existence does not leak.
 */
public final class Permissions {

    /** The kinds of key the table distinguishes. */
    public enum KeyKind { ADMIN, MEMBER, VIEWER, STATION, UNKNOWN_ROLE }

    private static final Map<KeyKind, Set<Permission>> GRANTED = Map.of(
            KeyKind.ADMIN, EnumSet.complementOf(EnumSet.of(Permission.READ_CURRENT_STATION)),
            KeyKind.MEMBER, EnumSet.of(Permission.READ_RUN_STATUS, Permission.CREATE_RUNS, Permission.READ_ORGANIZATION,
                    Permission.EDIT_CATALOG, Permission.EDIT_RUNS),
            KeyKind.VIEWER, EnumSet.of(Permission.READ_RUN_STATUS, Permission.READ_ORGANIZATION),
            KeyKind.STATION, EnumSet.of(Permission.READ_RUN_STATUS, Permission.CREATE_RUNS, Permission.READ_CURRENT_STATION),
            // The schema allows only the three roles; should another appear, it gets nothing rather than guesses.
            KeyKind.UNKNOWN_ROLE, EnumSet.noneOf(Permission.class));

    private Permissions() {}

    public static KeyKind kindOf(Caller caller) {
        if (caller.isStation()) {
            return KeyKind.STATION;
        }
        return switch (caller.role() == null ? "" : caller.role()) {
            case "admin" -> KeyKind.ADMIN;
            case "member" -> KeyKind.MEMBER;
            case "viewer" -> KeyKind.VIEWER;
            default -> KeyKind.UNKNOWN_ROLE;
        };
    }

    public static boolean allows(Caller caller, Permission permission) {
        return GRANTED.get(kindOf(caller)).contains(permission);
    }

    /** The caller, if it may; else 403 FORBIDDEN saying what is missing. */
    public static Caller require(Caller caller, Permission permission) {
        if (allows(caller, permission)) {
            return caller;
        }
        throw new ApiException(ErrorCode.FORBIDDEN, refusal(kindOf(caller), permission));
    }

    private static String refusal(KeyKind kind, Permission permission) {
        if (permission == Permission.READ_CURRENT_STATION) {
            return "Only a station key has a current station; this is a user key";
        }
        String who = kind == KeyKind.STATION ? "A station key" : "This key's role (" + kind.name().toLowerCase() + ")";
        return who + " may not " + switch (permission) {
            case READ_RUN_STATUS -> "read run status";
            case CREATE_RUNS -> "create runs";
            case EDIT_RUNS -> "delete runs or change units and their sub-units";
            case READ_ORGANIZATION -> "read the organization's procedures, stations, members or settings";
            case EDIT_CATALOG -> "create procedures or stations, or link them";
            case MANAGE_MEMBERS -> "manage members (admin only)";
            case MANAGE_KEYS -> "manage API keys (admin only)";
            case MANAGE_ORGANIZATION -> "change the organization's settings (admin only)";
            case READ_CURRENT_STATION -> "read a current station";
        };
    }
}
