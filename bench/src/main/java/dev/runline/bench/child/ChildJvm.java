package dev.runline.bench.child;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * A service (gateway, processor, HTTP floor) in a JVM of its own, started from the benchmark's own class
 * path: its resident memory and heap are then its own, not mixed with the broker's and the load
 * generator's, and are measured as a deployment would see them. Its output goes to {@code <name>.log}, its
 * GC log (the source of the heap figures) to {@code <name>-gc.log}, both in the log folder.
 */
public final class ChildJvm implements AutoCloseable {

    /** The JDK 25 warnings about Netty's native access and Kafka's Unsafe use are noise in every child's log. */
    private static final List<String> QUIET = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final String name;
    private final Process process;
    private final Path log;
    private final Path gcLog;

    private ChildJvm(String name, Process process, Path log, Path gcLog) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
    }

    /**
     * @param jvmOptions the options the benchmark was given for its children (heap size, ...)
     * @param jfr        record a JFR profile into {@code <name>.jfr} (written when the child stops)
     */
    public static ChildJvm start(String name, String mainClass, List<String> jvmOptions, boolean jfr, Path logDir,
            List<String> args) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Path gcLog = logDir.resolve(name + "-gc.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(QUIET);
        command.addAll(jvmOptions);
        // Wall-clock milliseconds on each line, so that heap figures can be cut to a measuring window.
        command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath() + ":timemillis");
        if (jfr) {
            command.add("-XX:StartFlightRecording=filename=" + logDir.resolve(name + ".jfr").toAbsolutePath()
                    + ",settings=profile,dumponexit=true");
        }
        command.addAll(launch(mainClass));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ChildJvm(name, process, log, gcLog);
    }

    /** Runs {@code mainClass} from this JVM's class path, also when that is a Spring Boot executable jar. */
    private static List<String> launch(String mainClass) throws IOException {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classPath)) {
                if (jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Lib") != null) {
                    return List.of("-cp", classPath, "-Dloader.main=" + mainClass, BOOT_LAUNCHER);
                }
            }
        }
        return List.of("-cp", classPath, mainClass);
    }

    /** A TCP port free right now, for a child's HTTP server. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code url} answers 200, or fails with the end of the child's log if it died or took too long. */
    public void awaitReady(String url, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready at " + url + " after " + timeout + ":\n" + tail());
    }

    public UsageWindow startWindow() {
        return UsageWindow.start(name, process.toHandle(), gcLog);
    }

    public String name() {
        return name;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the child as an orchestrator would (SIGTERM, graceful shutdown), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
