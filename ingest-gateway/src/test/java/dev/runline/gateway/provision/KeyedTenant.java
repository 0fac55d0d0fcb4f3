package dev.runline.gateway.provision;

import dev.runline.gateway.auth.ApiKeySecrets;
import dev.runline.gateway.auth.Permissions.KeyKind;
import dev.runline.schemas.testing.TestTenant;
import java.util.UUID;

/**
 * A seeded organization ({@link TestTenant}: admin, viewer, station EOL-1 linked to FVT1, unlinked BURN)
 * plus a member, and one working key of every kind. Further objects are added by the builders below, each
 * with a fresh unique name, so that tests never collide.
 */
public final class KeyedTenant {

    public final TestTenant tenant;
    public final UUID memberId = UUID.randomUUID();
    public final String adminKey;
    public final String memberKey;
    public final String viewerKey;
    public final String stationKey;

    private KeyedTenant(TestTenant tenant) {
        this.tenant = tenant;
        tenant.execute("INSERT INTO users (id, organization_id, email, role) VALUES (?, ?, ?, 'member')",
                memberId, tenant.organizationId, "member-" + memberId + "@example.com");
        this.adminKey = key(tenant.adminId, null);
        this.memberKey = key(memberId, null);
        this.viewerKey = key(tenant.viewerId, null);
        this.stationKey = key(null, tenant.stationId);
    }

    public static KeyedTenant create(String database) {
        return new KeyedTenant(TestTenant.create(database));
    }

    public String key(KeyKind kind) {
        return switch (kind) {
            case ADMIN -> adminKey;
            case MEMBER -> memberKey;
            case VIEWER -> viewerKey;
            case STATION -> stationKey;
            case UNKNOWN_ROLE -> throw new IllegalArgumentException("no such key in a test tenant");
        };
    }

    /** A working key of a user or a station of this organization; returns the secret. */
    public String key(UUID userId, UUID stationId) {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        tenant.addKey(userId, stationId, key.sha256(), null, null);
        return key.secret();
    }

    /** A key nobody uses, to be revoked; returns its id. */
    public UUID spareKey() {
        return tenant.addKey(tenant.adminId, null, ApiKeySecrets.generate().sha256(), null, null);
    }

    public UUID newMember(String role) {
        UUID id = UUID.randomUUID();
        tenant.execute("INSERT INTO users (id, organization_id, email, role) VALUES (?, ?, ?, ?)",
                id, tenant.organizationId, "m-" + id + "@example.com", role);
        return id;
    }

    public UUID newStation() {
        UUID id = UUID.randomUUID();
        tenant.execute("INSERT INTO stations (id, organization_id, name) VALUES (?, ?, ?)",
                id, tenant.organizationId, "Station " + id);
        return id;
    }

    public UUID newProcedure() {
        UUID id = UUID.randomUUID();
        tenant.execute("INSERT INTO procedures (id, organization_id, identifier, name) VALUES (?, ?, ?, ?)",
                id, tenant.organizationId, "T" + id.toString().substring(0, 8), "Procedure " + id);
        return id;
    }

    /** The serial of the unit a run of {@link #storedRun()} tested. */
    public static String serialOf(UUID run) {
        return "SN-" + run.toString().substring(0, 13);
    }

    /** A run as the processor stores it (with the unit, part and revision it needs); returns its id. */
    public UUID storedRun() {
        UUID part = UUID.randomUUID();
        UUID revision = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        UUID keyId = spareKey();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        tenant.execute("INSERT INTO parts (id, organization_id, number) VALUES (?, ?, ?)",
                part, tenant.organizationId, "P-" + part.toString().substring(0, 8));
        tenant.execute("INSERT INTO revisions (id, part_id, number) VALUES (?, ?, 'A')", revision, part);
        tenant.execute("INSERT INTO units (id, organization_id, serial_number, revision_id) VALUES (?, ?, ?, ?)",
                unit, tenant.organizationId, serialOf(run), revision);
        tenant.execute("""
                INSERT INTO runs (id, organization_id, procedure_id, unit_id, outcome, started_at, ended_at, api_key_id,
                                  station_id, api_version, received_at)
                VALUES (?, ?, ?, ?, 'PASS', ?, ?, ?, ?, 'V2', ?)
                """, run, tenant.organizationId, tenant.procedureId, unit, now, now, keyId, tenant.stationId, now);
        return run;
    }
}
