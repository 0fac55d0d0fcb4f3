package dev.runline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.testing.TestTenant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Strangers' keys against the whole gateway (real broker and PostgreSQL), counting the key lookups that reach
 * the database. The test client is the trusted proxy, so each test's "client" is the address it forwards,
 * as behind a load balancer.
 */
@TestPropertySource(properties = {
    "runline.gateway.auth.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1",
    "runline.gateway.auth.failure-burst=" + StrangerFloodTest.FAILURE_BURST,
    "runline.gateway.auth.failures-per-second=0.01",
    "runline.gateway.reference-cache-size=10",
})
class StrangerFloodTest extends GatewayIntegrationTest {

    static final int FAILURE_BURST = 5;

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final AtomicInteger keyLookups = new AtomicInteger();

    @Autowired
    Jdbi jdbi;

    @BeforeAll
    void countKeyLookups() {
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                if (context.getRenderedSql().contains("FROM api_keys")) {
                    keyLookups.incrementAndGet();
                }
            }
        });
    }

    @Test
    void madeUpKeysAreRefusedWithoutADatabaseLookup() {
        int before = keyLookups.get();

        for (int i = 0; i < FAILURE_BURST; i++) {
            postFrom("203.0.113.1", madeUpKey()).expectStatus().isUnauthorized();
        }

        assertThat(keyLookups.get() - before).isZero();
    }

    @Test
    void anAddressThatKeepsFailingIsAnsweredTooManyRequests() {
        String station = userKey(tenant, tenant.adminId);
        postFrom("203.0.113.2", station).expectStatus().isOk();
        for (int i = 0; i < FAILURE_BURST; i++) {
            postFrom("203.0.113.2", madeUpKey()).expectStatus().isUnauthorized();
        }

        postFrom("203.0.113.2", madeUpKey()).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        postFrom("203.0.113.2", ApiKeyLookupCacheTest.madeUpOldFormatKey()).expectStatus().isEqualTo(429);
        postFrom("203.0.113.3", madeUpKey()).expectStatus().isUnauthorized();
        postFrom("203.0.113.2", station).expectStatus().isOk();
    }

    @Test
    void aFloodOfUnknownKeysDoesNotPushAStationsKeyOutOfTheCache() {
        String station = userKey(tenant, tenant.adminId);
        postFrom("10.9.0.1", station).expectStatus().isOk();
        // Ten times the key cache's size, each unknown key only a lookup can refuse, each from its own address.
        for (int i = 0; i < 100; i++) {
            postFrom("198.51.100." + i, ApiKeyLookupCacheTest.madeUpOldFormatKey()).expectStatus().isUnauthorized();
        }
        int before = keyLookups.get();
        assertThat(before).as("the unknown keys were looked up, so the count works").isGreaterThanOrEqualTo(100);

        postFrom("10.9.0.1", station).expectStatus().isOk();

        assertThat(keyLookups.get() - before).as("the station's key is still cached").isZero();
    }

    /** The right shape, a wrong checksum: what a key scanner or a typo sends. */
    private static String madeUpKey() {
        String secret = ApiKeySecrets.generate().secret();
        return secret.substring(0, 20) + (secret.charAt(20) == 'x' ? 'y' : 'x') + secret.substring(21);
    }

    private WebTestClient.ResponseSpec postFrom(String address, String key) {
        return http.post().uri("/api/v2/runs")
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("X-Forwarded-For", address);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RunBody.v2(tenant.procedureId).toJson())
                .exchange();
    }
}
