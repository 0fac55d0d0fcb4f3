package dev.runline.schemas.testing;

import dev.runline.schemas.storage.EmbeddedS3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;

/**
 * One real S3 API server per test JVM (S3Proxy on the filesystem, on a free port, stopped at JVM exit).
 * Services under test create their bucket themselves, as they do in production.
 */
public final class TestObjectStore {

    public static final String BUCKET = "runline-test";
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";

    private static EmbeddedS3Server server;

    private TestObjectStore() {}

    public static URI endpoint() {
        return server().endpoint();
    }

    public static String accessKey() {
        return ACCESS_KEY;
    }

    public static String secretKey() {
        return SECRET_KEY;
    }

    private static synchronized EmbeddedS3Server server() {
        if (server == null) {
            try {
                server = EmbeddedS3Server.start(EmbeddedS3Server.locateJar(), Files.createTempDirectory("runline-s3-"), 0,
                        ACCESS_KEY, SECRET_KEY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedS3Server started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-object-store-stop"));
        }
        return server;
    }
}
