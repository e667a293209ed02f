package io.haderos.shipping.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WCF DataContract JSON dates: {@code "/Date(<epoch-ms>[±hhmm])/"}. The milliseconds are UTC; the
 * offset only tells the sender's zone. On the wire WCF writes the slashes escaped
 * ({@code "\/Date(...)\/"}), which a JSON parser has already unescaped by the time this sees it.
 */
final class WcfDate {

    static final ZoneOffset RIYADH = ZoneOffset.ofHours(3);
    private static final Pattern FORMAT = Pattern.compile("/Date\\((-?\\d{1,15})([+-]\\d{4})?\\)/");

    private WcfDate() {}

    /** The instant, or null if the text is not a WCF date. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        return Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
    }

    static String format(Instant instant, ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return String.format(
                "/Date(%d%s%02d%02d)/", instant.toEpochMilli(), seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }
}
