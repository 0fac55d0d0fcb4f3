package dev.runline.gateway.auth;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.testing.TestTenant;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A key revoked or expired in the database stops working within {@code runline.gateway.reference-cache-ttl}
 * (here 1 s), while requests with it keep arriving. Prints the time observed from the change to the first
 * 401 ({@code event=key_change_observed}), which is what the README documents as the bound.
 */
@TestPropertySource(properties = "runline.gateway.reference-cache-ttl=" + RevocationBoundTest.TTL)
class RevocationBoundTest extends GatewayIntegrationTest {

    static final String TTL = "1s";
    private static final Duration BOUND = Duration.parse("PT" + TTL).plusSeconds(2);

    private final TestTenant tenant = TestTenant.create(DATABASE);

    @Test
    void aRevokedKeyIsRefusedWithinTheCacheTtl() {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        UUID keyId = tenant.addKey(tenant.adminId, null, key.sha256(), null, null);
        post("/api/v2/runs", key.secret(), RunBody.v2(tenant.procedureId).toJson()).expectStatus().isOk();

        tenant.execute("UPDATE api_keys SET revoked_at = now() WHERE id = ?", keyId);

        awaitRefused("revoked", key.secret());
    }

    @Test
    void aKeyExpiredInTheDatabaseIsRefusedWithinTheCacheTtl() {
        ApiKeySecrets.NewApiKey key = ApiKeySecrets.generate();
        UUID keyId = tenant.addKey(tenant.adminId, null, key.sha256(), null, null);
        post("/api/v2/runs", key.secret(), RunBody.v2(tenant.procedureId).toJson()).expectStatus().isOk();

        tenant.execute("UPDATE api_keys SET expires_at = now() WHERE id = ?", keyId);

        awaitRefused("expired", key.secret());
    }

    /** Polls with the key as a busy station would, until the gateway answers 401. */
    private void awaitRefused(String change, String key) {
        long changed = System.nanoTime();
        Awaitility.await().atMost(BOUND).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> status(key) == 401);
        Duration observed = Duration.ofNanos(System.nanoTime() - changed);
        System.out.printf("event=key_change_observed change=%s ttl=%s observed_ms=%d%n", change, TTL, observed.toMillis());
    }

    private int status(String key) {
        return http.get().uri("/api/v2/runs/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(key))
                .exchange().returnResult(byte[].class).getStatus().value();
    }
}
