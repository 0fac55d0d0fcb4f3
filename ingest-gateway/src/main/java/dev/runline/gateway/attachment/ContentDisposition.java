package dev.runline.gateway.attachment;

/** {@code Content-Disposition} of a download, so that browsers and clients save it under its own name. */
final class ContentDisposition {

    private ContentDisposition() {}

    static String attachment(String fileName) {
        return org.springframework.http.ContentDisposition.attachment()
                .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString();
    }
}
