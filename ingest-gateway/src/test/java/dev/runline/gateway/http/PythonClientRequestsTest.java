package dev.runline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.gateway.testing.GatewayIntegrationTest;
import dev.runline.schemas.event.ApiVersion;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.testing.TestTenant;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Requests shaped exactly as the official Python clients send them are accepted: their headers, naive
 * datetimes, floats for integers, the always-present {@code retry_count}, explicit nulls, and the v1
 * client's own fields.
 */
class PythonClientRequestsTest extends GatewayIntegrationTest {

    private final TestTenant tenant = TestTenant.create(DATABASE);
    private final String key = userKey(tenant, tenant.adminId);

    @Test
    void v2ClientRequestIsAccepted() {
        String body = """
                {"procedure_id": "%s", "serial_number": "SN-PY2-0001", "part_number": "PCB-100",
                 "revision_number": null, "batch_number": null, "procedure_version": null,
                 "outcome": "PASS", "started_at": "2026-11-23T08:15:30.123456", "ended_at": "2026-11-23T08:16:12.654321",
                 "operated_by": null, "docstring": null, "deployment_id": null, "sub_units": [],
                 "phases": [{"name": "power_on", "outcome": "PASS", "started_at": "2026-11-23T08:15:30.200000",
                             "ended_at": "2026-11-23T08:15:33.000000", "retry_count": 0, "docstring": null,
                             "measurements": [{"name": "vcc", "outcome": "PASS", "measured_value": 3.3, "units": "V",
                                               "validators": [{"operator": ">=", "expected_value": 3.0, "outcome": "PASS", "is_decisive": true}],
                                               "aggregations": null, "x_axis": null, "y_axis": null, "docstring": null}]}],
                 "logs": [{"level": "INFO", "timestamp": "2026-11-23T08:15:31.000001", "message": "clamped",
                           "source_file": "main.py", "line_number": 12.0}]}
                """.formatted(tenant.procedureId);

        UUID id = http.post().uri("/api/v2/runs")
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("Accept", "application/json");
                    headers.set("User-Agent", "speakeasy-sdk/python 2.0.0 2.722.2 0.1.0 tofupilot");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(RunController.CreatedRun.class).returnResult().getResponseBody().id();

        RunAccepted event = published(id).value();
        assertThat(event.getApiVersion()).isEqualTo(ApiVersion.V2);
        assertThat(event.getRun().getStartedAt()).isEqualTo(Instant.parse("2026-11-23T08:15:30.123456Z"));
        assertThat(event.getRun().getLogs().getFirst().getLineNumber()).isEqualTo(12);
        assertThat(event.getRun().getPhases().getFirst().getRetryCount()).isZero();
    }

    @Test
    void v1ClientRequestIsAccepted() {
        String body = """
                {"unit_under_test": {"serial_number": "SN-PY1-0001", "part_number": "PCB-100", "revision": "A"},
                 "run_passed": false, "procedure_id": "FVT1", "procedure_name": "Functional test",
                 "started_at": "2026-11-23T08:15:30.123456", "duration": "PT41.5S",
                 "phases": [{"name": "power_on", "outcome": "FAIL", "start_time_millis": 1763885730123.456,
                             "end_time_millis": 1763885733000, "measurements": [{"name": "vcc", "outcome": "FAIL",
                             "measured_value": 2.7, "units": "V", "lower_limit": 3.0, "upper_limit": 3.6}]}],
                 "logs": [{"level": "ERROR", "timestamp": "2026-11-23T08:15:31.5", "message": "under-voltage",
                           "source_file": "main.py", "line_number": 88}],
                 "client": "Python", "client_version": "1.11.2"}
                """;

        UUID id = http.post().uri("/api/v1/runs")
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.set("User-Agent", "python-requests/2.32.3");
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(RunController.CreatedRun.class).returnResult().getResponseBody().id();

        RunAccepted event = published(id).value();
        assertThat(event.getApiVersion()).isEqualTo(ApiVersion.V1);
        assertThat(event.getRun().getProcedureId()).isEqualTo(tenant.procedureId);
        assertThat(event.getRun().getEndedAt()).isEqualTo(Instant.parse("2026-11-23T08:16:11.623456Z"));
        assertThat(event.getRun().getClient()).isEqualTo("Python");
        assertThat(event.getRun().getClientVersion()).isEqualTo("1.11.2");
    }

    @Test
    void streamingRouteOfTheOpenHtfIntegrationIsNotFound() {
        http.get().uri("/api/v1/streaming").headers(headers -> headers.setBearerAuth(key)).exchange()
                .expectStatus().isNotFound();
    }
}
