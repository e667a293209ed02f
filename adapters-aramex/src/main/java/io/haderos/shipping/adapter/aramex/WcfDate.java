package io.haderos.shipping.adapter.aramex;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The .NET WCF JSON date form {@code "/Date(<epoch-ms>[±hhmm])/"}, which Aramex uses for every date, both ways.
 *
 * <p>The milliseconds are always UTC; the offset only says in which zone the value was meant. Parsing keeps
 * that offset, so {@code /Date(1735725660000+0300)/} becomes {@code 2025-01-01T12:01+03:00}; without an
 * offset the value is UTC. The slash-escaped form {@code \/Date(...)\/} that WCF may put on the wire is
 * accepted as well, for text that did not pass a JSON parser.
 */
final class WcfDate {

    private static final Pattern FORM =
            Pattern.compile("\\\\?/Date\\((-?\\d{1,18})(?:([+-])(\\d{2})(\\d{2}))?\\)\\\\?/");

    private WcfDate() {}

    /** {@code instant} written in the zone {@code offset}, such as {@code /Date(1735725600000+0300)/}. */
    static String format(Instant instant, ZoneOffset offset) {
        int minutes = offset.getTotalSeconds() / 60;
        char sign = minutes < 0 ? '-' : '+';
        int abs = Math.abs(minutes);
        return String.format("/Date(%d%c%02d%02d)/", instant.toEpochMilli(), sign, abs / 60, abs % 60);
    }

    /**
     * Reads a WCF date.
     *
     * @throws IllegalArgumentException when {@code text} is not in the WCF form or its offset is out of range
     */
    static OffsetDateTime parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a date is missing");
        }
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "not a WCF date of the form /Date(ms±hhmm)/: '" + abbreviate(text) + "'");
        }
        Instant instant = Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
        if (matcher.group(2) == null) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        int hours = Integer.parseInt(matcher.group(3));
        int minutes = Integer.parseInt(matcher.group(4));
        if (minutes > 59) {
            throw new IllegalArgumentException("WCF date offset out of range: '" + abbreviate(text) + "'");
        }
        try {
            int sign = "-".equals(matcher.group(2)) ? -1 : 1;
            return instant.atOffset(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("WCF date offset out of range: '" + abbreviate(text) + "'", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
