package dev.runline.gateway.openhtf;

import dev.runline.schemas.event.LogLevel;

/**
 * Python logging's numeric levels as the API's five. OpenHTF records {@code logging.LogRecord.levelno}, which a
 * test may set to any integer (custom levels such as 25 or 5): a level between two standard ones counts as the
 * lower, the way Python's own {@code logger.isEnabledFor} ranks it; below DEBUG (10) is DEBUG, above CRITICAL
 * (50) is CRITICAL.
 */
final class LogLevels {

    private LogLevels() {}

    static LogLevel of(int level) {
        if (level < 20) {
            return LogLevel.DEBUG;
        }
        if (level < 30) {
            return LogLevel.INFO;
        }
        if (level < 40) {
            return LogLevel.WARNING;
        }
        if (level < 50) {
            return LogLevel.ERROR;
        }
        return LogLevel.CRITICAL;
    }
}
