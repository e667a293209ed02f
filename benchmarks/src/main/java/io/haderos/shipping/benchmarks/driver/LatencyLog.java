package io.haderos.shipping.benchmarks.driver;

import java.util.Arrays;

/** A thread-safe, growable list of latencies in nanoseconds. */
public final class LatencyLog {

    private long[] values = new long[1024];
    private int size;

    /** Adds one latency. */
    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** How many latencies so far. */
    public synchronized int size() {
        return size;
    }

    /** Percentiles of everything added so far. */
    public synchronized LatencySummary summary() {
        return LatencySummary.of(Arrays.copyOf(values, size));
    }
}
