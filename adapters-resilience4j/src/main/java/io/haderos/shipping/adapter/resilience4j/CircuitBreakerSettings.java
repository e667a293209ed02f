package io.haderos.shipping.adapter.resilience4j;

import java.time.Duration;
import java.util.Objects;

/**
 * The three numbers of a carrier's breaker (DESIGN.md §3).
 *
 * @param failureThreshold consecutive carrier faults that open a CLOSED breaker; at least 1, default 3
 * @param recoveryTimeout  how long an OPEN breaker refuses calls before it lets a trial through;
 *                         positive, default 120 s
 * @param successThreshold consecutive successful trials that close a HALF_OPEN breaker (and the number of
 *                         trial calls let through); at least 1, default 2
 * @throws IllegalArgumentException naming the setting when a value is out of range
 */
public record CircuitBreakerSettings(int failureThreshold, Duration recoveryTimeout, int successThreshold) {

    /** 3 faults, 120 s, 2 successes. */
    public static final CircuitBreakerSettings DEFAULTS = new CircuitBreakerSettings(3, Duration.ofSeconds(120), 2);

    /** The largest accepted threshold: a breaker that needs more is not protecting anything. */
    public static final int MAX_THRESHOLD = 1000;

    public CircuitBreakerSettings {
        requireThreshold(failureThreshold, "failure-threshold");
        requireThreshold(successThreshold, "success-threshold");
        Objects.requireNonNull(recoveryTimeout, "recovery-timeout");
        if (recoveryTimeout.isNegative() || recoveryTimeout.isZero()) {
            throw new IllegalArgumentException("recovery-timeout must be positive, got " + recoveryTimeout);
        }
    }

    private static void requireThreshold(int value, String name) {
        if (value < 1 || value > MAX_THRESHOLD) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_THRESHOLD + ", got " + value);
        }
    }
}
