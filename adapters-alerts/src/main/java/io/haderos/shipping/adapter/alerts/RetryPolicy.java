package io.haderos.shipping.adapter.alerts;

import io.haderos.shipping.domain.model.InvalidValueException;
import java.time.Duration;

/**
 * How a notifier retries a notice its endpoint did not accept: exponential back-off from {@code initialDelay},
 * doubling after each failed attempt up to {@code maxDelay}, and at most {@code maxAttempts} attempts per notice.
 * After the last attempt the notice is dropped, counted, and reported by the notifier's
 * {@link io.haderos.shipping.application.port.out.AlertSource#alerts() alerts()} until a later notice is delivered.
 *
 * @param initialDelay the wait after the first failed attempt; positive, at most {@link #MAX_DELAY};
 *                     default 1 s
 * @param maxDelay     the longest wait between two attempts; not shorter than {@code initialDelay}, at most
 *                     {@link #MAX_DELAY}; default 5 min
 * @param maxAttempts  attempts per notice, the first included (1 means no retry); 1 to {@link #MAX_ATTEMPTS};
 *                     default 10
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

    /** The longest accepted delay: one day. */
    public static final Duration MAX_DELAY = Duration.ofDays(1);

    /** The largest accepted number of attempts per notice. */
    public static final int MAX_ATTEMPTS = 1000;

    // After the limits: a static initialiser runs top-down, and this constructor call checks against them.
    /** 1 s doubling to at most 5 min, 10 attempts: a notice is retried for about 8.5 minutes, then dropped. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 10);

    /**
     * Validates the three values (see the record's description for their ranges).
     *
     * @param initialDelay the wait after the first failed attempt
     * @param maxDelay     the longest wait between two attempts
     * @param maxAttempts  attempts per notice, the first included
     * @throws InvalidValueException naming {@code initialDelay}, {@code maxDelay} or {@code maxAttempts} when it
     *                               is missing or out of range
     */
    public RetryPolicy {
        if (initialDelay == null) {
            throw new InvalidValueException("initialDelay", "is required");
        }
        if (initialDelay.isNegative() || initialDelay.isZero() || initialDelay.compareTo(MAX_DELAY) > 0) {
            throw new InvalidValueException("initialDelay", "must be positive and at most " + MAX_DELAY);
        }
        if (maxDelay == null) {
            throw new InvalidValueException("maxDelay", "is required");
        }
        if (maxDelay.compareTo(initialDelay) < 0 || maxDelay.compareTo(MAX_DELAY) > 0) {
            throw new InvalidValueException(
                    "maxDelay", "must be between initialDelay (" + initialDelay + ") and " + MAX_DELAY);
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new InvalidValueException("maxAttempts", "must be between 1 and " + MAX_ATTEMPTS);
        }
    }

    /** The wait before the next attempt, after {@code failedAttempts} (at least 1) failed ones. */
    Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 62);
        long initial = initialDelay.toNanos();
        long max = maxDelay.toNanos();
        if (initial > max >> doublings) {
            return maxDelay;
        }
        return Duration.ofNanos(Math.min(initial << doublings, max));
    }
}
