package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.driver.CpuClock;
import io.haderos.shipping.benchmarks.driver.CpuUsage;
import io.haderos.shipping.benchmarks.process.Gateway;
import io.haderos.shipping.benchmarks.process.GatewayLaunch;
import io.haderos.shipping.benchmarks.process.Http;
import io.haderos.shipping.benchmarks.report.MarkdownTable;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.report.Units;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * From the launch of the README's run command ({@code ./gateway}) to the first 200 of {@code /health/ready} and to the
 * first successful quote, on a first start (no {@code ./data}) and on a restart (the same {@code ./data}, after a
 * graceful stop); median of 5 each, with min and max; with the launcher's class-data archive and without it
 * ({@code GATEWAY_CDS=off}), the runs of both interleaved. The archive is primed once beforehand as a user's first run
 * after a build primes it: a first start, a quote, a stop. Two pollers (every 10 ms) ask for readiness and for a quote
 * from the moment the process is launched.
 */
public final class StartupScenario extends Scenario {

    static final Duration RESTART_TARGET = Duration.ofMillis(1500);
    static final Duration FIRST_START_TARGET = Duration.ofMillis(2000);

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    public StartupScenario() {
        super("startup", "Start-up: to ready and to the first quote");
    }

    @Override
    public ScenarioReport run(RunContext context) throws Exception {
        int runs = context.options().integer("runs", 5, 2);
        GatewayLaunch launch = context.gatewayLaunch();
        List<GatewayLaunch> variants = launch.viaLauncher() ? List.of(launch, launch.withCds(false)) : List.of(launch);
        if (launch.viaLauncher()) {
            prime(context, launch);
        }
        Map<GatewayLaunch, List<Start>> first = new LinkedHashMap<>();
        Map<GatewayLaunch, List<Start>> restart = new LinkedHashMap<>();
        CpuClock.CpuReading driverBefore = CpuClock.self().read();
        for (int i = 0; i < runs; i++) {
            for (GatewayLaunch variant : variants) {
                Path dir = context.scratch("startup");
                Start firstStart = start(variant, dir);
                Start restarted = start(variant, dir);
                first.computeIfAbsent(variant, v -> new ArrayList<>()).add(firstStart);
                restart.computeIfAbsent(variant, v -> new ArrayList<>()).add(restarted);
                System.out.println("  run " + (i + 1) + ", " + variant.describe() + ": first start " + firstStart
                        + "; restart " + restarted);
            }
        }
        CpuUsage driver = CpuClock.self().read().since(driverBefore);
        return report(launch, first, restart, driver);
    }

    /**
     * Writes the launcher's class-data archive afresh, as the first run after a build does: a first start that serves
     * a quote, then a graceful stop. An archive left by another run (a gateway without its sandbox, say) would hold
     * other classes than a user's first run does.
     */
    private static void prime(RunContext context, GatewayLaunch launch) throws Exception {
        Files.deleteIfExists(launch.archive());
        Start priming = start(launch, context.scratch("startup-cds"));
        if (!launch.archiveIsCurrent()) {
            throw new IllegalStateException("the launcher wrote no class-data archive at " + launch.archive());
        }
        System.out.println("  primed " + launch.archive() + " (" + Units.megabytes(Files.size(launch.archive()))
                + ") with a first start: " + priming);
    }

    /**
     * One start: when the gateway was ready and when it first quoted, after launch.
     *
     * @param ready to the first 200 of {@code /health/ready}
     * @param firstQuote to the first 200 of a rates request
     */
    record Start(Duration ready, Duration firstQuote) {

        @Override
        public String toString() {
            return "ready " + Units.seconds(ready) + ", first quote " + Units.seconds(firstQuote);
        }
    }

    /**
     * Median, min and max of some durations.
     *
     * @param median the middle value (the lower middle for an even count)
     */
    record Spread(Duration median, Duration min, Duration max) {

        static Spread of(List<Duration> values) {
            Duration[] sorted = values.stream().sorted().toArray(Duration[]::new);
            return new Spread(sorted[(sorted.length - 1) / 2], sorted[0], sorted[sorted.length - 1]);
        }

        String text() {
            return Units.seconds(median) + " (" + Units.seconds(min) + "–" + Units.seconds(max) + ")";
        }
    }

    private static Start start(GatewayLaunch launch, Path dir) throws Exception {
        try (Gateway gateway = Gateway.start(launch, dir, Map.of())) {
            long launched = gateway.jvm().launchedNanos();
            AtomicLong ready = new AtomicLong();
            AtomicLong quote = new AtomicLong();
            Thread readyPoller =
                    poller(ready, launched, () -> Requests.get(gateway.uri("/health/ready"), POLL.multipliedBy(100)));
            Thread quotePoller = poller(
                    quote,
                    launched,
                    () -> Requests.postJson(
                            gateway.uri(Gateway.RATES_PATH), Requests.RATES_BODY, Duration.ofSeconds(10)));
            readyPoller.join(PATIENCE.toMillis());
            quotePoller.join(PATIENCE.toMillis());
            readyPoller.interrupt();
            quotePoller.interrupt();
            if (ready.get() == 0 || quote.get() == 0) {
                throw new IllegalStateException("the gateway did not start within " + PATIENCE + ":\n"
                        + gateway.jvm().logTail(3000));
            }
            return new Start(Duration.ofNanos(ready.get()), Duration.ofNanos(quote.get()));
        }
    }

    /** A thread that sends {@code request} every 10 ms until it gets a 200, and records when (since launch). */
    private static Thread poller(
            AtomicLong answeredAfter, long launched, java.util.function.Supplier<HttpRequest> request) {
        long deadline = launched + PATIENCE.toNanos();
        return Repeating.start("startup-poller", POLL, () -> {
            if (System.nanoTime() >= deadline) {
                return true;
            }
            if (Http.send(request.get()).status() == 200) {
                answeredAfter.set(System.nanoTime() - launched);
                return true;
            }
            return false;
        });
    }

    private static ScenarioReport report(
            GatewayLaunch launch,
            Map<GatewayLaunch, List<Start>> first,
            Map<GatewayLaunch, List<Start>> restart,
            CpuUsage driver)
            throws IOException {
        MarkdownTable table = new MarkdownTable(
                "command", "start", "to ready: median (min–max)", "to first quote: median (min–max)", "runs");
        for (GatewayLaunch variant : first.keySet()) {
            for (boolean isRestart : List.of(false, true)) {
                List<Start> starts = (isRestart ? restart : first).get(variant);
                table.row(
                        "`" + variant.describe() + "`",
                        isRestart ? "restart (same `./data`)" : "first start (no `./data`)",
                        Spread.of(starts.stream().map(Start::ready).toList()).text(),
                        Spread.of(starts.stream().map(Start::firstQuote).toList())
                                .text(),
                        starts.size());
            }
        }
        Duration restartQuote = Spread.of(
                        restart.get(launch).stream().map(Start::firstQuote).toList())
                .median();
        Duration firstQuote = Spread.of(
                        first.get(launch).stream().map(Start::firstQuote).toList())
                .median();
        String command = "`" + launch.describe() + "`";
        List<TargetCheck> checks = List.of(
                new TargetCheck(
                        "restart: first quote ≤ 1.5 s (median), " + command,
                        restartQuote.compareTo(RESTART_TARGET) <= 0,
                        Units.seconds(restartQuote)),
                new TargetCheck(
                        "first start: first quote ≤ 2.0 s (median), " + command,
                        firstQuote.compareTo(FIRST_START_TARGET) <= 0,
                        Units.seconds(firstQuote)));
        String how = launch.viaLauncher()
                ? "The README's run command, `./gateway` (JVM options `" + String.join(" ", launch.jvmOptions())
                        + "`), with its class-data archive (primed once beforehand by a first start, a quote and a"
                        + " stop, as the first run after a build primes it) and without it (`GATEWAY_CDS=off`), the"
                        + " runs of the two interleaved;"
                : command + ";";
        String setup = how + " on its defaults (embedded sandbox) in a new directory, timed from the launch of the"
                + " process; a first start has no `./data`, a restart reuses the directory after a graceful stop"
                + " (SIGTERM). Two pollers ask every 10 ms for `/health/ready` and for a quote; the driver used "
                + Units.percent(driver.share()) + " of the machine's CPU over the scenario. The targets are checked"
                + " on " + command + ".";
        return ScenarioReport.of(checks, setup, table);
    }
}
