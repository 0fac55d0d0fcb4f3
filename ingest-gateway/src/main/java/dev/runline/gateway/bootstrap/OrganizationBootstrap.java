package dev.runline.gateway.bootstrap;

import dev.runline.gateway.auth.ApiKeySecrets;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Gets or creates an organization, its admin user and an admin API key, so that a deployment script can
 * run it on every deploy: what exists is left alone, and a key is made only when the key file does not hold
 * one that still works. Used by the {@code bootstrap} command and by the local mode's demo organization.
 * <ul>
 *   <li>The organization is matched by name, case-insensitively (names are unique that way).</li>
 *   <li>The admin is matched by email, case-insensitively, in that organization. A user of that email with
 *       another role is refused rather than promoted: a bootstrap never changes someone's rights.</li>
 *   <li>The key file's key is kept if it is a user key of that admin in that organization, neither revoked
 *       nor expired. Otherwise a new key is created (its hash stored, never the key) and written to the file
 *       before the transaction commits, so a failed write leaves no orphan key behind.</li>
 * </ul>
 * Needs a migrated schema (the processor migrates at start-up) and a {@link Jdbi} with the SqlObject plugin.
 */
public final class OrganizationBootstrap {

    private final Jdbi jdbi;

    public OrganizationBootstrap(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param organization the organization's name
     * @param adminEmail   the first admin's email (the key acts as this user)
     * @param adminName    the admin's display name; may be null
     * @param keyName      the API key's name, shown in key lists
     */
    public record Request(String organization, String adminEmail, String adminName, String keyName) {
        public Request {
            organization = required(organization, "organization name");
            adminEmail = required(adminEmail, "admin email");
            keyName = required(keyName, "key name");
            adminName = adminName == null || adminName.isBlank() ? null : adminName.strip();
            if (!adminEmail.matches("[^@\\s]+@[^@\\s]+") || adminEmail.length() > 254) {
                throw new BootstrapException("'" + adminEmail + "' is not an email address");
            }
        }

        private static String required(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new BootstrapException("the " + what + " must not be blank");
            }
            return value.strip();
        }
    }

    /**
     * What the bootstrap found or made. {@code apiKey} is the working admin key: the new one, or the one the
     * key file already held.
     */
    public record Outcome(UUID organizationId, boolean organizationCreated, UUID adminId, boolean adminCreated,
            String apiKey, boolean keyCreated) {

        /** Which key, without the secret: logs and test reports must not carry it. */
        public String keyPrefix() {
            return apiKey.substring(0, Math.min(apiKey.length(), ApiKeySecrets.SCHEME_PREFIX.length() + 8));
        }

        public boolean changedNothing() {
            return !organizationCreated && !adminCreated && !keyCreated;
        }

        @Override
        public String toString() {
            return "Outcome[organizationId=%s, organizationCreated=%s, adminId=%s, adminCreated=%s, key=%s..., keyCreated=%s]"
                    .formatted(organizationId, organizationCreated, adminId, adminCreated, keyPrefix(), keyCreated);
        }
    }

    /** One transaction: the rows and the key file's content either all change or none does. */
    public Outcome ensure(Request request, KeyFile keyFile) {
        return jdbi.inTransaction(handle -> {
            BootstrapDao dao = handle.attach(BootstrapDao.class);
            if (!dao.schemaPresent()) {
                throw new BootstrapException("the Runline tables are missing from this database: start the run "
                        + "processor once (it migrates the database at start-up), then run the bootstrap again");
            }
            boolean organizationCreated = dao.insertOrganization(UUID.randomUUID(), request.organization()) == 1;
            UUID organization = dao.organizationByName(request.organization()).orElseThrow();
            boolean adminCreated = dao.insertAdmin(UUID.randomUUID(), organization, request.adminEmail(),
                    request.adminName()) == 1;
            BootstrapDao.ExistingUser admin = dao.userByEmail(organization, request.adminEmail()).orElseThrow();
            if (!"admin".equals(admin.role())) {
                throw new BootstrapException(("%s is already a user of %s with the role %s, and the bootstrap does not "
                        + "change roles: name another admin email, or make that user an admin")
                        .formatted(request.adminEmail(), request.organization(), admin.role()));
            }
            Optional<String> kept = keyFile.read()
                    .filter(key -> dao.userKeyWorks(ApiKeySecrets.sha256(key), organization, admin.id()));
            String key = kept.orElseGet(() -> createKey(dao, organization, admin.id(), request.keyName(), keyFile));
            return new Outcome(organization, organizationCreated, admin.id(), adminCreated, key, kept.isEmpty());
        });
    }

    private static String createKey(BootstrapDao dao, UUID organization, UUID admin, String name, KeyFile keyFile) {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        dao.insertUserKey(UUID.randomUUID(), organization, admin, name, key.prefix(), key.sha256());
        keyFile.write(key.secret());
        return key.secret();
    }
}
