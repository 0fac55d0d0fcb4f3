package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.gateway.testing.RunBody;
import dev.runline.schemas.testing.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Idempotency-Key (contract §8): one run id per key and organization; a different body is a conflict. */
class IdempotencyKeyTest extends GatewayIntegrationTest {

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final String key = userKey(tenant, tenant.adminId);

    private UUID create(String apiKey, String idempotencyKey, String body) {
        return http.post().uri("/api/v2/runs")
                .headers(headers -> {
                    headers.setBearerAuth(apiKey);
                    headers.set("Idempotency-Key", idempotencyKey);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(RunController.CreatedRun.class).returnResult().getResponseBody().id();
    }

    @Test
    void retryWithTheSameKeyAndBodyGetsTheSameRunIdPublishedAgain() {
        String body = RunBody.v2(tenant.procedureId).toJson();

        UUID first = create(key, "retry-1", body);
        UUID second = create(key, "retry-1", body);

        assertThat(second).isEqualTo(first);
        assertThat(published(first).value().getIdempotencyKey()).isEqualTo("retry-1");
    }

    @Test
    void retryAWeekLaterStillGetsTheSameRunId() {
        String body = RunBody.v2(tenant.procedureId).toJson();
        UUID first = create(key, "week-old-1", body);
        tenant.execute("UPDATE idempotency_keys SET created_at = now() - interval '8 days' WHERE idempotency_key = ?",
                "week-old-1");

        assertThat(create(key, "week-old-1", body)).isEqualTo(first);
    }

    @Test
    void sameKeyWithADifferentBodyIsAConflict() {
        create(key, "conflict-1", RunBody.v2(tenant.procedureId).toJson());

        ErrorBody error = http.post().uri("/api/v2/runs")
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("Idempotency-Key", "conflict-1");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RunBody.v2(tenant.procedureId).with("outcome", "FAIL").toJson())
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(ErrorBody.class).returnResult().getResponseBody();

        assertThat(error.code()).isEqualTo("CONFLICT");
    }

    @Test
    void keysAreScopedToTheOrganization() {
        TestTenant other = TestTenant.create(DATABASE);
        String body = RunBody.v2(tenant.procedureId).toJson();

        UUID mine = create(key, "shared-name", body);
        UUID theirs = create(userKey(other, other.adminId), "shared-name", RunBody.v2(other.procedureId).toJson());

        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void concurrentRequestsWithOneKeyAllGetOneRunId() {
        String body = RunBody.v2(tenant.procedureId).toJson();
        Set<UUID> ids = ConcurrentHashMap.newKeySet();

        Flux.fromStream(IntStream.range(0, 8).boxed())
                .parallel(8).runOn(Schedulers.boundedElastic())
                .doOnNext(i -> ids.add(create(key, "race-1", body)))
                .sequential().blockLast(Duration.ofSeconds(30));

        assertThat(ids).hasSize(1);
    }

    @Test
    void overlongKeyIsABadRequest() {
        ErrorBody error = http.post().uri("/api/v2/runs")
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("Idempotency-Key", "k".repeat(256));
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RunBody.v2(tenant.procedureId).toJson())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(ErrorBody.class).returnResult().getResponseBody();

        assertThat(error.issues()).extracting(ErrorBody.IssueBody::path).containsExactly(List.of("Idempotency-Key"));
    }
}
