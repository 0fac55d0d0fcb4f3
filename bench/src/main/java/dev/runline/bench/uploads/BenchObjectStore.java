package dev.runline.bench.uploads;

import dev.runline.schemas.storage.EmbeddedS3Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The uploads scenario's S3 server: S3Proxy on the filesystem, in this JVM like the broker, its files in a
 * temporary folder deleted on close. Its jar travels inside the benchmark's jar (as in the local mode), so
 * {@code java -jar runline-bench.jar} needs nothing beside it. Both contenders write to this one server: the
 * gateway through its own S3 client, the raw baseline with presigned PUTs.
 */
final class BenchObjectStore implements AutoCloseable {

    static final String BUCKET = "bench-attachments";
    private static final String JAR_RESOURCE = "/object-store/s3proxy.jar";
    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "bench";

    private final Path folder;
    private final Path data;
    private final EmbeddedS3Server server;
    private final S3Presigner presigner;

    private BenchObjectStore(Path folder, Path data, EmbeddedS3Server server, S3Presigner presigner) {
        this.folder = folder;
        this.data = data;
        this.server = server;
        this.presigner = presigner;
    }

    static BenchObjectStore start() throws IOException {
        Path folder = Files.createTempDirectory("runline-bench-s3");
        try {
            Path jar = folder.resolve("s3proxy.jar");
            try (InputStream in = BenchObjectStore.class.getResourceAsStream(JAR_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The benchmark's jar lacks " + JAR_RESOURCE + ": build it with ./mvnw package");
                }
                Files.copy(in, jar);
            }
            Path data = folder.resolve("objects");
            EmbeddedS3Server server = quietly(() -> EmbeddedS3Server.start(jar, data, 0, ACCESS_KEY, randomKey()));
            try (S3Client s3 = client(server)) {
                s3.createBucket(request -> request.bucket(BUCKET));
            }
            S3Presigner presigner = S3Presigner.builder()
                    .region(Region.of(REGION))
                    .credentialsProvider(credentials(server))
                    // S3Proxy serves buckets as paths, as the gateway is configured to address them.
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                    .endpointOverride(server.endpoint())
                    .build();
            return new BenchObjectStore(folder, data, server, presigner);
        } catch (IOException | RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
    }

    /** The client the gateway builds for the store, with its settings (path style, no default CRC checksums). */
    private static S3Client client(EmbeddedS3Server server) {
        return S3Client.builder()
                .region(Region.of(REGION))
                .credentialsProvider(credentials(server))
                .endpointOverride(server.endpoint())
                // S3Proxy serves buckets as paths.
                .forcePathStyle(true)
                // As the gateway: the SDK's default CRC checksums (aws-chunked bodies) are not what it sends.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private static StaticCredentialsProvider credentials(EmbeddedS3Server server) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), server.secretKey()));
    }

    /** A presigned PUT of {@code key}: the same plain HTTP PUT a station sends to the gateway's upload URL. */
    URI presignedPut(String key) {
        return URI.create(presigner.presignPutObject(request -> request.signatureDuration(Duration.ofHours(1))
                .putObjectRequest(put -> put.bucket(BUCKET).key(key))).url().toString());
    }

    /** The gateway's settings for this store, and a fresh key for its upload URLs. */
    List<String> gatewaySettings() {
        return List.of(
                "--runline.storage.endpoint=" + server.endpoint(),
                "--runline.storage.bucket=" + BUCKET,
                "--runline.storage.region=" + REGION,
                "--runline.storage.access-key=" + server.accessKey(),
                "--runline.storage.secret-key=" + server.secretKey(),
                "--runline.storage.path-style=true",
                "--runline.gateway.uploads.signing-key=" + randomKey());
    }

    /** Deletes every stored file (between steps, so that each starts with an empty bucket and disk use stays bounded). */
    void clear() {
        try (Stream<Path> entries = Files.list(data.resolve(BUCKET))) {
            entries.forEach(BenchObjectStore::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * S3Proxy's own logback prints its configuration status, and its Jetty logs its start and stop at INFO, to
     * standard output; none of it helps read a benchmark, so the output is held back meanwhile (its warnings
     * during the steps still show).
     */
    private static <T> T quietly(Supplier<T> action) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return action.get();
        } finally {
            System.setOut(out);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            presigner.close();
            quietly(() -> {
                server.close();
                return null;
            });
        } finally {
            deleteTree(folder);
        }
    }
}
