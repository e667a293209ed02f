package io.haderos.shipping.benchmarks.driver;

import java.time.Duration;

/**
 * CPU time used over a stretch of wall time on a machine with {@code cores} cores.
 *
 * @param cpu CPU time used (every thread, user + system)
 * @param wall wall time elapsed
 * @param cores the machine's cores
 */
public record CpuUsage(Duration cpu, Duration wall, int cores) {

    /** The cores this JVM sees. */
    public static int machineCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The share of the whole machine used: CPU time / (wall time × cores), from 0 to 1. */
    public double share() {
        long wallNanos = wall.toNanos();
        return wallNanos <= 0 ? 0 : (double) cpu.toNanos() / ((double) wallNanos * cores);
    }

    /** CPU time per event (request), in microseconds; 0 when there were none. */
    public double microsPer(long events) {
        return events <= 0 ? 0 : cpu.toNanos() / 1_000.0 / events;
    }
}
