package io.haderos.shipping.benchmarks.scenario.hang;

import java.time.Duration;
import java.time.Instant;

/**
 * When the run started and when the fault was switched, on both clocks: {@link System#nanoTime()} for the driver's own
 * measurements and {@link Instant} for the gateway's reports (the processes share the machine's clock).
 *
 * @param startNanos the intended start of the first request
 * @param startInstant the same moment on the wall clock
 * @param hangNanos when the control API confirmed the hang
 * @param healNanos when the control API confirmed that Aramex is healthy again
 * @param faultMode how the hang was made ({@code hang}, or {@code slow} with a long latency when the sandbox has no
 *     {@code hang} mode)
 */
public record HangTimeline(long startNanos, Instant startInstant, long hangNanos, long healNanos, String faultMode) {

    /** {@code nanos} as time since the start. */
    public Duration sinceStart(long nanos) {
        return Duration.ofNanos(nanos - startNanos);
    }

    /** {@code instant} as time since the start. */
    public Duration sinceStart(Instant instant) {
        return Duration.between(startInstant, instant);
    }

    /** The hang's start, as time since the start. */
    public Duration hangStart() {
        return sinceStart(hangNanos);
    }

    /** The healing, as time since the start. */
    public Duration heal() {
        return sinceStart(healNanos);
    }
}
