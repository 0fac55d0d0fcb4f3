package dev.runline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runline.processor.deadletter.cli.DeadLettersCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations story on the whole local pipeline: a run naming a sub-unit that was never tested is
 * dead-lettered (the station sees why), the sub-unit's run arrives, an operator replays the dead letter with
 * the dead-letters tool, and the run is stored once. At every quiet point, accepted = stored + dead-lettered.
 */
class DeadLetterReplayEndToEndTest {

    private static final Pattern ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"}");
    private static final Pattern ACCEPTED = Pattern.compile("runline_gateway_runs_accepted_total(?:\\{[^}]*})? ([0-9.]+)");

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalSettings settings;
    private DemoOrganization.Credentials demo;

    @Test
    void deadLetteredRunIsStoredOnceAfterTheCauseIsFixedAndItIsReplayed() throws Exception {
        settings = new LocalSettings(home, freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        try (LocalRunline runline = new LocalRunline(settings)) {
            runline.start("--runline.processor.sub-unit-wait=1s", "--runline.processor.sub-unit-retry-interval=250ms");
            demo = runline.demo();
            String database = runline.databaseUrl();

            for (int i = 0; i < 3; i++) {
                post("SN-DL-" + i, List.of());
            }
            String parent = post("SYS-DL-1", List.of("BRD-NEVER-TESTED"));
            await().atMost(Duration.ofSeconds(60)).until(() -> status(parent).contains("\"status\":\"dead_lettered\""));
            assertThat(status(parent)).contains("\"code\":\"NOT_FOUND\"", "BRD-NEVER-TESTED");
            await().atMost(Duration.ofSeconds(30)).until(() -> count(database, "SELECT count(*) FROM runs") == 3);
            assertThat(accepted()).isEqualTo(4);
            assertThat(stored(database) + deadLettered(database)).as("the books balance").isEqualTo(accepted());

            String child = post("BRD-NEVER-TESTED", List.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> status(child).contains("\"status\":\"stored\""));
            int dryRun = DeadLettersCommand.run(LocalRunline.deadLetterDefaults(settings), "replay", "--code", "NOT_FOUND",
                    "--dry-run");
            int replay = DeadLettersCommand.run(LocalRunline.deadLetterDefaults(settings), "replay", "--code", "NOT_FOUND",
                    "--yes", "--actor", "ops-on-call");

            assertThat(dryRun).isZero();
            assertThat(replay).isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> status(parent).contains("\"status\":\"stored\""));
            assertThat(count(database, """
                    SELECT count(*) FROM units c JOIN units p ON p.id = c.parent_unit_id
                    WHERE c.serial_number = 'BRD-NEVER-TESTED' AND p.serial_number = 'SYS-DL-1'
                    """)).isEqualTo(1);
            assertThat(count(database, "SELECT count(*) FROM dead_letters WHERE state = 'replayed'")).isEqualTo(1);
            assertThat(count(database, "SELECT count(*) FROM dead_letter_actions WHERE action = 'replayed' AND actor = 'ops-on-call'"))
                    .isEqualTo(1);
            assertThat(accepted()).isEqualTo(5);
            assertThat(stored(database)).isEqualTo(5);
            assertThat(deadLettered(database)).isZero();
        }
    }

    private String post(String serial, List<String> subUnits) throws IOException, InterruptedException {
        String body = """
                {"procedure_id":"%s","serial_number":"%s","part_number":"PCB-100","outcome":"PASS","sub_units":[%s]}
                """.formatted(demo.procedureId(), serial,
                String.join(",", subUnits.stream().map(s -> "\"" + s + "\"").toList()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway("/api/v2/runs")))
                .header("Authorization", "Bearer " + demo.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher id = ID.matcher(response.body());
        assertThat(id.matches()).isTrue();
        return id.group(1);
    }

    private String status(String runId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gateway("/api/v2/runs/" + runId + "/status")))
                .header("Authorization", "Bearer " + demo.apiKey()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private int accepted() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(gateway("/actuator/prometheus"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = ACCEPTED.matcher(metrics);
        assertThat(value.find()).as("accepted counter").isTrue();
        return (int) Double.parseDouble(value.group(1));
    }

    private static int stored(String database) throws SQLException {
        return count(database, "SELECT count(*) FROM runs");
    }

    /** Runs whose newest dead letter is open or discarded, and that were not stored since (docs/operations.md). */
    private static int deadLettered(String database) throws SQLException {
        return count(database, """
                SELECT count(DISTINCT run_id) FROM dead_letters d
                WHERE state <> 'replayed' AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = d.run_id)
                """);
    }

    private String gateway(String path) {
        return "http://localhost:" + settings.gatewayPort() + path;
    }

    private static int count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, LocalDatabase.USER, LocalDatabase.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
