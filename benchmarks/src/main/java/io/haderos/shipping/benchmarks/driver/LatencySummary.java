package io.haderos.shipping.benchmarks.driver;

import java.time.Duration;
import java.util.Arrays;

/**
 * Exact percentiles of a set of latencies (nearest-rank: the smallest value with at least p % of the values at or
 * below it). Every latency is kept; the benchmarks record at most a few hundred thousand, which sorts in milliseconds.
 *
 * @param count how many latencies
 * @param p50 the median, in nanoseconds; 0 when {@code count} is 0
 * @param p99 the 99th percentile, in nanoseconds; 0 when {@code count} is 0
 * @param max the largest, in nanoseconds; 0 when {@code count} is 0
 */
public record LatencySummary(int count, long p50, long p99, long max) {

    /** No latencies at all. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0);

    /** Summarises {@code nanos}, which is left unchanged. */
    public static LatencySummary of(long[] nanos) {
        if (nanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(
                sorted.length, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /**
     * The nearest-rank percentile of an ascending array.
     *
     * @param percent within (0, 100]
     * @throws IllegalArgumentException on an empty array or a percent out of range
     */
    public static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be within (0, 100], got " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Whether there is anything to report. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** The median as a duration. */
    public Duration p50Duration() {
        return Duration.ofNanos(p50);
    }

    /** The 99th percentile as a duration. */
    public Duration p99Duration() {
        return Duration.ofNanos(p99);
    }

    /** The largest latency as a duration. */
    public Duration maxDuration() {
        return Duration.ofNanos(max);
    }
}
