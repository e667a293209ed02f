package io.haderos.shipping.domain.policy;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A message for people: a carrier's breaker opened (critical) or closed again (recovered).
 *
 * @param at        when the breaker opened, or when it closed again
 * @param cause     the transition's cause (never a secret)
 * @param openFor   for a recovery: how long calls were kept from the carrier
 * @param actor     the operator who caused it, for manual overrides
 */
public record OutageNotice(
        CarrierId carrier, Kind kind, Instant at, String cause, Optional<Duration> openFor, Optional<String> actor) {

    public enum Kind {
        /** The breaker opened: calls no longer reach the carrier. */
        OPENED,
        /** The breaker closed again after being open. */
        RECOVERED
    }

    public OutageNotice {
        Checks.required(carrier, "carrier");
        Checks.required(kind, "kind");
        Checks.required(at, "at");
        cause = Checks.optionalText(cause, "cause", 500);
        Checks.required(openFor, "openFor");
        Checks.required(actor, "actor");
    }

    /** A one-line summary, e.g. "aramex circuit OPEN: 3 consecutive failures". */
    public String headline() {
        return switch (kind) {
            case OPENED -> carrier.value() + " circuit OPEN: " + cause;
            case RECOVERED ->
                carrier.value() + " circuit recovered (CLOSED)"
                        + openFor.map(duration -> " after " + humanDuration(duration) + " open")
                                .orElse("");
        };
    }

    /** "45 s", "12 min 5 s", "2 h 3 min". */
    public static String humanDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
