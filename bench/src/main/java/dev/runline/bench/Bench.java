package dev.runline.bench;

import ch.qos.logback.classic.Level;
import dev.runline.bench.child.Services;
import dev.runline.bench.endtoend.EndToEndScenario;
import dev.runline.bench.gateway.GatewayScenario;
import dev.runline.bench.processor.ProcessorScenario;
import dev.runline.bench.reads.ReadsScenario;
import dev.runline.bench.report.ResultFiles;
import dev.runline.bench.report.SvgChart;
import dev.runline.bench.report.Summary;
import dev.runline.bench.report.Tables;
import dev.runline.bench.strangers.StrangersScenario;
import dev.runline.bench.uploads.UploadsScenario;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runline's benchmarks, each printed beside the machine's raw limit measured in the same run: the gateway
 * beside the HTTP floor and the raw Kafka producer, the processor beside a raw COPY, the whole pipeline end
 * to end, 10 MiB uploads through the gateway beside raw PUTs to the same S3 server, reads of a production-sized
 * database through the gateway beside the same SQL raw through JDBC; the memory of each service
 * throughout. One real broker (in this JVM) and one real PostgreSQL serve
 * all scenarios, each on its own topic and database; the gateway, the processor and the HTTP floor run in
 * JVMs of their own. Options: see {@link BenchOptions} and the README's Benchmarks section.
 */
public final class Bench {

    /** Everything one run measured, as written to the result file. */
    public record Result(Instant at, Map<String, Object> machine, Map<String, Object> options,
            GatewayScenario.Result gateway, ProcessorScenario.Result processor, EndToEndScenario.Result endToEnd,
            UploadsScenario.Result uploads, ReadsScenario.Result reads, StrangersScenario.Result strangers,
            List<Summary> summary) {}

    private Bench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String base = "bench-" + at.toString().replace(":", "").replace("-", "");
        Path logDir = options.out().resolve(base + "-logs");
        Services services = new Services(options.childJvmOptions(), options.jfr(), logDir);
        Progress progress = new Progress();
        progress.say("scenarios %s; child JVM options %s; logs in %s", options.scenarios(), options.childJvmOptions(), logDir);

        EmbeddedKafkaKraftBroker broker = startBroker(options.partitions());
        GatewayScenario.Result gateway = null;
        ProcessorScenario.Result processor = null;
        EndToEndScenario.Result endToEnd = null;
        UploadsScenario.Result uploads = null;
        ReadsScenario.Result reads = null;
        StrangersScenario.Result strangers = null;
        try (BenchDatabase database = new BenchDatabase(logDir)) {
            String bootstrap = broker.getBrokersAsString();
            if (options.includes("gateway")) {
                gateway = GatewayScenario.run(options, database, bootstrap, services, progress);
                System.out.print(Tables.gateway(gateway));
            }
            if (options.includes("processor")) {
                processor = ProcessorScenario.run(options, database, bootstrap, services, progress);
                System.out.print(Tables.processor(processor));
            }
            if (options.includes("e2e")) {
                endToEnd = EndToEndScenario.run(options, database, bootstrap, services, progress);
                System.out.print(Tables.endToEnd(endToEnd));
            }
            if (options.includes("uploads")) {
                uploads = UploadsScenario.run(options, database, bootstrap, services, progress);
                System.out.print(Tables.uploads(uploads));
            }
            if (options.includes("reads")) {
                reads = ReadsScenario.run(options, database, bootstrap, services, progress);
                System.out.print(Tables.reads(reads));
            }
            if (options.includes("strangers")) {
                strangers = StrangersScenario.run(options, database, bootstrap, services, progress);
                System.out.print(StrangersScenario.table(strangers));
            }
        } finally {
            broker.destroy();
        }
        List<Summary> summary = Summary.of(gateway, processor, endToEnd, uploads, reads);
        System.out.print(Tables.memory(gateway, processor, endToEnd, uploads));
        System.out.print(Tables.summary(summary));
        Result result = new Result(at, machine(), describe(options), gateway, processor, endToEnd, uploads, reads, strangers,
                summary);
        Path file = ResultFiles.write(options.out(), base, result,
                SvgChart.render("Runline benchmark, " + at + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                        gateway, endToEnd, summary));
        progress.say("result file %s, chart %s", file.toAbsolutePath(), file.resolveSibling(base + ".svg").toAbsolutePath());
    }

    /**
     * The broker's start-up prints its storage formatting to standard output and its whole configuration to
     * the log, and it warns about its own routine (topics auto-created twice, clients closed twice); none of
     * it helps read a benchmark, so this JVM logs errors only and the output is held back during start-up.
     * The services' own logs are in their log files.
     */
    private static EmbeddedKafkaKraftBroker startBroker(int partitions) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
            broker.brokerProperties(Map.of("message.max.bytes", String.valueOf(16 * 1024 * 1024)));
            broker.afterPropertiesSet();
            return broker;
        } finally {
            System.setOut(out);
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return machine;
    }

    private static Map<String, Object> describe(BenchOptions options) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("scenarios", BenchOptions.KNOWN.stream().filter(options::includes).toList());
        described.put("duration", Progress.show(options.duration()));
        described.put("warmup", Progress.show(options.warmup()));
        described.put("rates", options.rates());
        described.put("large_rate", options.largeRate());
        described.put("connections", options.connections());
        described.put("large_connections", options.largeConnections());
        described.put("e2e_rate", options.e2eRate());
        described.put("e2e_duration", Progress.show(options.e2eDuration()));
        described.put("runs", options.runs());
        described.put("units", options.units());
        described.put("partitions", options.partitions());
        described.put("repeat", options.repeat());
        described.put("upload_clients", options.uploadClients());
        described.put("upload_duration", Progress.show(options.uploadDuration()));
        described.put("upload_warmup", Progress.show(options.uploadWarmup()));
        described.put("read_runs", options.readRuns());
        described.put("read_readers", options.readReaders());
        described.put("read_pause", Progress.show(options.readPause()));
        described.put("strangers_station_rate", options.strangersStationRate());
        described.put("strangers_flood_rate", options.strangersFloodRate());
        described.put("child_jvm", options.childJvmOptions());
        return described;
    }
}
