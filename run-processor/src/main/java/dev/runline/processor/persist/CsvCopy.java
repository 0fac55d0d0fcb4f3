package dev.runline.processor.persist;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one {@code COPY ... FROM STDIN WITH (FORMAT csv)}, a bounded chunk at a time, each row
 * written as a {@link CsvRows} line. A COPY that fails on this side is cancelled so that the connection can
 * roll back; the first failure is the one thrown.
 */
public final class CsvCopy {

    /** Characters handed to the driver at a time: bounds the buffer however many rows there are. */
    private static final int CHUNK_CHARS = 256 * 1024;

    private CsvCopy() {}

    public static <T> void copy(CopyManager copy, String sql, List<T> rows, BiConsumer<StringBuilder, T> line)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyIn in = copy.copyIn(sql);
        try {
            StringBuilder buffer = new StringBuilder(Math.min(CHUNK_CHARS, rows.size() * 256) + 4096);
            for (T row : rows) {
                line.accept(buffer, row);
                if (buffer.length() >= CHUNK_CHARS) {
                    write(in, buffer);
                }
            }
            write(in, buffer);
            in.endCopy();
        } catch (SQLException | RuntimeException e) {
            cancel(in, e);
            throw e;
        }
    }

    private static void write(CopyIn in, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static void cancel(CopyIn in, Exception failure) {
        if (in.isActive()) {
            try {
                in.cancelCopy();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
