package dev.runline.processor.deadletter.cli;

import static dev.runline.processor.deadletter.DeadLetterBuilder.aDeadLetter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runline.processor.deadletter.DeadLetter;
import dev.runline.processor.deadletter.DeadLetterDao;
import dev.runline.processor.deadletter.DeadLetterFilter;
import dev.runline.schemas.event.RunAccepted;
import dev.runline.schemas.testing.RunEvents;
import dev.runline.schemas.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import picocli.CommandLine;

/** The dead-letter tool against a real PostgreSQL and a real broker, driven as operators type it. */
@EmbeddedKafka(partitions = 1)
class DeadLettersCommandTest {

    /** A script or a cron job: nobody to ask. */
    private static final Operator NO_TERMINAL = new ScriptedOperator(false, false);

    private final String database = TestDatabase.newMigratedDatabase();
    private final Jdbi jdbi = Jdbi.create(database, TestDatabase.USER, TestDatabase.PASSWORD)
            .installPlugin(new SqlObjectPlugin());
    private final DeadLetterDao dao = jdbi.onDemand(DeadLetterDao.class);
    /** Each test replays to a topic of its own, so what it finds there is its own doing. */
    private final String runsTopic = "runs-" + UUID.randomUUID();
    private EmbeddedKafkaBroker broker;
    private CliDefaults defaults;

    record ScriptedOperator(boolean present, boolean answer) implements Operator {
        @Override
        public boolean confirms(String question) {
            return answer;
        }
    }

    record Result(int exitCode, String out, String err) {}

    @BeforeEach
    void broker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        broker.addTopics(runsTopic);
        defaults = new CliDefaults(database, TestDatabase.USER, TestDatabase.PASSWORD, broker.getBrokersAsString(),
                "alice");
    }

    private Result run(Operator operator, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (DeadLettersCommand command = new DeadLettersCommand(operator)) {
            CommandLine commandLine = DeadLettersCommand.commandLine(command, defaults);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            return new Result(commandLine.execute(args), out.toString(), err.toString());
        }
    }

    private Result run(String... args) {
        return run(NO_TERMINAL, args);
    }

    private DeadLetter stored(DeadLetter deadLetter) {
        dao.insert(deadLetter);
        return deadLetter;
    }

    private DeadLetter reloaded(DeadLetter deadLetter) {
        return dao.findById(deadLetter.id()).orElseThrow();
    }

    private Consumer<String, byte[]> runsConsumer() {
        Map<String, Object> settings = KafkaTestUtils.consumerProps(broker, "check-" + UUID.randomUUID(), false);
        Consumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(new TopicPartition(runsTopic, 0)));
        return consumer;
    }

    /** How many records the runs topic holds: the tool has returned, so whatever it published is acknowledged. */
    private long published() {
        try (Consumer<String, byte[]> consumer = runsConsumer()) {
            return consumer.endOffsets(List.of(new TopicPartition(runsTopic, 0))).values().iterator().next();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void listFiltersByCode() {
        DeadLetter notFound = stored(aDeadLetter().errorCode("NOT_FOUND").build());
        DeadLetter badRequest = stored(aDeadLetter().errorCode("BAD_REQUEST").build());

        Result result = run("list", "--code", "BAD_REQUEST");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(Texts.shortId(badRequest.id()), badRequest.runId().toString(), "1 dead letter")
                .doesNotContain(Texts.shortId(notFound.id()));
    }

    @Test
    void listFiltersByOrganization() {
        UUID organization = UUID.randomUUID();
        DeadLetter ours = stored(aDeadLetter().organizationId(organization).build());
        DeadLetter theirs = stored(aDeadLetter().build());

        Result result = run("list", "--organization", organization.toString());

        assertThat(result.out()).contains(Texts.shortId(ours.id())).doesNotContain(Texts.shortId(theirs.id()));
    }

    @Test
    void listShowsOpenDeadLettersUnlessAStateIsGiven() {
        DeadLetter open = stored(aDeadLetter().build());
        DeadLetter discarded = stored(aDeadLetter().state(DeadLetter.DISCARDED).build());

        assertThat(run("list").out()).contains(Texts.shortId(open.id())).doesNotContain(Texts.shortId(discarded.id()));
        assertThat(run("list", "--state", "discarded").out()).contains(Texts.shortId(discarded.id()))
                .doesNotContain(Texts.shortId(open.id()));
        assertThat(run("list", "--state", "all").out()).contains(Texts.shortId(open.id()), Texts.shortId(discarded.id()));
    }

    @Test
    void listFiltersByTimeWithDatesAndInstants() {
        DeadLetter before = stored(aDeadLetter().deadLetteredAt(Instant.parse("2026-11-23T23:59:59Z")).build());
        DeadLetter within = stored(aDeadLetter().deadLetteredAt(Instant.parse("2026-11-24T08:00:00Z")).build());
        DeadLetter after = stored(aDeadLetter().deadLetteredAt(Instant.parse("2026-11-24T09:00:00Z")).build());

        Result result = run("list", "--since", "2026-11-24", "--until", "2026-11-24T09:00:00Z");

        assertThat(result.out()).contains(Texts.shortId(within.id()))
                .doesNotContain(Texts.shortId(before.id()), Texts.shortId(after.id()));
    }

    @Test
    void listRefusesAnUnknownState() {
        Result result = run("list", "--state", "closed");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected open, replayed, discarded or all");
    }

    @Test
    void showByIdPrefixPrintsTheDecodedRun() {
        RunAccepted event = RunEvents.aRunAccepted()
                .setRun(RunEvents.aRun().setSerialNumber("SN-SHOW-1").build())
                .build();
        DeadLetter deadLetter = stored(aDeadLetter().event(event).build());

        Result result = run("show", Texts.shortId(deadLetter.id()));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(deadLetter.id().toString(), "NOT_FOUND", "runline.runs partition 0",
                "traceparent: 00-4bf92f35", "runline-attempts: 1", "\"serial_number\": \"SN-SHOW-1\"",
                event.getRunId().toString());
    }

    @Test
    void showOfAnUndecodableValuePrintsItsSizeAndFirstBytes() {
        byte[] json = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        DeadLetter deadLetter = stored(aDeadLetter().undecodableValue(json).build());

        Result result = run("show", deadLetter.id().toString());

        assertThat(result.out()).contains("not a decodable run event", "14 bytes", "7b 22 6e 6f 74");
    }

    @Test
    void showOfAnUnknownIdFails() {
        Result result = run("show", "00000000");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no dead letter with id 00000000");
    }

    @Test
    void replayDryRunChangesNothingAndPublishesNothing() {
        DeadLetter deadLetter = stored(aDeadLetter().originalTopic(runsTopic).build());

        Result result = run("replay", "--dry-run", Texts.shortId(deadLetter.id()));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains(Texts.shortId(deadLetter.id()), "Dry run: would replay 1 dead letter to " + runsTopic);
        assertThat(reloaded(deadLetter).state()).isEqualTo(DeadLetter.OPEN);
        assertThat(dao.actions(deadLetter.id(), 10)).isEmpty();
        assertThat(published()).isZero();
    }

    @Test
    void replayPublishesTheOriginalRecordThenMarksItReplayedAndAuditsWhereItWent() {
        DeadLetter deadLetter = stored(aDeadLetter().originalTopic(runsTopic).attempts(2)
                .header("traceparent", "00-abc-01").build());

        Result result = run("replay", "--yes", Texts.shortId(deadLetter.id()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Replayed 1, failed 0, skipped 0 (not open)");
        ConsumerRecord<String, byte[]> replayed;
        try (Consumer<String, byte[]> consumer = runsConsumer()) {
            replayed = KafkaTestUtils.getSingleRecord(consumer, runsTopic, Duration.ofSeconds(10));
        }
        assertThat(replayed.key()).isEqualTo(deadLetter.recordKey());
        assertThat(replayed.value()).isEqualTo(deadLetter.recordValue());
        assertThat(header(replayed, "traceparent")).isEqualTo("00-abc-01");
        assertThat(header(replayed, "runline-attempts")).as("a new failure comes back with attempt 3").isEqualTo("2");
        assertThat(reloaded(deadLetter).state()).isEqualTo(DeadLetter.REPLAYED);
        assertThat(dao.actions(deadLetter.id(), 10)).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo("replayed");
            assertThat(action.actor()).isEqualTo("alice");
            assertThat(action.replayTopic()).isEqualTo(runsTopic);
            assertThat(action.replayPartition()).isEqualTo(replayed.partition());
            assertThat(action.replayOffset()).isEqualTo(replayed.offset());
        });
    }

    @Test
    void replayingAgainSkipsWhatIsNoLongerOpen() {
        DeadLetter deadLetter = stored(aDeadLetter().originalTopic(runsTopic).build());
        run("replay", "--yes", deadLetter.id().toString());

        Result again = run("replay", "--yes", deadLetter.id().toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing to replay: 1 skipped (not open)");
        assertThat(published()).isEqualTo(1);
        assertThat(dao.actions(deadLetter.id(), 10)).hasSize(1);
    }

    @Test
    void replayByFiltersReplaysOnlyTheMatchingOpenDeadLetters() {
        DeadLetter matching = stored(aDeadLetter().originalTopic(runsTopic).errorCode("INTERNAL_SERVER_ERROR")
                .build());
        DeadLetter other = stored(aDeadLetter().originalTopic(runsTopic).errorCode("NOT_FOUND").build());

        Result result = run("replay", "--yes", "--code", "INTERNAL_SERVER_ERROR", "--rate", "100");

        assertThat(result.out()).contains("Replayed 1, failed 0");
        assertThat(reloaded(matching).state()).isEqualTo(DeadLetter.REPLAYED);
        assertThat(reloaded(other).state()).isEqualTo(DeadLetter.OPEN);
        assertThat(published()).isEqualTo(1);
    }

    @Test
    void replayWithoutIdsFiltersOrAllIsRefused() {
        stored(aDeadLetter().originalTopic(runsTopic).build());

        Result result = run("replay", "--yes");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Which dead letters? Give ids or filters, or --all");
        assertThat(published()).isZero();
    }

    @Test
    void aRecordTheBrokerRefusesStaysOpenAndFailsTheCommandWhileTheOthersAreReplayed() {
        // Above the broker's 1 MB message.max.bytes: refused by the broker, for this record only.
        DeadLetter tooLarge = stored(aDeadLetter().originalTopic(runsTopic).valueOfSize(2 * 1024 * 1024).build());
        DeadLetter fine = stored(aDeadLetter().originalTopic(runsTopic).build());

        Result result = run("replay", "--yes", tooLarge.id().toString(), fine.id().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Replayed 1, failed 1, skipped 0 (not open)");
        assertThat(result.err()).contains("failed " + Texts.shortId(tooLarge.id()), "RecordTooLargeException");
        assertThat(reloaded(tooLarge).state()).isEqualTo(DeadLetter.OPEN);
        assertThat(dao.actions(tooLarge.id(), 10)).isEmpty();
        assertThat(reloaded(fine).state()).isEqualTo(DeadLetter.REPLAYED);
    }

    @Test
    void withoutYesAndWithoutATerminalNothingChanges() {
        DeadLetter deadLetter = stored(aDeadLetter().originalTopic(runsTopic).build());

        Result replay = run("replay", deadLetter.id().toString());
        Result discard = run("discard", deadLetter.id().toString(), "--reason", "test data");

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.err()).contains("Refusing to replay 1 dead letter to " + runsTopic, "--yes");
        assertThat(discard.exitCode()).isEqualTo(1);
        assertThat(discard.err()).contains("Refusing to discard 1 dead letter");
        assertThat(reloaded(deadLetter).state()).isEqualTo(DeadLetter.OPEN);
        assertThat(published()).isZero();
    }

    @Test
    void aDeclinedConfirmationChangesNothing() {
        DeadLetter deadLetter = stored(aDeadLetter().originalTopic(runsTopic).build());

        Result result = run(new ScriptedOperator(true, false), "replay", deadLetter.id().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Cancelled; nothing changed.");
        assertThat(reloaded(deadLetter).state()).isEqualTo(DeadLetter.OPEN);
        assertThat(published()).isZero();
    }

    @Test
    void aConfirmedReplayShowsItsProgressToTheOperator() {
        DeadLetter first = stored(aDeadLetter().originalTopic(runsTopic).build());
        DeadLetter second = stored(aDeadLetter().originalTopic(runsTopic).build());

        Result result = run(new ScriptedOperator(true, true), "replay", first.id().toString(), second.id().toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("Replay", "2/2");
        assertThat(published()).isEqualTo(2);
    }

    @Test
    void discardRequiresAReason() {
        DeadLetter deadLetter = stored(aDeadLetter().build());

        Result result = run("discard", "--yes", deadLetter.id().toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--reason=<text>'");
        assertThat(reloaded(deadLetter).state()).isEqualTo(DeadLetter.OPEN);
    }

    @Test
    void discardClosesTheDeadLetterAndAuditsTheReason() {
        DeadLetter deadLetter = stored(aDeadLetter().build());

        Result result = run("discard", "--yes", Texts.shortId(deadLetter.id()),
                "--reason", "procedure deleted on purpose");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Discarded 1, failed 0, skipped 0 (not open)");
        assertThat(reloaded(deadLetter).state()).isEqualTo(DeadLetter.DISCARDED);
        assertThat(dao.actions(deadLetter.id(), 10)).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo("discarded");
            assertThat(action.actor()).isEqualTo("alice");
            assertThat(action.reason()).isEqualTo("procedure deleted on purpose");
            assertThat(action.replayOffset()).isNull();
        });
    }

    @Test
    void historyPrintsWhoDidWhatWhyAndWhereAReplayWent() {
        DeadLetter replayed = stored(aDeadLetter().originalTopic(runsTopic).build());
        DeadLetter discarded = stored(aDeadLetter().build());
        run("replay", "--yes", replayed.id().toString());
        run("discard", "--yes", discarded.id().toString(), "--reason", "duplicate station", "--actor", "bob");

        Result all = run("history");
        Result one = run("history", Texts.shortId(discarded.id()));

        assertThat(all.out()).contains(Texts.shortId(replayed.id()), "replayed", "alice", runsTopic + "-0@0",
                Texts.shortId(discarded.id()), "discarded", "bob", "duplicate station", "2 actions");
        assertThat(one.out()).contains("duplicate station", "1 action").doesNotContain(Texts.shortId(replayed.id()));
    }

    @Test
    void statsCountsPerStateAndCode() {
        stored(aDeadLetter().errorCode("NOT_FOUND").build());
        stored(aDeadLetter().errorCode("NOT_FOUND").build());
        stored(aDeadLetter().errorCode("BAD_REQUEST").state(DeadLetter.DISCARDED).build());

        Result result = run("stats");

        assertThat(result.out()).containsPattern("open\\s+NOT_FOUND\\s+2")
                .containsPattern("discarded\\s+BAD_REQUEST\\s+1").contains("total: 3");
    }

    @Test
    void anUnreachableDatabaseIsReportedInOneLine() {
        Result result = run("list", "--db-url", "jdbc:postgresql://localhost:1/runline");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: cannot connect to PostgreSQL at jdbc:postgresql://localhost:1/")
                .doesNotContain("\tat ");
    }

    @Test
    void aReplayDoesNotResendWhatWasClosedSinceTheListWasRead() throws InterruptedException {
        DeadLetter deadLetter = stored(aDeadLetter().originalTopic(runsTopic).build());
        List<DeadLetter> listed = dao.find(DeadLetterFilter.open());
        dao.closeOpen(deadLetter.id(), DeadLetter.DISCARDED);

        DeadLetterActions.Outcome outcome;
        try (Handle handle = jdbi.open();
                ReplayPublisher publisher = ReplayPublisher.connect(broker.getBrokersAsString())) {
            outcome = new DeadLetterActions(handle, "alice", () -> {}).replay(listed, publisher, new Pacer(1000));
        }

        assertThat(outcome.done()).isZero();
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(published()).isZero();
    }

    @Test
    void defaultsComeFromTheProcessorsEnvironment() {
        CliDefaults fromEnvironment = CliDefaults.fromEnvironment(Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/runline",
                "SPRING_DATASOURCE_PASSWORD", "s3cret",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092"), "carol");
        CliDefaults fallback = CliDefaults.fromEnvironment(Map.of(), "carol");

        assertThat(fromEnvironment).isEqualTo(new CliDefaults("jdbc:postgresql://db:5432/runline", "runline", "s3cret",
                "kafka-1:9092,kafka-2:9092", "carol"));
        assertThat(fromEnvironment.toString()).as("no secret in logs").doesNotContain("s3cret");
        assertThat(fallback).isEqualTo(new CliDefaults("jdbc:postgresql://localhost:5432/runline", "runline", "runline",
                "localhost:9092", "carol"));
    }
}
