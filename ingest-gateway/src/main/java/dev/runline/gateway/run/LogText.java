package dev.runline.gateway.run;

/** The contract's log text rules (§6): truncation and placeholders, never a rejection. */
final class LogText {

    private LogText() {}

    /** Over 10,000 characters: truncated; empty or absent: {@code (empty)}. */
    static String message(String message) {
        if (message == null || message.isEmpty()) {
            return "(empty)";
        }
        return message.length() > V2RunReader.LOG_MESSAGE_MAX ? message.substring(0, V2RunReader.LOG_MESSAGE_MAX) : message;
    }

    /** Over 200 characters: keeps the last 200 (the file name end); empty or absent: {@code unknown}. */
    static String sourceFile(String sourceFile) {
        if (sourceFile == null || sourceFile.isEmpty()) {
            return "unknown";
        }
        int max = V2RunReader.SOURCE_FILE_MAX;
        return sourceFile.length() > max ? sourceFile.substring(sourceFile.length() - max) : sourceFile;
    }
}
