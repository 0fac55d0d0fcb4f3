package dev.runline.local;

import dev.runline.gateway.bootstrap.KeyFile;
import dev.runline.gateway.bootstrap.OrganizationBootstrap;
import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The local mode's demo organization: one admin user, one API key and one procedure, created on the
 * first start. The organization, admin and key come from the same {@link OrganizationBootstrap} as the
 * {@code bootstrap} command. The key is shown once and stored only as a hash, so the local mode keeps the
 * clear key in its data folder (owner-readable only) to print it again on every start.
 */
final class DemoOrganization {

    static final String ORGANIZATION = "Demo Factory";
    static final String ADMIN_EMAIL = "admin@demo.runline.local";
    static final String ADMIN_NAME = "Demo admin";
    static final String KEY_NAME = "local demo key";
    static final String PROCEDURE = "Functional test";
    static final String PROCEDURE_IDENTIFIER = "FVT1";

    record Credentials(String apiKey, UUID procedureId) {
        @Override
        public String toString() {
            return "Credentials[apiKey=" + apiKey.substring(0, Math.min(11, apiKey.length())) + "..., procedureId=" + procedureId + "]";
        }
    }

    private DemoOrganization() {}

    static Credentials ensure(Jdbi jdbi, Path keyFile) {
        OrganizationBootstrap.Outcome admin = new OrganizationBootstrap(jdbi).ensure(
                new OrganizationBootstrap.Request(ORGANIZATION, ADMIN_EMAIL, ADMIN_NAME, KEY_NAME), new KeyFile(keyFile));
        UUID procedure = jdbi.inTransaction(handle -> handle
                .createQuery("SELECT id FROM procedures WHERE organization_id = :org AND lower(name) = lower(:name)")
                .bind("org", admin.organizationId()).bind("name", PROCEDURE).mapTo(UUID.class).findOne()
                .orElseGet(() -> insertProcedure(handle, admin.organizationId())));
        return new Credentials(admin.apiKey(), procedure);
    }

    private static UUID insertProcedure(Handle handle, UUID organization) {
        UUID id = UUID.randomUUID();
        handle.createUpdate("INSERT INTO procedures (id, organization_id, identifier, name) VALUES (:id, :org, :identifier, :name)")
                .bind("id", id).bind("org", organization).bind("identifier", PROCEDURE_IDENTIFIER)
                .bind("name", PROCEDURE).execute();
        return id;
    }
}
