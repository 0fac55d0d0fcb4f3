package dev.runline.local;

import dev.runline.schemas.storage.EmbeddedS3Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A real S3 API server for attachments (S3Proxy on the filesystem, in this JVM), keeping the files under
 * {@code objects/}. Its jar travels inside the local-mode jar and is written out to {@code lib/} on first start.
 * Its credentials, and the key that signs the gateway's upload URLs, are made once and kept in the home folder
 * (owner-only), so upload URLs handed out before a restart still work after it.
 */
final class LocalObjectStore implements AutoCloseable {

    static final String BUCKET = "runline-attachments";
    private static final String JAR_RESOURCE = "/object-store/s3proxy.jar";
    private static final String ACCESS_KEY = "runline-local";

    private final EmbeddedS3Server server;
    private final String uploadSigningKey;

    private LocalObjectStore(EmbeddedS3Server server, String uploadSigningKey) {
        this.server = server;
        this.uploadSigningKey = uploadSigningKey;
    }

    static LocalObjectStore start(Path home, int port) throws IOException {
        Path jar = extractJar(home.resolve("lib"));
        String secret = secret(home.resolve("object-store-secret"));
        String signingKey = secret(home.resolve("upload-signing-key"));
        EmbeddedS3Server server = EmbeddedS3Server.start(jar, home.resolve("objects"), port, ACCESS_KEY, secret);
        return new LocalObjectStore(server, signingKey);
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** The gateway's settings for this store. */
    String[] gatewaySettings() {
        return new String[] {
            "--runline.storage.endpoint=" + server.endpoint(),
            "--runline.storage.bucket=" + BUCKET,
            "--runline.storage.region=us-east-1",
            "--runline.storage.access-key=" + server.accessKey(),
            "--runline.storage.secret-key=" + server.secretKey(),
            "--runline.storage.path-style=true",
            "--runline.gateway.uploads.signing-key=" + uploadSigningKey,
        };
    }

    private static Path extractJar(Path lib) throws IOException {
        Files.createDirectories(lib);
        Path jar = lib.resolve("s3proxy.jar");
        try (InputStream in = LocalObjectStore.class.getResourceAsStream(JAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The local-mode jar lacks " + JAR_RESOURCE + ": build it with ./mvnw package");
            }
            Path written = Files.createTempFile(lib, "s3proxy", ".jar");
            Files.copy(in, written, StandardCopyOption.REPLACE_EXISTING);
            if (Files.exists(jar) && Files.mismatch(jar, written) == -1) {
                Files.delete(written);
            } else {
                Files.move(written, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return jar;
    }

    /** 32 random bytes, base64, made on first start and read back afterwards. */
    private static String secret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getEncoder().encodeToString(bytes);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
