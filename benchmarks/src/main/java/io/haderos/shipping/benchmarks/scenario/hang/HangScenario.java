package io.haderos.shipping.benchmarks.scenario.hang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haderos.shipping.benchmarks.driver.CpuClock;
import io.haderos.shipping.benchmarks.driver.Exchange;
import io.haderos.shipping.benchmarks.driver.ExchangeLog;
import io.haderos.shipping.benchmarks.driver.HttpClients;
import io.haderos.shipping.benchmarks.driver.OpenLoop;
import io.haderos.shipping.benchmarks.process.Gateway;
import io.haderos.shipping.benchmarks.process.Http;
import io.haderos.shipping.benchmarks.process.PrometheusText;
import io.haderos.shipping.benchmarks.process.SandboxControl;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.report.Units;
import io.haderos.shipping.benchmarks.scenario.Requests;
import io.haderos.shipping.benchmarks.scenario.RunContext;
import io.haderos.shipping.benchmarks.scenario.Scenario;
import io.haderos.shipping.benchmarks.scenario.ScenarioReport;
import io.haderos.shipping.benchmarks.scenario.hang.HangAnalysis.Sample;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Aramex hangs under an open-loop load of rate quotes and ships: does the gateway stay responsive, fall back in time,
 * hold only the orders it must, and recover? Runs the real jar with its embedded sandbox on free loopback ports in a
 * fresh working directory.
 */
public final class HangScenario extends Scenario {

    /** The gauge of the hedge delay in effect, per carrier. */
    public static final String HEDGE_DELAY_METRIC = "gateway_hedge_delay_seconds";
    /** The gauge of orders held after an unknown outcome. */
    public static final String HELD_ORDERS_METRIC = "gateway_held_orders";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HANG_LATENCY_MS = 60_000;
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    public HangScenario() {
        super("hang", "Hang: Aramex stops answering under open-loop load");
    }

    @Override
    public ScenarioReport run(RunContext context) throws Exception {
        HangPlan plan = HangPlan.from(context.options());
        Map<String, String> env = Map.of(
                "CIRCUIT_BREAKER_RECOVERY_TIMEOUT",
                        Long.toString(plan.recoveryTimeout().toSeconds()),
                "ARAMEX_TIMEOUT", Long.toString(plan.carrierTimeout().toSeconds()));
        try (Gateway gateway = Gateway.start(context.gatewayLaunch(), context.scratch("hang"), env)) {
            gateway.awaitReady(Duration.ofSeconds(60));
            return new Run(plan, gateway).execute(env);
        }
    }

    /** One run against one gateway. */
    private static final class Run {

        private final HangPlan plan;
        private final Gateway gateway;
        private final SandboxControl sandbox;
        private final String orderPrefix =
                "BENCH-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        private final ExchangeLog log = new ExchangeLog();
        private Optional<Duration> caughtUpAfter = Optional.empty();
        private String transitionSource = "";

        Run(HangPlan plan, Gateway gateway) {
            this.plan = plan;
            this.gateway = gateway;
            this.sandbox = gateway.sandbox();
        }

        ScenarioReport execute(Map<String, String> env) throws Exception {
            HttpClient loadClient = HttpClients.create("driver-load", 4, Duration.ofSeconds(5));
            HttpClient probeClient = HttpClients.create("driver-probe", 2, Duration.ofSeconds(5));
            OpenLoop load = new OpenLoop(loadClient, plan.maxInFlight(), log::add);
            OpenLoop probes = new OpenLoop(probeClient, 4_000, log::add);

            long start = System.nanoTime() + Duration.ofMillis(500).toNanos();
            Instant startInstant = Instant.now().plusNanos(start - System.nanoTime());
            long end = start + plan.total().toNanos();
            startStreams(load, probes, start, end);
            Schedule schedule = followSchedule(start, end);
            load.awaitDrained(plan.clientTimeout().plusSeconds(5));
            probes.awaitDrained(plan.clientTimeout().plusSeconds(5));
            caughtUpAfter = awaitCaughtUp();

            HangTimeline timeline =
                    new HangTimeline(start, startInstant, schedule.hangNanos, schedule.healNanos, schedule.faultMode);
            return report(timeline, schedule.cpuShares, env);
        }

        private void startStreams(OpenLoop load, OpenLoop probes, long start, long end) {
            Duration timeout = plan.clientTimeout();
            load.start(
                    new OpenLoop.Stream(
                            "rates",
                            plan.ratesPerSecond(),
                            true,
                            i -> Requests.postJson(gateway.uri(Gateway.RATES_PATH), Requests.RATES_BODY, timeout)),
                    start,
                    end);
            load.start(
                    new OpenLoop.Stream(
                            "ship",
                            plan.shipsPerSecond(),
                            true,
                            i -> Requests.postJson(
                                    gateway.uri("/orders/" + orderPrefix + i + "/ship"), Requests.SHIP_BODY, timeout)),
                    start,
                    end);
            probes.start(
                    new OpenLoop.Stream(
                            "live",
                            plan.probesPerSecond(),
                            false,
                            i -> Requests.get(gateway.uri("/health/live"), timeout)),
                    start,
                    end);
            probes.start(
                    new OpenLoop.Stream(
                            "monitoring",
                            plan.probesPerSecond(),
                            false,
                            i -> Requests.get(gateway.uri(Gateway.MONITORING_PATH), timeout)),
                    start,
                    end);
            probes.start(
                    new OpenLoop.Stream(
                            "breaker",
                            plan.breakerPollsPerSecond(),
                            true,
                            i -> Requests.get(gateway.uri(Gateway.MONITORING_PATH), timeout)),
                    start,
                    end);
            probes.start(
                    new OpenLoop.Stream("metrics", 1, true, i -> Requests.get(gateway.uri("/metrics"), timeout)),
                    start,
                    end);
        }

        /** What the schedule did: when the fault switched, how, and the driver's CPU share per window. */
        private static final class Schedule {
            long hangNanos;
            long healNanos;
            String faultMode = "";
            double[] cpuShares;
        }

        /** Switches the fault at the planned moments and reads the driver's CPU at each window's end. */
        private Schedule followSchedule(long start, long end) {
            Schedule schedule = new Schedule();
            schedule.cpuShares = new double[plan.windows()];
            long hangAt = start + plan.healthy().toNanos();
            long healAt = hangAt + plan.hang().toNanos();
            CpuClock self = CpuClock.self();
            CpuClock.CpuReading previous = self.read();
            boolean hung = false;
            boolean healed = false;
            for (int window = 0; window < plan.windows(); window++) {
                long windowEnd =
                        Math.min(end, start + (window + 1) * plan.window().toNanos());
                if (!hung && hangAt < windowEnd) {
                    sleepUntil(hangAt);
                    schedule.faultMode = startHang();
                    schedule.hangNanos = System.nanoTime();
                    hung = true;
                }
                if (!healed && healAt < windowEnd) {
                    sleepUntil(healAt);
                    sandbox.setFault("aramex", "healthy", 0);
                    schedule.healNanos = System.nanoTime();
                    healed = true;
                }
                sleepUntil(windowEnd);
                CpuClock.CpuReading now = self.read();
                schedule.cpuShares[window] = now.since(previous).share();
                previous = now;
            }
            return schedule;
        }

        /**
         * Waits (up to {@link #CATCH_UP}) until {@code /health/live} answers within a second again: a gateway that fell
         * behind still works through requests its clients gave up on, and the audit trail and order look-ups that
         * follow must not time out behind them.
         *
         * @return how long that took, or empty if it did not happen in time
         */
        private Optional<Duration> awaitCaughtUp() throws InterruptedException {
            long from = System.nanoTime();
            while (System.nanoTime() - from < CATCH_UP.toNanos()) {
                long sent = System.nanoTime();
                Http.Answer live = Http.send(Requests.get(gateway.uri("/health/live"), Duration.ofSeconds(5)));
                if (live.ok()
                        && System.nanoTime() - sent < Duration.ofSeconds(1).toNanos()) {
                    return Optional.of(Duration.ofNanos(System.nanoTime() - from));
                }
                Thread.sleep(500);
            }
            return Optional.empty();
        }

        /** {@code hang} when the sandbox knows it, else {@code slow} with a latency far beyond the timeout. */
        private String startHang() {
            Http.Answer answer = sandbox.setFault("aramex", "hang", 0);
            if (answer.ok()) {
                return "hang";
            }
            Http.Answer slow = sandbox.setFault("aramex", "slow", HANG_LATENCY_MS);
            if (!slow.ok()) {
                throw new IllegalStateException("the sandbox refused the fault: " + slow.body());
            }
            return "slow (" + HANG_LATENCY_MS + " ms; the sandbox has no hang mode)";
        }

        private ScenarioReport report(HangTimeline timeline, double[] cpuShares, Map<String, String> env)
                throws InterruptedException {
            List<Exchange> exchanges = log.all();
            HangAnalysis analysis = new HangAnalysis(plan, timeline);
            List<HangWindow> windows = analysis.windows(
                    exchanges,
                    gauge(HEDGE_DELAY_METRIC, Map.of("carrier", "aramex")),
                    gauge(HELD_ORDERS_METRIC, Map.of()),
                    breakerStates(),
                    cpuShares);
            List<ShipResult> ships = HangAnalysis.ships(exchanges, orderPrefix);
            List<BreakerTransition> transitions = transitions(timeline);
            DoubleShipCheck doubleShips = new DoubleShipLookup(sandbox).check(ships);
            List<TargetCheck> checks = new HangTargets(plan, timeline).check(windows, ships, transitions, doubleShips);
            HangReport report = new HangReport(plan, timeline, env);
            String attempts = "Carrier attempts of the rates: "
                    + AttemptTally.line(AttemptTally.of(log.of("rates")), 6) + ". Of the ships: "
                    + AttemptTally.line(AttemptTally.of(log.of("ship")), 6) + ".";
            String aftermath = attempts + " After the last request: "
                    + caughtUpAfter
                            .map(d -> "the gateway answered `/health/live` within 1 s again " + Units.seconds(d)
                                    + " later.")
                            .orElse("the gateway still did not answer `/health/live` within 1 s "
                                    + Units.seconds(CATCH_UP) + " later.")
                    + " Transitions from " + transitionSource + ".";
            return report.build(windows, aftermath, transitions, checks, heldStatuses(ships), standInStats(ships));
        }

        private List<Sample<Double>> gauge(String metric, Map<String, String> labels) {
            List<Sample<Double>> samples = new ArrayList<>();
            for (Exchange exchange : log.of("metrics")) {
                if (exchange.ok()) {
                    OptionalDouble value = PrometheusText.sum(exchange.bodyText(), metric, labels);
                    if (value.isPresent()) {
                        samples.add(new Sample<>(exchange.endNanos(), value.getAsDouble()));
                    }
                }
            }
            return samples;
        }

        private List<Sample<String>> breakerStates() {
            List<Sample<String>> samples = new ArrayList<>();
            for (Exchange exchange : log.of("breaker")) {
                if (exchange.ok()) {
                    state(exchange.bodyText())
                            .ifPresent(state -> samples.add(new Sample<>(exchange.endNanos(), state)));
                }
            }
            return samples;
        }

        private static Optional<String> state(String monitoringJson) {
            try {
                String state = JSON.readTree(monitoringJson)
                        .path("circuit_breakers")
                        .path("aramex")
                        .path("state")
                        .asText("");
                return state.isEmpty() ? Optional.empty() : Optional.of(state);
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /** The audit trail's transitions of Aramex's breaker; the polled states when it cannot be read. */
        private List<BreakerTransition> transitions(HangTimeline timeline) {
            Http.Answer answer = Http.get(gateway.uri(Gateway.MONITORING_PATH + "/aramex/transitions?limit=1000"));
            if (answer.ok()) {
                try {
                    List<BreakerTransition> transitions = new ArrayList<>();
                    for (JsonNode node : JSON.readTree(answer.body()).path("transitions")) {
                        transitions.add(new BreakerTransition(
                                timeline.sinceStart(
                                        Instant.parse(node.path("occurred_at").asText())),
                                node.path("from").asText(),
                                node.path("to").asText(),
                                node.path("cause").asText("")));
                    }
                    transitions.sort(java.util.Comparator.comparing(BreakerTransition::at));
                    transitionSource = "the gateway's audit trail";
                    return transitions;
                } catch (IOException | RuntimeException e) {
                    // fall back to the polls
                }
            }
            transitionSource = "polling monitoring (the audit trail did not answer)";
            List<BreakerTransition> polled = new ArrayList<>();
            String last = "closed";
            for (Sample<String> sample : breakerStates()) {
                if (!sample.value().equals(last)) {
                    polled.add(new BreakerTransition(
                            timeline.sinceStart(sample.nanos()), last, sample.value(), "(seen by polling)"));
                    last = sample.value();
                }
            }
            return polled;
        }

        /** How the gateway stores the orders it answered 502: status → count. */
        private Map<String, Long> heldStatuses(List<ShipResult> ships) {
            Map<String, Long> statuses = new java.util.TreeMap<>();
            ships.stream()
                    .filter(ship -> ship.outcome() == ShipResult.Outcome.HELD)
                    .forEach(ship -> {
                        Http.Answer answer = Http.get(gateway.uri("/orders/" + ship.orderId() + "/shipment"));
                        String status = "HTTP " + answer.status();
                        if (answer.ok()) {
                            try {
                                status = JSON.readTree(answer.body())
                                        .path("status")
                                        .asText(status);
                            } catch (IOException e) {
                                // keep the HTTP status
                            }
                        }
                        statuses.merge(status, 1L, Long::sum);
                    });
            return statuses;
        }

        /**
         * What the stand-ins counted, set against what the driver was told: a ship whose client gave up (client
         * timeout) may still have been created by the carrier, and the client never learns of it.
         */
        private String standInStats(List<ShipResult> ships) {
            Optional<SandboxControl.Stats> aramex = sandbox.stats("aramex");
            Optional<SandboxControl.Stats> smsa = sandbox.stats("smsa");
            long toldAramex = ships.stream()
                    .filter(ship -> ship.outcome() == ShipResult.Outcome.ARAMEX)
                    .count();
            long held = ships.stream()
                    .filter(ship -> ship.outcome() == ShipResult.Outcome.HELD)
                    .count();
            long toldSmsa = ships.stream()
                    .filter(ship -> ship.outcome() == ShipResult.Outcome.SMSA)
                    .count();
            return "The Aramex stand-in counted "
                    + aramex.map(st -> st.requests() + " requests and " + st.shipmentsCreated() + " shipments created")
                            .orElse("nothing (no statistics)")
                    + " (the driver was told of " + toldAramex + " created by Aramex and " + held + " held); the SMSA"
                    + " stand-in "
                    + smsa.map(st -> st.requests() + " requests and " + st.shipmentsCreated() + " shipments created")
                            .orElse("nothing (no statistics)")
                    + " (the driver was told of " + toldSmsa + ")";
        }

        private static void sleepUntil(long nanos) {
            for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
            }
        }
    }
}
