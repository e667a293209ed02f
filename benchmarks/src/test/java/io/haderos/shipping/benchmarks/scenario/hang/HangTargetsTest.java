package io.haderos.shipping.benchmarks.scenario.hang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.haderos.shipping.benchmarks.driver.LatencySummary;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.scenario.Options;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HangTargetsTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final HangPlan PLAN = HangPlan.from(Options.parse(List.of()));
    /** Hang at 20 s, healed at 80 s: the schedule. */
    private static final HangTimeline TIMELINE = new HangTimeline(0, Instant.EPOCH, 20 * S, 80 * S, "hang");

    private final HangTargets targets = new HangTargets(PLAN, TIMELINE);

    @Test
    void givenAGatewayThatMeetsEveryTarget_thenEveryCheckPasses() {
        Map<String, Boolean> verdicts = verdicts(windows(w -> w), goodShips(), goodTransitions(), cleanShips());

        assertThat(verdicts).hasSize(11).doesNotContainValue(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneWindowChanged")
    void givenOneWindowChanged_thenTheVerdictsOfItsTargets(
            String given, int index, UnaryOperator<HangWindow> change, Map<String, Boolean> expected) {
        Map<String, Boolean> verdicts = verdicts(
                windows(w -> w.index() == index ? change.apply(w) : w), goodShips(), goodTransitions(), cleanShips());

        expected.forEach((target, passed) ->
                assertThat(pick(verdicts, target)).as(target).isEqualTo(passed));
    }

    /** A window of an otherwise good run changed, and the verdicts that follow for the targets named. */
    static Stream<Arguments> oneWindowChanged() {
        return Stream.of(
                arguments("a slow probe in the warm-up only", 0, live(900 * MS), Map.of("/health/live", true)),
                arguments("a probe over 500 ms", 5, live(600 * MS), Map.of("/health/live", false, "monitoring", true)),
                // hedge delay 100 ms: 260 ms is over 250 ms
                arguments("rates p99 over hedge delay + 150 ms", 7, ratesP99(260 * MS), Map.of("rates: p99", false)),
                arguments("a window below 99 % completed", 3, ratesOk(1_979), Map.of("rates: ≥ 99 %", false)));
    }

    @Test
    void givenNoHedgeDelayReported_thenOneSecondIsAssumed() {
        List<HangWindow> windows =
                windows(w -> withoutHedgeDelay(ratesP99(1_100 * MS).apply(w)));

        List<TargetCheck> checks = targets.check(windows, goodShips(), goodTransitions(), cleanShips());

        TargetCheck hedge = find(checks, "rates: p99");
        assertThat(hedge.passed()).isTrue();
        assertThat(hedge.detail()).contains("1 s", "assumed");
    }

    @Test
    void givenShipsInFlightAtTheHangAndSentInItsFirstNineSeconds_thenTheyMayBeHeld() {
        List<ShipResult> ships = new ArrayList<>(goodShips());
        ships.add(ship("in-flight", 19.5, 29.5, ShipResult.Outcome.HELD));
        ships.add(ship("early", 25, 35, ShipResult.Outcome.HELD));

        assertThat(targets.heldAllowance(ships)).isEqualTo(2 + 9 * 8);
        assertThat(verdict(windows(w -> w), ships, "ship: held orders")).isTrue();
        assertThat(verdict(windows(w -> w), ships, "ship: none held that was sent after"))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneShipAdded")
    void givenOneShipAddedToAGoodRun_thenItsTargetFails(String given, ShipResult added, String target) {
        List<ShipResult> ships = new ArrayList<>(goodShips());
        ships.add(added);

        assertThat(verdict(windows(w -> w), ships, target)).isFalse();
    }

    /** A ship that breaks one ship target, and that target. */
    static Stream<Arguments> oneShipAdded() {
        return Stream.of(
                arguments(
                        "held after the hang was detected",
                        ship("trial-victim", 50, 60, ShipResult.Outcome.HELD),
                        "ship: none held that was sent after"),
                arguments(
                        "failed, so not every ship was served",
                        ship("failed", 40, 41, ShipResult.Outcome.FAILED),
                        "ship: every ship"));
    }

    @Test
    void givenMoreShipmentsAtSmsaThanTheGatewayReports_thenSentToBoth() {
        DoubleShipCheck check = new DoubleShipCheck(false, 0, 0, OptionalLong.of(501), 500, List.of());

        assertThat(check.passed()).isFalse();
        assertThat(new DoubleShipCheck(false, 0, 0, OptionalLong.empty(), 500, List.of()).passed())
                .as("nothing could be checked")
                .isFalse();
        assertThat(new DoubleShipCheck(true, 40, 1, OptionalLong.of(500), 500, List.of("o-1")).passed())
                .isFalse();
    }

    @Test
    void givenTheBreakerOpening5SecondsIntoTheHang_thenTooLate() {
        List<BreakerTransition> transitions =
                List.of(transition(25, "closed", "open"), transition(104, "half_open", "closed"));

        Map<String, Boolean> verdicts = verdicts(windows(w -> w), goodShips(), transitions, cleanShips());

        assertThat(pick(verdicts, "breaker opens")).isFalse();
        assertThat(pick(verdicts, "breaker closes")).isTrue();
    }

    @Test
    void givenTheBreakerClosing25SecondsAfterHealing_thenTooLate() {
        List<BreakerTransition> transitions =
                List.of(transition(23, "closed", "open"), transition(105, "half_open", "closed"));

        assertThat(pick(verdicts(windows(w -> w), goodShips(), transitions, cleanShips()), "breaker closes"))
                .isFalse();
    }

    // ------------------------------------------------------------------------------------------------- data

    private static List<HangWindow> windows(UnaryOperator<HangWindow> change) {
        List<HangWindow> windows = new ArrayList<>();
        for (int i = 0; i < PLAN.windows(); i++) {
            StreamWindow rates =
                    new StreamWindow(2000, 2000, 0, 0, 0, new LatencySummary(2000, 5 * MS, 200 * MS, 900 * MS));
            StreamWindow ships = new StreamWindow(40, 40, 0, 0, 0, new LatencySummary(40, 20 * MS, 80 * MS, 90 * MS));
            StreamWindow probes = new StreamWindow(50, 50, 0, 0, 0, new LatencySummary(50, 2 * MS, 10 * MS, 30 * MS));
            windows.add(change.apply(new HangWindow(
                    i,
                    Duration.ofSeconds(5L * i),
                    "healthy",
                    rates,
                    ships,
                    new int[] {0, 40, 0, 0},
                    probes,
                    probes,
                    OptionalDouble.of(0.1),
                    OptionalDouble.of(0),
                    "closed",
                    0.05)));
        }
        return windows;
    }

    /** Live probes up to {@code max}. */
    private static UnaryOperator<HangWindow> live(long max) {
        StreamWindow live = new StreamWindow(50, 50, 0, 0, 0, new LatencySummary(50, 2 * MS, 10 * MS, max));
        return w -> copy(w, w.rates(), live, w.hedgeDelaySeconds());
    }

    /** Rates with a p99 (and max) of {@code p99}. */
    private static UnaryOperator<HangWindow> ratesP99(long p99) {
        StreamWindow rates = new StreamWindow(2000, 2000, 0, 0, 0, new LatencySummary(2000, 5 * MS, p99, p99));
        return w -> copy(w, rates, w.live(), w.hedgeDelaySeconds());
    }

    /** Rates of which only {@code ok} of 2,000 were answered 2xx. */
    private static UnaryOperator<HangWindow> ratesOk(int ok) {
        return w -> copy(w, new StreamWindow(2000, ok, 0, 0, 0, w.rates().latency()), w.live(), w.hedgeDelaySeconds());
    }

    private static HangWindow withoutHedgeDelay(HangWindow w) {
        return copy(w, w.rates(), w.live(), OptionalDouble.empty());
    }

    /** {@code w} with other rates, live probes and hedge delay. */
    private static HangWindow copy(HangWindow w, StreamWindow rates, StreamWindow live, OptionalDouble hedgeDelay) {
        return new HangWindow(
                w.index(),
                w.from(),
                w.phase(),
                rates,
                w.ships(),
                w.shipsByOutcome(),
                live,
                w.monitoring(),
                hedgeDelay,
                w.heldOrdersGauge(),
                w.breaker(),
                w.driverCpuShare());
    }

    /** 8 ships a second for 140 s, each answered after 50 ms: Aramex before the hang and after healing, else SMSA. */
    private static List<ShipResult> goodShips() {
        List<ShipResult> ships = new ArrayList<>();
        for (int i = 0; i < 140 * 8; i++) {
            double start = i / 8.0;
            boolean aramex = start < 20 || start >= 104;
            ships.add(
                    ship("o-" + i, start, start + 0.05, aramex ? ShipResult.Outcome.ARAMEX : ShipResult.Outcome.SMSA));
        }
        return ships;
    }

    private static ShipResult ship(String id, double startSeconds, double endSeconds, ShipResult.Outcome outcome) {
        return new ShipResult(id, Math.round(startSeconds * S), Math.round(endSeconds * S), outcome);
    }

    private static List<BreakerTransition> goodTransitions() {
        return List.of(
                transition(23, "closed", "open"),
                transition(80.5, "open", "half_open"),
                transition(80.6, "half_open", "closed"));
    }

    private static BreakerTransition transition(double atSeconds, String from, String to) {
        return new BreakerTransition(Duration.ofMillis(Math.round(atSeconds * 1000)), from, to, "");
    }

    private static DoubleShipCheck cleanShips() {
        return new DoubleShipCheck(true, 300, 0, OptionalLong.of(500), 500, List.of());
    }

    private Map<String, Boolean> verdicts(
            List<HangWindow> windows,
            List<ShipResult> ships,
            List<BreakerTransition> transitions,
            DoubleShipCheck dbl) {
        return targets.check(windows, ships, transitions, dbl).stream()
                .collect(Collectors.toMap(TargetCheck::target, TargetCheck::passed));
    }

    private boolean verdict(List<HangWindow> windows, List<ShipResult> ships, String targetPrefix) {
        return pick(verdicts(windows, ships, goodTransitions(), cleanShips()), targetPrefix);
    }

    private static boolean pick(Map<String, Boolean> verdicts, String targetPrefix) {
        return verdicts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(targetPrefix))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no target " + targetPrefix + " in " + verdicts.keySet()));
    }

    private static TargetCheck find(List<TargetCheck> checks, String targetPrefix) {
        return checks.stream()
                .filter(c -> c.target().startsWith(targetPrefix))
                .findFirst()
                .orElseThrow();
    }
}
