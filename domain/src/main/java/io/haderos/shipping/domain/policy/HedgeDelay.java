package io.haderos.shipping.domain.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a rate quote waits for one carrier before it asks the next one as well (docs/architecture.md#slowness-and-hangs, "hedged quotes").
 *
 * <p>{@link #auto()} follows the carrier: twice its 95th-percentile latency over its last {@value #WINDOW} successful
 * quotes, kept within [{@link #MIN_AUTO}, {@link #MAX_AUTO}], and {@link #MAX_AUTO} until {@value #MIN_SAMPLES}
 * quotes are known. {@link #fixed} never changes; {@link #off()} never hedges. One instance per carrier; thread-safe.
 * Recording a latency is cheap: the percentile is recomputed once every {@value #RECOMPUTE_EVERY} samples.
 */
public final class HedgeDelay {

    /** How many recent successful quotes the automatic delay looks at. */
    public static final int WINDOW = 200;
    /** How many quotes must be known before the automatic delay follows them. */
    public static final int MIN_SAMPLES = 20;

    public static final Duration MIN_AUTO = Duration.ofMillis(50);
    public static final Duration MAX_AUTO = Duration.ofSeconds(1);

    private static final int RECOMPUTE_EVERY = 10;

    private final Mode mode;
    private final long[] samples;
    private long recorded;
    private volatile Duration current;

    private enum Mode {
        AUTO,
        FIXED,
        OFF
    }

    private HedgeDelay(Mode mode, Duration initial) {
        this.mode = mode;
        this.samples = mode == Mode.AUTO ? new long[WINDOW] : new long[0];
        this.current = initial;
    }

    /** Twice the carrier's recent p95 latency, within [50 ms, 1 s]; 1 s until 20 quotes are known. */
    public static HedgeDelay auto() {
        return new HedgeDelay(Mode.AUTO, MAX_AUTO);
    }

    /** Always {@code delay}; a zero delay turns hedging off. */
    public static HedgeDelay fixed(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a hedge delay cannot be negative, got " + delay);
        }
        return delay.isZero() ? off() : new HedgeDelay(Mode.FIXED, delay);
    }

    /** Never hedges. */
    public static HedgeDelay off() {
        return new HedgeDelay(Mode.OFF, Duration.ZERO);
    }

    /** The delay in effect now; empty when hedging is off. */
    public Optional<Duration> current() {
        return mode == Mode.OFF ? Optional.empty() : Optional.of(current);
    }

    /** A successful quote from this carrier took {@code latency}. */
    public void recordSuccess(Duration latency) {
        if (mode != Mode.AUTO) {
            return;
        }
        long nanos = latency.toNanos();
        synchronized (samples) {
            samples[(int) (recorded % WINDOW)] = nanos;
            recorded++;
            if (recorded >= MIN_SAMPLES && recorded % RECOMPUTE_EVERY == 0) {
                current = fromP95(p95Nanos());
            }
        }
    }

    private long p95Nanos() {
        int known = (int) Math.min(recorded, WINDOW);
        long[] sorted = Arrays.copyOf(samples, known);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.95 * known) - 1;
        return sorted[Math.max(0, rank)];
    }

    private static Duration fromP95(long p95Nanos) {
        Duration twice = Duration.ofNanos(p95Nanos).multipliedBy(2);
        if (twice.compareTo(MIN_AUTO) < 0) {
            return MIN_AUTO;
        }
        return twice.compareTo(MAX_AUTO) > 0 ? MAX_AUTO : twice;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case AUTO -> "auto (" + current.toMillis() + " ms)";
            case FIXED -> current.toMillis() + " ms";
            case OFF -> "off";
        };
    }
}
