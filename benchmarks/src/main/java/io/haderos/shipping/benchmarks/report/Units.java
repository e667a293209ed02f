package io.haderos.shipping.benchmarks.report;

import java.time.Duration;
import java.util.Locale;

/** How numbers read in the tables. */
public final class Units {

    private Units() {}

    /** {@code 12.3 ms} under 100 ms, {@code 1234 ms} above. */
    public static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms < 100 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** {@code 3.2 s}. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }

    /** {@code 42.0 %} for 0.42. */
    public static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** {@code 187 MB} (mebibytes). */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
    }

    /** A number with {@code decimals} decimals. */
    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
