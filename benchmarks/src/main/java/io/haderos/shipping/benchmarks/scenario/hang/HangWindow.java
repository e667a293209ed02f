package io.haderos.shipping.benchmarks.scenario.hang;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * What happened in one reporting window of the hang scenario.
 *
 * @param index 0 for the first window (the warm-up)
 * @param from the window's start, as time since the run's start
 * @param phase Aramex's planned state during the window: {@code healthy}, {@code hang} or {@code healed}
 * @param rates rate quotes due in the window
 * @param ships ships due in the window
 * @param shipsByOutcome how the ships due in the window ended: Aramex, SMSA, held, failed
 * @param live {@code GET /health/live} probes due in the window
 * @param monitoring monitoring requests due in the window
 * @param hedgeDelaySeconds the largest hedge delay the gateway reported in the window, when it reports one
 * @param heldOrdersGauge the gateway's held-orders gauge at the window's end, when it reports one
 * @param breaker the Aramex breaker states seen in the window, in order ({@code closed → open})
 * @param driverCpuShare the load driver's share of the machine's CPU during the window
 */
public record HangWindow(
        int index,
        Duration from,
        String phase,
        StreamWindow rates,
        StreamWindow ships,
        int[] shipsByOutcome,
        StreamWindow live,
        StreamWindow monitoring,
        OptionalDouble hedgeDelaySeconds,
        OptionalDouble heldOrdersGauge,
        String breaker,
        double driverCpuShare) {

    /** Ships of the window with {@code outcome}. */
    public int ships(ShipResult.Outcome outcome) {
        return shipsByOutcome[outcome.ordinal()];
    }
}
