package dev.runline.gateway.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The file that keeps an API key's secret for a deployment (or the local mode): readable by its owner only,
 * since Runline itself keeps only the key's hash and cannot show it again.
 */
public final class KeyFile {

    private final Path path;

    public KeyFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** The key it holds; empty if there is no file, or it cannot be read, or it is blank. */
    public Optional<String> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            String key = Files.readString(path, StandardCharsets.UTF_8).strip();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the file's content with {@code secret}. The secret goes to a new owner-only file that is then
     * moved into place, so that it is never readable by others, not even for a moment, and a crash leaves
     * either the old key or the new one, never half a key.
     */
    public void write(String secret) {
        try {
            Path directory = path.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + path.getFileName(), ".tmp", ownerOnly(directory));
            try {
                Files.writeString(temporary, secret + System.lineSeparator(), StandardCharsets.UTF_8);
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new BootstrapException("cannot write the API key to " + path + ": " + e, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) throws IOException {
        if (!Files.getFileStore(directory).supportsFileAttributeView("posix")) {
            // Windows: a new file in the user's folder is already private to the user through its ACL.
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
