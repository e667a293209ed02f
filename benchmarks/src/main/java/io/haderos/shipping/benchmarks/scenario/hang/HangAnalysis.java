package io.haderos.shipping.benchmarks.scenario.hang;

import io.haderos.shipping.benchmarks.driver.Exchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Sorts the run's exchanges into windows by their intended start and summarises each window. Pure arithmetic over
 * what was recorded, so that it can be tested on made-up data.
 */
public final class HangAnalysis {

    /** A value the gateway reported (a gauge, a breaker state) and when the driver received it. */
    public record Sample<T>(long nanos, T value) {}

    private final HangPlan plan;
    private final HangTimeline timeline;

    public HangAnalysis(HangPlan plan, HangTimeline timeline) {
        this.plan = plan;
        this.timeline = timeline;
    }

    /**
     * The windows of the run.
     *
     * @param exchanges every exchange of the streams {@code rates}, {@code ship}, {@code live} and {@code monitoring}
     * @param hedgeDelays samples of the hedge-delay gauge (seconds)
     * @param heldGauge samples of the held-orders gauge
     * @param breakerStates the Aramex breaker's state as polled
     * @param driverCpuShares the driver's CPU share per window (shorter than the windows when the run was cut short)
     */
    public List<HangWindow> windows(
            List<Exchange> exchanges,
            List<Sample<Double>> hedgeDelays,
            List<Sample<Double>> heldGauge,
            List<Sample<String>> breakerStates,
            double[] driverCpuShares) {
        List<HangWindow> windows = new ArrayList<>();
        for (int i = 0; i < plan.windows(); i++) {
            long from = windowStart(i);
            long to = windowStart(i + 1);
            List<Exchange> ships = due(exchanges, "ship", from, to);
            int[] outcomes = new int[ShipResult.Outcome.values().length];
            ships.forEach(ship -> outcomes[ShipResult.outcomeOf(ship).ordinal()]++);
            windows.add(new HangWindow(
                    i,
                    timeline.sinceStart(from),
                    phase(timeline.sinceStart(from)),
                    StreamWindow.of(due(exchanges, "rates", from, to), plan.carrierTimeout()),
                    StreamWindow.of(ships, plan.carrierTimeout()),
                    outcomes,
                    StreamWindow.of(due(exchanges, "live", from, to), plan.carrierTimeout()),
                    StreamWindow.of(due(exchanges, "monitoring", from, to), plan.carrierTimeout()),
                    max(hedgeDelays, from, to),
                    last(heldGauge, from, to),
                    states(breakerStates, from, to),
                    i < driverCpuShares.length ? driverCpuShares[i] : Double.NaN));
        }
        return windows;
    }

    /** The ships of the run with their outcomes, in order of intended start. */
    public static List<ShipResult> ships(List<Exchange> exchanges, String orderIdPrefix) {
        return exchanges.stream()
                .filter(exchange -> exchange.stream().equals("ship"))
                .sorted(java.util.Comparator.comparingLong(Exchange::startNanos))
                .map(exchange -> new ShipResult(
                        orderIdPrefix + exchange.index(),
                        exchange.startNanos(),
                        exchange.endNanos(),
                        ShipResult.outcomeOf(exchange)))
                .toList();
    }

    /** The planned phase at {@code offset} since the start. */
    String phase(Duration offset) {
        if (offset.compareTo(plan.healthy()) < 0) {
            return "healthy";
        }
        return offset.compareTo(plan.healthy().plus(plan.hang())) < 0 ? "hang" : "healed";
    }

    private long windowStart(int index) {
        return timeline.startNanos() + index * plan.window().toNanos();
    }

    private static List<Exchange> due(List<Exchange> exchanges, String stream, long from, long to) {
        return exchanges.stream()
                .filter(exchange -> exchange.stream().equals(stream))
                .filter(exchange -> exchange.startNanos() >= from && exchange.startNanos() < to)
                .toList();
    }

    private static OptionalDouble max(List<Sample<Double>> samples, long from, long to) {
        return samples.stream()
                .filter(sample -> sample.nanos() >= from && sample.nanos() < to)
                .mapToDouble(Sample::value)
                .max();
    }

    private static OptionalDouble last(List<Sample<Double>> samples, long from, long to) {
        OptionalDouble last = OptionalDouble.empty();
        for (Sample<Double> sample : samples) {
            if (sample.nanos() >= from && sample.nanos() < to) {
                last = OptionalDouble.of(sample.value());
            }
        }
        return last;
    }

    /** The distinct states seen in the window, in order, joined by arrows; {@code "?"} when none was seen. */
    static String states(List<Sample<String>> samples, long from, long to) {
        List<String> seen = new ArrayList<>();
        samples.stream()
                .filter(sample -> sample.nanos() >= from && sample.nanos() < to)
                .sorted(java.util.Comparator.comparingLong(Sample::nanos))
                .forEach(sample -> {
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(sample.value())) {
                        seen.add(sample.value());
                    }
                });
        return seen.isEmpty() ? "?" : String.join(" → ", seen);
    }
}
