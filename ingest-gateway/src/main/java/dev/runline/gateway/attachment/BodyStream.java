package dev.runline.gateway.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read as a stream of exactly its declared length: ending before that many bytes, or failing
 * (the idle timeout), is the client's fault and remembered as such, so that it becomes a 400 and not a 503
 * blamed on the object store the bytes were going to.
 */
final class BodyStream extends FilterInputStream {

    private final long declared;
    private long read;
    private volatile String clientFault;

    BodyStream(InputStream body, long declared) {
        super(body);
        this.declared = declared;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            clientFault = "the upload stopped after " + read + " of " + declared + " bytes (" + rootMessage(e) + ")";
            throw e instanceof IOException io ? io : new IOException(e);
        }
        if (n < 0 && read < declared) {
            clientFault = "the upload ended after " + read + " of the " + declared + " bytes its Content-Length declared";
            throw new IOException(clientFault);
        }
        if (n > 0) {
            read += n;
        }
        return n;
    }

    /** Why the client's body failed, or null if it did not. */
    String clientFault() {
        return clientFault;
    }

    long bytesRead() {
        return read;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
