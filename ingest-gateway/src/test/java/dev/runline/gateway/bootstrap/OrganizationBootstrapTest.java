package dev.runline.gateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.runline.gateway.GatewayProperties;
import dev.runline.gateway.auth.ApiKeyAuthenticator;
import dev.runline.gateway.auth.ApiKeySecrets;
import dev.runline.gateway.auth.Caller;
import dev.runline.gateway.ratelimit.KeyRateLimiter;
import dev.runline.gateway.ratelimit.RateLimitProperties;
import dev.runline.schemas.testing.TestDatabase;
import dev.runline.schemas.testing.TestTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Get-or-create of an organization, its admin and an admin key, against a real database. */
class OrganizationBootstrapTest {

    private static final String DATABASE = TestDatabase.newMigratedDatabase();
    private static final Jdbi JDBI = Jdbi.create(DATABASE, TestDatabase.USER, TestDatabase.PASSWORD)
            .installPlugin(new SqlObjectPlugin());

    @TempDir
    Path folder;

    private final String name = "Acme " + UUID.randomUUID().toString().substring(0, 8);
    private final OrganizationBootstrap bootstrap = new OrganizationBootstrap(JDBI);

    private OrganizationBootstrap.Request request() {
        return new OrganizationBootstrap.Request(name, "ops@acme.example", "Ops", "deploy");
    }

    private KeyFile keyFile() {
        return new KeyFile(folder.resolve("admin-key"));
    }

    @Test
    void theFirstRunCreatesTheOrganizationItsAdminAndAKeyThatAuthenticatesAsTheAdmin() throws IOException {
        OrganizationBootstrap.Outcome outcome = bootstrap.ensure(request(), keyFile());

        assertThat(outcome.organizationCreated()).isTrue();
        assertThat(outcome.adminCreated()).isTrue();
        assertThat(outcome.keyCreated()).isTrue();
        Caller caller = authenticator().authenticate("Bearer " + outcome.apiKey()).block();
        assertThat(caller.organizationId()).isEqualTo(outcome.organizationId());
        assertThat(caller.userId()).isEqualTo(outcome.adminId());
        assertThat(caller.role()).isEqualTo("admin");
        assertThat(Files.readString(keyFile().path()).strip()).isEqualTo(outcome.apiKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile().path()))).isEqualTo("rw-------");
    }

    @Test
    void onlyTheKeysPrefixAndHashAreStored() {
        OrganizationBootstrap.Outcome outcome = bootstrap.ensure(request(), keyFile());

        assertThat(count("SELECT count(*) FROM api_keys WHERE organization_id = '%s' AND name = 'deploy' AND prefix = '%s'"
                        + " AND secret_sha256 = '\\x%s'", outcome.organizationId(), outcome.keyPrefix(),
                HexFormat.of().formatHex(ApiKeySecrets.sha256(outcome.apiKey()))))
                .isEqualTo(1);
        assertThat(outcome.keyPrefix()).hasSize(11).startsWith("rl_");
        assertThat(outcome.toString()).doesNotContain(outcome.apiKey());
    }

    @Test
    void aSecondRunWithTheSameKeyFileChangesNothing() throws IOException {
        OrganizationBootstrap.Outcome first = bootstrap.ensure(request(), keyFile());
        String file = Files.readString(keyFile().path());
        int[] before = rows(first.organizationId());

        OrganizationBootstrap.Outcome second = bootstrap.ensure(request(), keyFile());

        assertThat(second.changedNothing()).isTrue();
        assertThat(second.organizationId()).isEqualTo(first.organizationId());
        assertThat(second.adminId()).isEqualTo(first.adminId());
        assertThat(second.apiKey()).isEqualTo(first.apiKey());
        assertThat(rows(first.organizationId())).isEqualTo(before);
        assertThat(Files.readString(keyFile().path())).isEqualTo(file);
    }

    @Test
    void theOrganizationAndTheAdminAreMatchedCaseInsensitively() {
        OrganizationBootstrap.Outcome first = bootstrap.ensure(request(), keyFile());

        OrganizationBootstrap.Outcome second = bootstrap.ensure(
                new OrganizationBootstrap.Request(name.toUpperCase(), "OPS@Acme.Example", null, "deploy"), keyFile());

        assertThat(second.changedNothing()).isTrue();
        assertThat(second.organizationId()).isEqualTo(first.organizationId());
        assertThat(count("SELECT count(*) FROM organizations WHERE lower(name) = lower('%s')", name)).isEqualTo(1);
    }

    @Test
    void aRevokedKeyInTheKeyFileIsReplacedByANewOne() {
        OrganizationBootstrap.Outcome first = bootstrap.ensure(request(), keyFile());
        JDBI.useHandle(h -> h.execute("UPDATE api_keys SET revoked_at = now() WHERE organization_id = ?", first.organizationId()));

        OrganizationBootstrap.Outcome second = bootstrap.ensure(request(), keyFile());

        assertThat(second.keyCreated()).isTrue();
        assertThat(second.organizationCreated() || second.adminCreated()).isFalse();
        assertThat(second.apiKey()).isNotEqualTo(first.apiKey());
        assertThat(keyFile().read()).contains(second.apiKey());
        assertThat(rows(first.organizationId())).containsExactly(1, 2);
    }

    @Test
    void anExpiredKeyInTheKeyFileIsReplacedByANewOne() {
        OrganizationBootstrap.Outcome first = bootstrap.ensure(request(), keyFile());
        JDBI.useHandle(h -> h.execute("UPDATE api_keys SET expires_at = now() WHERE organization_id = ?", first.organizationId()));

        assertThat(bootstrap.ensure(request(), keyFile()).keyCreated()).isTrue();
    }

    @Test
    void aDeletedKeyFileGetsANewKey() throws IOException {
        OrganizationBootstrap.Outcome first = bootstrap.ensure(request(), keyFile());
        Files.delete(keyFile().path());

        OrganizationBootstrap.Outcome second = bootstrap.ensure(request(), keyFile());

        assertThat(second.keyCreated()).isTrue();
        assertThat(keyFile().read()).contains(second.apiKey());
        assertThat(rows(first.organizationId())).containsExactly(1, 2);
    }

    @Test
    void aKeyFileHoldingAnotherOrganizationsKeyGetsAKeyOfThisOne() {
        TestTenant other = TestTenant.create(DATABASE);
        ApiKeySecrets.NewApiKey otherKey = ApiKeySecrets.generate();
        other.addKey(other.adminId, null, otherKey.sha256(), null, null);
        keyFile().write(otherKey.secret());

        OrganizationBootstrap.Outcome outcome = bootstrap.ensure(request(), keyFile());

        assertThat(outcome.keyCreated()).isTrue();
        assertThat(authenticator().authenticate("Bearer " + outcome.apiKey()).block().organizationId())
                .isEqualTo(outcome.organizationId());
    }

    @Test
    void aKeyFileHoldingAnotherUsersKeyOfTheSameOrganizationGetsTheAdminsKey() {
        OrganizationBootstrap.Outcome first = bootstrap.ensure(request(), keyFile());

        OrganizationBootstrap.Outcome second = bootstrap.ensure(
                new OrganizationBootstrap.Request(name, "second-admin@acme.example", null, "deploy"), keyFile());

        assertThat(second.adminCreated()).isTrue();
        assertThat(second.keyCreated()).isTrue();
        assertThat(authenticator().authenticate("Bearer " + second.apiKey()).block().userId()).isEqualTo(second.adminId());
        assertThat(second.adminId()).isNotEqualTo(first.adminId());
    }

    @Test
    void aUserOfThatEmailWithAnotherRoleIsNotPromoted() {
        TestTenant tenant = TestTenant.create(DATABASE);
        String viewer = "viewer-" + tenant.organizationId.toString().substring(0, 8) + "@example.com";
        String organization = JDBI.withHandle(h -> h.select("SELECT name FROM organizations WHERE id = ?", tenant.organizationId)
                .mapTo(String.class).one());

        assertThatThrownBy(() -> bootstrap.ensure(new OrganizationBootstrap.Request(organization, viewer, null, "deploy"), keyFile()))
                .isInstanceOf(BootstrapException.class)
                .hasMessageContaining("with the role viewer");
        assertThat(keyFile().read()).isEmpty();
        assertThat(count("SELECT count(*) FROM api_keys WHERE organization_id = '%s'", tenant.organizationId)).isZero();
    }

    @Test
    void aKeyFileThatCannotBeWrittenCreatesNoKey() throws IOException {
        Path blocked = folder.resolve("not-a-folder");
        Files.writeString(blocked, "a file where the key file's folder should be");

        assertThatThrownBy(() -> bootstrap.ensure(request(), new KeyFile(blocked.resolve("admin-key"))))
                .isInstanceOf(BootstrapException.class)
                .hasMessageContaining("cannot write the API key");
        assertThat(count("SELECT count(*) FROM organizations WHERE name = '%s'", name)).as("rolled back").isZero();
    }

    @Test
    void aMissingSchemaIsExplained() {
        Jdbi empty = Jdbi.create(TestDatabase.newEmptyDatabase(), TestDatabase.USER, TestDatabase.PASSWORD)
                .installPlugin(new SqlObjectPlugin());

        assertThatThrownBy(() -> new OrganizationBootstrap(empty).ensure(request(), keyFile()))
                .isInstanceOf(BootstrapException.class)
                .hasMessageContaining("tables are missing")
                .hasMessageContaining("start the run processor once");
        assertThat(keyFile().read()).isEmpty();
    }

    @Test
    void aBlankOrganizationOrAMalformedEmailIsRefused() {
        assertThatThrownBy(() -> new OrganizationBootstrap.Request(" ", "ops@acme.example", null, "deploy"))
                .isInstanceOf(BootstrapException.class).hasMessageContaining("organization name");
        assertThatThrownBy(() -> new OrganizationBootstrap.Request("Acme", "ops", null, "deploy"))
                .isInstanceOf(BootstrapException.class).hasMessageContaining("not an email");
    }

    /** Organizations of that name, and keys of that organization. */
    private int[] rows(UUID organization) {
        return new int[] {
            count("SELECT count(*) FROM organizations WHERE lower(name) = lower('%s')", name),
            count("SELECT count(*) FROM api_keys WHERE organization_id = '%s'", organization),
        };
    }

    private static int count(String sql, Object... arguments) {
        return TestDatabase.count(DATABASE, sql.formatted(arguments));
    }

    private static ApiKeyAuthenticator authenticator() {
        GatewayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("runline.gateway", GatewayProperties.class);
        KeyRateLimiter unlimited = new KeyRateLimiter(new RateLimitProperties(false, 1, 1, 1), Ticker.systemTicker());
        return new ApiKeyAuthenticator(JDBI, properties, Clock.systemUTC(), unlimited);
    }
}
