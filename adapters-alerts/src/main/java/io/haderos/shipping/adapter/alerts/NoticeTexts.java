package io.haderos.shipping.adapter.alerts;

import io.haderos.shipping.domain.policy.OutageNotice;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The wording both notifiers share, so that Slack and e-mail tell people the same facts the same way. */
final class NoticeTexts {

    private NoticeTexts() {}

    /** "CRITICAL: aramex circuit OPEN" or "RECOVERED: aramex circuit closed after 2 min 5 s". */
    static String title(OutageNotice notice) {
        String carrier = notice.carrier().value();
        return switch (notice.kind()) {
            case OPENED -> "CRITICAL: " + carrier + " circuit OPEN";
            case RECOVERED ->
                "RECOVERED: " + carrier + " circuit closed"
                        + notice.openFor()
                                .map(openFor -> " after " + OutageNotice.humanDuration(openFor))
                                .orElse("");
        };
    }

    /** What the transition means for shipments, in one sentence. */
    static String meaning(OutageNotice notice) {
        String carrier = notice.carrier().value();
        return switch (notice.kind()) {
            case OPENED -> "Calls no longer reach " + carrier + "; shipments go to the next carrier, if any.";
            case RECOVERED -> "Calls reach " + carrier + " again.";
        };
    }

    /** ISO-8601 in UTC, to the millisecond at most: "2024-05-01T10:00:00Z". */
    static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** "aramex OPENED", for logs. */
    static String describe(OutageNotice notice) {
        return notice.carrier().value() + " " + notice.kind();
    }

    /** "1 notice", "3 notices". */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** "2 s", "0.25 s". */
    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + " s"
                : String.format(java.util.Locale.ROOT, "%.3f s", duration.toMillis() / 1000.0);
    }
}
