package io.haderos.shipping.adapter.resilience4j;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers of a carrier's breaker (docs/architecture.md#circuit-breaker) and of the guards around it (docs/architecture.md#slowness-and-hangs).
 *
 * @param failureThreshold   consecutive carrier faults that open a CLOSED breaker; at least 1, default 3
 * @param recoveryTimeout    how long an OPEN breaker refuses calls before it lets a trial through; positive,
 *                           default 120 s
 * @param successThreshold   consecutive successful trials that close a HALF_OPEN breaker (and the number of trial
 *                           calls let through); at least 1, default 2
 * @param slowCallThresholds per operation, how long an asynchronous call may stay unanswered before it counts as a
 *                           carrier fault; default 3 s for rates and tracking, 8 s for shipments
 * @param maxConcurrentCalls the bulkhead: asynchronous calls in flight at once, beyond which a call is not sent;
 *                           at least 1, default 64
 * @throws IllegalArgumentException naming the setting when a value is out of range
 */
public record CircuitBreakerSettings(
        int failureThreshold,
        Duration recoveryTimeout,
        int successThreshold,
        SlowCallThresholds slowCallThresholds,
        int maxConcurrentCalls) {

    /** The bulkhead's default size. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 64;

    /** 3 faults, 120 s, 2 successes; slow after 3 s (rates, tracking) or 8 s (shipments); 64 calls in flight. */
    public static final CircuitBreakerSettings DEFAULTS = new CircuitBreakerSettings(3, Duration.ofSeconds(120), 2);

    /** The largest accepted threshold: a breaker that needs more is not protecting anything. */
    public static final int MAX_THRESHOLD = 1000;

    /** The largest accepted bulkhead. */
    public static final int MAX_CONCURRENT_CALLS = 10_000;

    public CircuitBreakerSettings {
        requireThreshold(failureThreshold, "failure-threshold");
        requireThreshold(successThreshold, "success-threshold");
        Objects.requireNonNull(recoveryTimeout, "recovery-timeout");
        if (recoveryTimeout.isNegative() || recoveryTimeout.isZero()) {
            throw new IllegalArgumentException("recovery-timeout must be positive, got " + recoveryTimeout);
        }
        Objects.requireNonNull(slowCallThresholds, "slow-call-threshold");
        if (maxConcurrentCalls < 1 || maxConcurrentCalls > MAX_CONCURRENT_CALLS) {
            throw new IllegalArgumentException("max-concurrent-calls must be between 1 and " + MAX_CONCURRENT_CALLS
                    + ", got " + maxConcurrentCalls);
        }
    }

    /** The breaker's three numbers, with the default slow-call thresholds and bulkhead. */
    public CircuitBreakerSettings(int failureThreshold, Duration recoveryTimeout, int successThreshold) {
        this(
                failureThreshold,
                recoveryTimeout,
                successThreshold,
                SlowCallThresholds.DEFAULTS,
                DEFAULT_MAX_CONCURRENT_CALLS);
    }

    /** These settings with other slow-call thresholds. */
    public CircuitBreakerSettings withSlowCallThresholds(SlowCallThresholds thresholds) {
        return new CircuitBreakerSettings(
                failureThreshold, recoveryTimeout, successThreshold, thresholds, maxConcurrentCalls);
    }

    /** These settings with another bulkhead size. */
    public CircuitBreakerSettings withMaxConcurrentCalls(int calls) {
        return new CircuitBreakerSettings(
                failureThreshold, recoveryTimeout, successThreshold, slowCallThresholds, calls);
    }

    private static void requireThreshold(int value, String name) {
        if (value < 1 || value > MAX_THRESHOLD) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_THRESHOLD + ", got " + value);
        }
    }
}
