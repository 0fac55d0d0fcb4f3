package dev.runline.gateway.openhtf;

/**
 * A file a phase attached that OpenHTF's {@code OutputToJSON} wrote into the record (its default,
 * {@code inline_attachments=True}).
 *
 * @param name        the attachment's name in the phase, e.g. {@code scope.csv}
 * @param contentType the record's {@code mimetype}, or {@code application/octet-stream} when it gave none
 * @param data        the decoded bytes
 */
public record InlinedAttachment(String name, String contentType, byte[] data) {

    /** The size, not the bytes: a record's attachments may be megabytes, and this ends up in logs and test output. */
    @Override
    public String toString() {
        return "InlinedAttachment[name=" + name + ", contentType=" + contentType + ", size=" + data.length + "]";
    }
}
