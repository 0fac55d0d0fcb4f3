package dev.runline.bench.uploads;

import dev.runline.bench.BenchDatabase;
import dev.runline.bench.BenchOptions;
import dev.runline.bench.Progress;
import dev.runline.bench.child.MachineCpu;
import dev.runline.bench.child.ProcessUsage;
import dev.runline.bench.child.Services;
import dev.runline.bench.child.UsageWindow;
import java.util.Random;

/**
 * 10 MiB files uploaded by 16 clients at a time through one gateway, beside raw PUTs of the same files from the
 * same clients straight to the same S3 server, measured in the same run; with the gateway's memory meanwhile.
 * The raw step runs first, so that the S3 server (in this JVM) is warm for both; each step has its own
 * unmeasured warm-up and starts with an empty bucket.
 */
public final class UploadsScenario {

    /** The "10 MB": exactly the gateway's default limit (10MB, Spring's binary megabytes), which it allows. */
    public static final int FILE_BYTES = 10 * 1024 * 1024;

    /**
     * One contender's step.
     *
     * @param target  {@code raw PUT} or {@code gateway}
     * @param gateway the gateway's process during the step (warm-up included); {@code null} for the raw step
     * @param bench   the benchmark's own process: the clients and the S3 server (and the idle broker)
     * @param machine the whole machine's CPU during the step
     */
    public record Step(String target, UploadLoad.Result load, ProcessUsage gateway, ProcessUsage bench,
            MachineCpu.Usage machine) {}

    /**
     * @param gatewayJvm the gateway's JVM options (its heap limit)
     * @param ratio      the gateway's MB/s ÷ the raw PUTs'
     */
    public record Result(long fileBytes, int clients, String gatewayJvm, Step raw, Step gateway, double ratio) {}

    private UploadsScenario() {}

    public static Result run(BenchOptions options, BenchDatabase database, String bootstrapServers, Services services,
            Progress progress) throws Exception {
        String url = database.newDatabase();
        BenchDatabase.Tenant tenant = BenchDatabase.seed(url);
        // Random bytes, generated once: incompressible, and the same file for both contenders.
        byte[] file = new byte[FILE_BYTES];
        new Random(20261203L).nextBytes(file);
        int clients = options.uploadClients();
        try (BenchObjectStore store = BenchObjectStore.start(); UploadClients http = new UploadClients(file)) {
            progress.say("uploads: raw PUTs to the S3 server, %d clients, %s warm-up, %s measured", clients,
                    Progress.show(options.uploadWarmup()), Progress.show(options.uploadDuration()));
            Step raw = step("raw PUT", http.raw(store), null, options);
            store.clear();
            progress.say("uploads: starting the gateway");
            Step gateway;
            try (Services.Running running = services.gateway("uploads-gateway", bootstrapServers, url, "bench-uploads",
                    options.partitions(), store.gatewaySettings())) {
                progress.say("uploads: through the gateway (initialize, PUT, finalize), %d clients", clients);
                gateway = step("gateway", http.gateway(running.baseUrl(), tenant.apiKey()), running, options);
            } finally {
                store.clear();
            }
            double rawRate = raw.load().megabytesPerSecond();
            return new Result(FILE_BYTES, clients, String.join(" ", options.childJvmOptions()), raw, gateway, rawRate > 0 ? gateway.load().megabytesPerSecond() / rawRate : 0);
        }
    }

    private static Step step(String target, UploadLoad.Upload upload, Services.Running gateway, BenchOptions options)
            throws InterruptedException {
        UsageWindow gatewayWindow = gateway == null ? null : gateway.jvm().startWindow();
        UsageWindow benchWindow = UsageWindow.startSelf();
        MachineCpu machine = MachineCpu.start();
        UploadLoad.Result load = UploadLoad.run(upload, FILE_BYTES, options.uploadClients(), options.uploadWarmup(),
                options.uploadDuration());
        return new Step(target, load, gatewayWindow == null ? null : gatewayWindow.finish(), benchWindow.finish(),
                machine.finish());
    }
}
