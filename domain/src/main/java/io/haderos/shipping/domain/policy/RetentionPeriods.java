package io.haderos.shipping.domain.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long the gateway keeps what it stores (docs/architecture.md#retention).
 *
 * @param auditTrail   how long a breaker transition (and the record of a gateway instance long gone) is kept, counted
 *                     from when it happened; positive
 * @param personalData how long an order keeps the personal data it holds, counted from the order's last change;
 *                     positive. The idempotency record (order id, fingerprint, client, carrier, tracking number, status
 *                     and times) is kept beyond it.
 */
public record RetentionPeriods(Duration auditTrail, Duration personalData) {

    /** The defaults: 400 days of audit trail, 90 days of personal data. */
    public static final RetentionPeriods DEFAULT = new RetentionPeriods(Duration.ofDays(400), Duration.ofDays(90));

    public RetentionPeriods {
        positive(auditTrail, "auditTrail");
        positive(personalData, "personalData");
    }

    /** Transitions that happened before this instant are past their retention at {@code now}. */
    public Instant auditTrailCutoff(Instant now) {
        return now.minus(auditTrail);
    }

    /** Orders last changed before this instant hold personal data past its retention at {@code now}. */
    public Instant personalDataCutoff(Instant now) {
        return now.minus(personalData);
    }

    private static void positive(Duration period, String name) {
        Objects.requireNonNull(period, name);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + period);
        }
    }
}
