package dev.runline.local;

import dev.runline.gateway.auth.ApiKeySecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The local mode's demo organization: one admin user, one API key and one procedure, created on the
 * first start. The key is shown once and stored only as a hash, so the local mode keeps the clear key in
 * its data folder (owner-readable only) to print it again on every start.
 */
final class DemoOrganization {

    static final String ORGANIZATION = "Demo Factory";
    static final String ADMIN_EMAIL = "admin@demo.runline.local";
    static final String PROCEDURE = "Functional test";
    static final String PROCEDURE_IDENTIFIER = "FVT1";

    record Credentials(String apiKey, UUID procedureId) {
        @Override
        public String toString() {
            return "Credentials[apiKey=" + apiKey.substring(0, Math.min(11, apiKey.length())) + "..., procedureId=" + procedureId + "]";
        }
    }

    private DemoOrganization() {}

    static Credentials ensure(Jdbi jdbi, Path keyFile) throws IOException {
        return jdbi.inTransaction(handle -> {
            UUID organization = handle.createQuery("SELECT id FROM organizations WHERE lower(name) = lower(:name)")
                    .bind("name", ORGANIZATION).mapTo(UUID.class).findOne()
                    .orElseGet(() -> insertOrganization(handle));
            UUID admin = handle.createQuery("SELECT id FROM users WHERE organization_id = :org AND lower(email) = lower(:email)")
                    .bind("org", organization).bind("email", ADMIN_EMAIL).mapTo(UUID.class).findOne()
                    .orElseGet(() -> insertAdmin(handle, organization));
            UUID procedure = handle.createQuery("SELECT id FROM procedures WHERE organization_id = :org AND lower(name) = lower(:name)")
                    .bind("org", organization).bind("name", PROCEDURE).mapTo(UUID.class).findOne()
                    .orElseGet(() -> insertProcedure(handle, organization));
            String key = existingKey(handle, keyFile).orElseGet(() -> insertKey(handle, organization, admin, keyFile));
            return new Credentials(key, procedure);
        });
    }

    private static UUID insertOrganization(Handle handle) {
        UUID id = UUID.randomUUID();
        handle.createUpdate("INSERT INTO organizations (id, name) VALUES (:id, :name)")
                .bind("id", id).bind("name", ORGANIZATION).execute();
        return id;
    }

    private static UUID insertAdmin(Handle handle, UUID organization) {
        UUID id = UUID.randomUUID();
        handle.createUpdate("INSERT INTO users (id, organization_id, email, name, role) VALUES (:id, :org, :email, 'Demo admin', 'admin')")
                .bind("id", id).bind("org", organization).bind("email", ADMIN_EMAIL).execute();
        return id;
    }

    private static UUID insertProcedure(Handle handle, UUID organization) {
        UUID id = UUID.randomUUID();
        handle.createUpdate("INSERT INTO procedures (id, organization_id, identifier, name) VALUES (:id, :org, :identifier, :name)")
                .bind("id", id).bind("org", organization).bind("identifier", PROCEDURE_IDENTIFIER)
                .bind("name", PROCEDURE).execute();
        return id;
    }

    /** The key saved by an earlier start, if it still works. */
    private static Optional<String> existingKey(Handle handle, Path keyFile) {
        if (!Files.exists(keyFile)) {
            return Optional.empty();
        }
        try {
            String key = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            boolean usable = handle.createQuery("SELECT count(*) FROM api_keys WHERE secret_sha256 = :sha AND revoked_at IS NULL")
                    .bind("sha", ApiKeySecrets.sha256(key)).mapTo(Integer.class).one() > 0;
            return usable ? Optional.of(key) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String insertKey(Handle handle, UUID organization, UUID admin, Path keyFile) {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        handle.createUpdate("""
                INSERT INTO api_keys (id, organization_id, user_id, name, prefix, secret_sha256)
                VALUES (:id, :org, :user, 'local demo key', :prefix, :sha)
                """)
                .bind("id", UUID.randomUUID()).bind("org", organization).bind("user", admin)
                .bind("prefix", key.prefix()).bind("sha", key.sha256()).execute();
        try {
            Files.writeString(keyFile, key.secret() + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Could not save the demo API key to " + keyFile, e);
        }
        return key.secret();
    }
}
