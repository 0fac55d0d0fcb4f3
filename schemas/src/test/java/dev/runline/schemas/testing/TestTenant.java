package dev.runline.schemas.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * An organization seeded straight into a test database: an admin, a viewer, a station and a procedure
 * (linked to the station). Tests add the API keys they need, by the hash of a key they generated.
 */
public final class TestTenant {

    public final String jdbcUrl;
    public final UUID organizationId = UUID.randomUUID();
    public final UUID adminId = UUID.randomUUID();
    public final UUID viewerId = UUID.randomUUID();
    public final UUID stationId = UUID.randomUUID();
    public final UUID procedureId = UUID.randomUUID();
    public final UUID unlinkedProcedureId = UUID.randomUUID();
    public final String adminEmail;

    private TestTenant(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        this.adminEmail = "admin-" + organizationId.toString().substring(0, 8) + "@example.com";
    }

    public static TestTenant create(String jdbcUrl) {
        TestTenant tenant = new TestTenant(jdbcUrl);
        String suffix = tenant.organizationId.toString().substring(0, 8);
        tenant.execute("INSERT INTO organizations (id, name) VALUES (?, ?)", tenant.organizationId, "Org " + suffix);
        tenant.execute("INSERT INTO users (id, organization_id, email, role) VALUES (?, ?, ?, 'admin')",
                tenant.adminId, tenant.organizationId, tenant.adminEmail);
        tenant.execute("INSERT INTO users (id, organization_id, email, role) VALUES (?, ?, ?, 'viewer')",
                tenant.viewerId, tenant.organizationId, "viewer-" + suffix + "@example.com");
        tenant.execute("INSERT INTO stations (id, organization_id, name) VALUES (?, ?, 'EOL-1')",
                tenant.stationId, tenant.organizationId);
        tenant.execute("INSERT INTO procedures (id, organization_id, identifier, name) VALUES (?, ?, 'FVT1', 'Functional test')",
                tenant.procedureId, tenant.organizationId);
        tenant.execute("INSERT INTO procedures (id, organization_id, identifier, name) VALUES (?, ?, 'BURN', 'Burn-in')",
                tenant.unlinkedProcedureId, tenant.organizationId);
        tenant.execute("INSERT INTO station_procedures (station_id, procedure_id) VALUES (?, ?)",
                tenant.stationId, tenant.procedureId);
        return tenant;
    }

    /** A user key (userId) or station key (stationId); returns the key's id. */
    public UUID addKey(UUID userId, UUID stationId, byte[] sha256, Instant expiresAt, Instant revokedAt) {
        UUID id = UUID.randomUUID();
        execute("""
                INSERT INTO api_keys (id, organization_id, user_id, station_id, name, prefix, secret_sha256, expires_at, revoked_at)
                VALUES (?, ?, ?, ?, 'test key', 'rl_test', ?, ?, ?)
                """, id, organizationId, userId, stationId, sha256,
                expiresAt == null ? null : Timestamp.from(expiresAt), revokedAt == null ? null : Timestamp.from(revokedAt));
        return id;
    }

    public void setSerialPartRegex(String regex) {
        execute("UPDATE organizations SET serial_part_regex = ? WHERE id = ?", regex, organizationId);
    }

    public void execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding failed: " + sql, e);
        }
    }
}
