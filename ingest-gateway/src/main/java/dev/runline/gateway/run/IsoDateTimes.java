package dev.runline.gateway.run;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * ISO 8601 date-times as runs send them: with {@code Z}, with an offset, or with none (taken as UTC). The
 * shape nearly every station sends ({@code 2026-11-02T08:15:30.123Z}, {@code +01:00} or no offset) is read
 * directly; anything else goes to {@link DateTimeFormatter#ISO_DATE_TIME}, which defines what is accepted.
 * A typical run has 30 date-times, and the formatter's general parse was 7% of the gateway's CPU (JFR).
 */
final class IsoDateTimes {

    private IsoDateTimes() {}

    /** The instant, or a {@link DateTimeException} when the text is not an ISO 8601 date-time. */
    static Instant parse(String text) {
        Instant common = parseCommonShape(text);
        return common != null ? common : parseAnyShape(text);
    }

    static Instant parseAnyShape(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
        return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? OffsetDateTime.from(parsed).toInstant()
                : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss}, optionally {@code .} and 1 to 9 digits, then {@code Z}, {@code ±HH:mm} or
     * nothing; null for any other shape. Out-of-range fields throw as the formatter's strict resolution does.
     */
    static Instant parseCommonShape(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (at < length && text.charAt(at) == '.') {
            int first = ++at;
            while (at < length && at - first < 9 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + (text.charAt(at++) - '0');
            }
            int count = at - first;
            if (count == 0 || (at < length && isDigit(text.charAt(at)))) {
                return null;
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == length) {
            offset = ZoneOffset.UTC;
        } else if (text.charAt(at) == 'Z' && at + 1 == length) {
            offset = ZoneOffset.UTC;
        } else if ((text.charAt(at) == '+' || text.charAt(at) == '-') && at + 6 == length && text.charAt(at + 3) == ':') {
            int hours = digits(text, at + 1, 2);
            int minutes = digits(text, at + 4, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            offset = text.charAt(at) == '+'
                    ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } else {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
