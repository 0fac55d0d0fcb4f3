package dev.runline.gateway.auth;

/** What a route needs of the calling key; {@link Permissions} says which kind of key has it. */
public enum Permission {
    /**
     * Reading runs: their status ({@code GET /api/v2/runs/{id}/status}), the stored run ({@code GET /api/v2/runs/{id}}),
     * the runs of a unit or a filtered list, their attachments.
     */
    READ_RUN_STATUS,
    /** {@code POST /api/v1/runs}, {@code POST /api/v2/runs}. */
    CREATE_RUNS,
    /** {@code GET /api/v2/stations/current}: only a station has a current station. */
    READ_CURRENT_STATION,
    /** Lists of procedures, stations and members; the organization's settings. */
    READ_ORGANIZATION,
    /**
     * Change what is stored: delete runs ({@code DELETE /api/v2/runs}), change a unit's serial, part, revision or
     * batch, add and remove its sub-units. Users who test (admin, member); never a station, whose copied key must
     * not be able to erase history.
     */
    EDIT_RUNS,
    /** Create procedures and stations, link and unlink them. */
    EDIT_CATALOG,
    /** Add members, change their roles. */
    MANAGE_MEMBERS,
    /** Create, list and revoke API keys. */
    MANAGE_KEYS,
    /** Change the organization's settings (the serial -> part number pattern). */
    MANAGE_ORGANIZATION
}
