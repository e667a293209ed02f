package io.haderos.shipping.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many orders await an operator's resolution ({@link ShipmentRecord#awaitsResolution}) and since when the oldest
 * of them has.
 *
 * @param oldestSince empty exactly when {@code count} is 0
 */
public record HeldOrderSummary(long count, Optional<Instant> oldestSince) {

    public static final HeldOrderSummary NONE = new HeldOrderSummary(0, Optional.empty());

    public HeldOrderSummary {
        if (count < 0) {
            throw new InvalidValueException("count", "must not be negative");
        }
        Checks.required(oldestSince, "oldestSince");
        if ((count == 0) != oldestSince.isEmpty()) {
            throw new InvalidValueException("oldestSince", "is present exactly when some order is held");
        }
    }

    /** How long the oldest held order has waited at {@code now}; zero when none is held. */
    public Duration oldestAge(Instant now) {
        return oldestSince
                .map(since -> Duration.between(since, now))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }
}
