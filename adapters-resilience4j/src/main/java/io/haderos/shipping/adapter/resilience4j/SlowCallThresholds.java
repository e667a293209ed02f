package io.haderos.shipping.adapter.resilience4j;

import io.haderos.shipping.domain.policy.CarrierOperation;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a call of each operation may stay unanswered before it counts as a carrier fault, while it is still in
 * flight (docs/architecture.md#slowness-and-hangs). A quote that hangs protects the shipments behind it: the carrier's breaker is shared, so slow
 * quotes open it for everyone.
 *
 * @param rates    rate quotes; default 3 s
 * @param ship     shipment creation and label fetches (a download as well as a read); default 8 s (a create may
 *                 legitimately take longer)
 * @param tracking tracking and other reads; default 3 s
 * @throws IllegalArgumentException naming the operation when a threshold is not positive
 */
public record SlowCallThresholds(Duration rates, Duration ship, Duration tracking) {

    /** 3 s, 8 s, 3 s. */
    public static final SlowCallThresholds DEFAULTS =
            new SlowCallThresholds(Duration.ofSeconds(3), Duration.ofSeconds(8), Duration.ofSeconds(3));

    public SlowCallThresholds {
        requirePositive(rates, "slow-call-threshold.rates");
        requirePositive(ship, "slow-call-threshold.ship");
        requirePositive(tracking, "slow-call-threshold.tracking");
    }

    /** The threshold of {@code operation}. */
    public Duration of(CarrierOperation operation) {
        return switch (operation) {
            case QUOTE_RATES -> rates;
            case CREATE_SHIPMENT -> ship;
            case TRACK_SHIPMENT -> tracking;
            case FETCH_LABEL -> ship;
        };
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
