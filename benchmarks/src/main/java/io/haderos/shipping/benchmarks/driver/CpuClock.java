package io.haderos.shipping.benchmarks.driver;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time a process has used so far (user + system, every thread), read from the process's own counters: for the
 * driver from the JVM, for a child process from {@code /proc/<pid>/stat} through {@link ProcessHandle.Info}. Such
 * counters stay meaningful while the driver and the server share the cores.
 */
@FunctionalInterface
public interface CpuClock {

    /** CPU time used since the process started. */
    Duration used();

    /** This JVM's own CPU time. */
    static CpuClock self() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return () -> Duration.ofNanos(sun.getProcessCpuTime());
        }
        return of(ProcessHandle.current());
    }

    /** Another process's CPU time; {@link Duration#ZERO} once it has gone. */
    static CpuClock of(ProcessHandle process) {
        return () -> {
            Optional<Duration> total = process.info().totalCpuDuration();
            return total.orElse(Duration.ZERO);
        };
    }

    /** A reading now, to compare with a later one. */
    default CpuReading read() {
        return new CpuReading(System.nanoTime(), used());
    }

    /**
     * A CPU-time reading with the wall-clock instant ({@link System#nanoTime()}) it was taken.
     *
     * @param wallNanos when
     * @param cpu the CPU time used by then
     */
    record CpuReading(long wallNanos, Duration cpu) {

        /** The CPU used and the wall time elapsed from {@code earlier} to this reading. */
        public CpuUsage since(CpuReading earlier) {
            return new CpuUsage(
                    cpu.minus(earlier.cpu), Duration.ofNanos(wallNanos - earlier.wallNanos), CpuUsage.machineCores());
        }
    }
}
