package io.haderos.shipping.benchmarks.scenario.hang;

import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.report.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The targets of the hang scenario, checked on what a run recorded. The first window is the warm-up and is left out of
 * the per-window targets.
 */
public final class HangTargets {

    /** The hedge delay assumed when the gateway reports none: the largest the automatic delay may take. */
    public static final Duration ASSUMED_HEDGE_DELAY = Duration.ofSeconds(1);

    static final Duration PROBE_P99 = Duration.ofMillis(50);
    static final Duration PROBE_MAX = Duration.ofMillis(500);
    static final double RATES_COMPLETED = 0.99;
    static final Duration HEDGE_SLACK = Duration.ofMillis(150);

    private final HangPlan plan;
    private final HangTimeline timeline;

    public HangTargets(HangPlan plan, HangTimeline timeline) {
        this.plan = plan;
        this.timeline = timeline;
    }

    /** Every target, in the order of the issue. */
    public List<TargetCheck> check(
            List<HangWindow> windows,
            List<ShipResult> ships,
            List<BreakerTransition> transitions,
            DoubleShipCheck doubleShips) {
        List<HangWindow> measured = windows.size() > 1 ? windows.subList(1, windows.size()) : List.of();
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(probe("/health/live", measured, HangWindow::live));
        checks.add(probe("monitoring", measured, HangWindow::monitoring));
        checks.add(ratesCompleted(measured));
        checks.add(ratesNeverWaitedTimeout(measured));
        checks.add(ratesWithinHedgeDelay(measured));
        checks.add(heldWithinAllowance(ships));
        checks.add(noneHeldAfterDetection(ships));
        checks.add(everyOtherShipServed(ships));
        checks.add(new TargetCheck("ship: none sent to both carriers", doubleShips.passed(), describe(doubleShips)));
        checks.add(opened(transitions));
        checks.add(closed(transitions));
        return checks;
    }

    private TargetCheck probe(String name, List<HangWindow> windows, Function<HangWindow, StreamWindow> stream) {
        int failing = 0;
        long worstP99 = 0;
        long worstMax = 0;
        int unanswered = 0;
        for (HangWindow window : windows) {
            StreamWindow probes = stream.apply(window);
            worstP99 = Math.max(worstP99, probes.latency().p99());
            worstMax = Math.max(worstMax, probes.latency().max());
            unanswered += probes.unanswered();
            if (probes.latency().p99() > PROBE_P99.toNanos()
                    || probes.latency().max() > PROBE_MAX.toNanos()
                    || probes.unanswered() > 0) {
                failing++;
            }
        }
        return new TargetCheck(
                name + ": p99 ≤ 50 ms and max ≤ 500 ms in every window",
                failing == 0 && !windows.isEmpty(),
                String.format(
                        Locale.ROOT,
                        "worst p99 %s, worst max %s; %d of %d windows over; %d unanswered",
                        Units.millis(worstP99),
                        Units.millis(worstMax),
                        failing,
                        windows.size(),
                        unanswered));
    }

    private TargetCheck ratesCompleted(List<HangWindow> windows) {
        double worst = windows.stream()
                .mapToDouble(window -> window.rates().okShare())
                .min()
                .orElse(0);
        long failing = windows.stream()
                .filter(window -> window.rates().okShare() < RATES_COMPLETED)
                .count();
        return new TargetCheck(
                "rates: ≥ 99 % of offered completed in every window",
                failing == 0 && !windows.isEmpty(),
                String.format(
                        Locale.ROOT,
                        "worst window %.1f %%; %d of %d windows under",
                        worst * 100,
                        failing,
                        windows.size()));
    }

    private TargetCheck ratesNeverWaitedTimeout(List<HangWindow> windows) {
        int waited = windows.stream()
                .mapToInt(window -> window.rates().waitedTimeout())
                .sum();
        return new TargetCheck(
                "rates: no quote waited the carrier timeout ("
                        + plan.carrierTimeout().toSeconds() + " s)",
                waited == 0,
                waited + " quotes took ≥ " + plan.carrierTimeout().toSeconds() + " s");
    }

    private TargetCheck ratesWithinHedgeDelay(List<HangWindow> windows) {
        int failing = 0;
        boolean assumed = false;
        double worstExcessMs = Double.NEGATIVE_INFINITY;
        for (HangWindow window : windows) {
            Duration hedge;
            if (window.hedgeDelaySeconds().isPresent()) {
                hedge = Duration.ofNanos(Math.round(window.hedgeDelaySeconds().getAsDouble() * 1e9));
            } else {
                hedge = ASSUMED_HEDGE_DELAY;
                assumed = true;
            }
            long allowed = hedge.plus(HEDGE_SLACK).toNanos();
            worstExcessMs = Math.max(worstExcessMs, (window.rates().latency().p99() - allowed) / 1e6);
            if (window.rates().latency().p99() > allowed) {
                failing++;
            }
        }
        String detail = String.format(
                Locale.ROOT,
                "%d of %d windows over; worst p99 %s the allowance%s",
                failing,
                windows.size(),
                worstExcessMs >= 0
                        ? Units.millis(Math.round(worstExcessMs * 1e6)) + " over"
                        : Units.millis(Math.round(-worstExcessMs * 1e6)) + " under",
                assumed ? " (no hedge delay reported: 1 s, its largest automatic value, assumed)" : "");
        return new TargetCheck(
                "rates: p99 ≤ hedge delay in effect + 150 ms in every window",
                failing == 0 && !windows.isEmpty(),
                detail);
    }

    /** Ships in flight when the hang began, plus those sent in its first S(ship) + 1 s. */
    public long heldAllowance(List<ShipResult> ships) {
        long graceEnd = timeline.hangNanos() + plan.heldShipsGrace().toNanos();
        return ships.stream()
                .filter(ship -> (ship.startNanos() < timeline.hangNanos() && ship.endNanos() > timeline.hangNanos())
                        || (ship.startNanos() >= timeline.hangNanos() && ship.startNanos() < graceEnd))
                .count();
    }

    private TargetCheck heldWithinAllowance(List<ShipResult> ships) {
        long held = count(ships, ShipResult.Outcome.HELD);
        long allowance = heldAllowance(ships);
        return new TargetCheck(
                "ship: held orders ≤ in flight at the hang's start + sent in its first S(ship) + 1 s",
                held <= allowance,
                held + " held; allowance " + allowance);
    }

    private TargetCheck noneHeldAfterDetection(List<ShipResult> ships) {
        long graceEnd = timeline.hangNanos() + plan.heldShipsGrace().toNanos();
        long late = ships.stream()
                .filter(ship -> ship.outcome() == ShipResult.Outcome.HELD && ship.startNanos() >= graceEnd)
                .count();
        return new TargetCheck(
                "ship: none held that was sent after the hang's first S(ship) + 1 s (e.g. by a trial)",
                late == 0,
                late + " held after " + plan.heldShipsGrace().toSeconds() + " s into the hang");
    }

    private TargetCheck everyOtherShipServed(List<ShipResult> ships) {
        long failed = count(ships, ShipResult.Outcome.FAILED);
        long smsa = count(ships, ShipResult.Outcome.SMSA);
        long aramex = count(ships, ShipResult.Outcome.ARAMEX);
        long held = count(ships, ShipResult.Outcome.HELD);
        return new TargetCheck(
                "ship: every ship not held is created (by SMSA while Aramex hangs)",
                failed == 0 && !ships.isEmpty(),
                String.format(
                        Locale.ROOT,
                        "%d ships: %d Aramex, %d SMSA, %d held, %d failed",
                        ships.size(),
                        aramex,
                        smsa,
                        held,
                        failed));
    }

    private TargetCheck opened(List<BreakerTransition> transitions) {
        return transition(
                transitions,
                "open",
                timeline.hangStart(),
                plan.openWithin(),
                "breaker opens within S(rates) + 1 s = " + Units.seconds(plan.openWithin()) + " of the hang's start",
                "opened after ",
                "never opened during the run");
    }

    private TargetCheck closed(List<BreakerTransition> transitions) {
        return transition(
                transitions,
                "closed",
                timeline.heal(),
                plan.closeWithin(),
                "breaker closes within T + S(rates) + 1 s = " + Units.seconds(plan.closeWithin()) + " of healing",
                "closed after ",
                "not closed again by the run's end");
    }

    /** Whether the breaker's first move to {@code state} after {@code since} came within {@code within}. */
    private static TargetCheck transition(
            List<BreakerTransition> transitions,
            String state,
            Duration since,
            Duration within,
            String target,
            String after,
            String never) {
        Optional<Duration> moved = transitions.stream()
                .filter(t -> t.to().equals(state) && t.at().compareTo(since) >= 0)
                .map(t -> t.at().minus(since))
                .findFirst();
        return new TargetCheck(
                target,
                moved.isPresent() && moved.get().compareTo(within) <= 0,
                moved.map(d -> after + Units.seconds(d)).orElse(never));
    }

    private static long count(List<ShipResult> ships, ShipResult.Outcome outcome) {
        return ships.stream().filter(ship -> ship.outcome() == outcome).count();
    }

    private static String describe(DoubleShipCheck check) {
        String lookups = check.lookupAvailable()
                ? check.lookedUp() + " held or Aramex orders looked up at SMSA, " + check.atBoth() + " found there"
                        + (check.examples().isEmpty() ? "" : " (" + String.join(", ", check.examples()) + ")")
                : "SMSA stand-in has no reference look-up";
        String counts = check.smsaStandInCreated().isPresent()
                ? "SMSA created " + check.smsaStandInCreated().getAsLong() + ", gateway reports " + check.smsaServed()
                : "SMSA statistics unavailable";
        return lookups + "; " + counts;
    }
}
