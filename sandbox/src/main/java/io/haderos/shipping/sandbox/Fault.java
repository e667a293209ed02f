package io.haderos.shipping.sandbox;

import java.util.Objects;

/**
 * The current fault of a stand-in.
 *
 * @param mode      what the stand-in does
 * @param latencyMs delay before every answer (any mode but {@code down} and {@code hang}, which
 *                  never answer: there it becomes 0); {@code slow} with 0 becomes
 *                  {@link #DEFAULT_SLOW_LATENCY_MS}
 */
record Fault(FaultMode mode, long latencyMs) {

    static final long DEFAULT_SLOW_LATENCY_MS = 30_000;
    static final long MAX_LATENCY_MS = 600_000;
    static final Fault HEALTHY = new Fault(FaultMode.HEALTHY, 0);

    Fault {
        Objects.requireNonNull(mode, "mode");
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latency_ms must be within 0-" + MAX_LATENCY_MS);
        }
        if (mode == FaultMode.SLOW && latencyMs == 0) {
            latencyMs = DEFAULT_SLOW_LATENCY_MS;
        }
        if (mode == FaultMode.DOWN || mode == FaultMode.HANG) {
            latencyMs = 0;
        }
    }
}
