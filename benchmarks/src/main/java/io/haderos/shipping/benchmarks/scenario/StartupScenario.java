package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.driver.CpuClock;
import io.haderos.shipping.benchmarks.driver.CpuUsage;
import io.haderos.shipping.benchmarks.process.Gateway;
import io.haderos.shipping.benchmarks.process.Http;
import io.haderos.shipping.benchmarks.report.MarkdownTable;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.report.Units;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * From {@code java -jar} to the first 200 of {@code /health/ready} and to the first successful quote, on a first start
 * (no {@code ./data}) and on a restart (the same {@code ./data}, after a graceful stop); median of 5 each, with min and
 * max. Two pollers (every 10 ms) ask for readiness and for a quote from the moment the process is launched.
 */
public final class StartupScenario implements Scenario {

    static final Duration RESTART_TARGET = Duration.ofMillis(1500);
    static final Duration FIRST_START_TARGET = Duration.ofMillis(2000);

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String title() {
        return "Start-up: to ready and to the first quote";
    }

    @Override
    public ScenarioReport run(RunContext context) throws Exception {
        int runs = context.options().integer("runs", 5, 2);
        List<String> jvmOptions = context.gatewayJvmOptions();
        List<Start> first = new ArrayList<>();
        List<Start> restart = new ArrayList<>();
        CpuClock.CpuReading driverBefore = CpuClock.self().read();
        for (int i = 0; i < runs; i++) {
            Path dir = context.scratch("startup");
            first.add(start(context.gatewayJar(), dir, jvmOptions));
            restart.add(start(context.gatewayJar(), dir, jvmOptions));
            System.out.println("  run " + (i + 1) + ": first start " + first.get(i) + "; restart " + restart.get(i));
        }
        CpuUsage driver = CpuClock.self().read().since(driverBefore);
        return report(first, restart, jvmOptions, driver);
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

    private static Start start(Path jar, Path dir, List<String> jvmOptions) throws Exception {
        try (Gateway gateway = Gateway.start(jar, dir, jvmOptions, Map.of())) {
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
        Thread thread = new Thread(
                () -> {
                    long deadline = launched + PATIENCE.toNanos();
                    while (System.nanoTime() < deadline
                            && !Thread.currentThread().isInterrupted()) {
                        if (Http.send(request.get()).status() == 200) {
                            answeredAfter.set(System.nanoTime() - launched);
                            return;
                        }
                        try {
                            Thread.sleep(POLL.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "startup-poller");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static ScenarioReport report(
            List<Start> first, List<Start> restart, List<String> jvmOptions, CpuUsage driver) {
        MarkdownTable table =
                new MarkdownTable("start", "to ready: median (min–max)", "to first quote: median (min–max)", "runs");
        Spread firstReady = Spread.of(first.stream().map(Start::ready).toList());
        Spread firstQuote = Spread.of(first.stream().map(Start::firstQuote).toList());
        Spread restartReady = Spread.of(restart.stream().map(Start::ready).toList());
        Spread restartQuote = Spread.of(restart.stream().map(Start::firstQuote).toList());
        table.row("first start (no `./data`)", firstReady.text(), firstQuote.text(), first.size());
        table.row("restart (same `./data`)", restartReady.text(), restartQuote.text(), restart.size());
        List<TargetCheck> checks = List.of(
                new TargetCheck(
                        "restart: first quote ≤ 1.5 s (median)",
                        restartQuote.median().compareTo(RESTART_TARGET) <= 0,
                        Units.seconds(restartQuote.median())),
                new TargetCheck(
                        "first start: first quote ≤ 2.0 s (median)",
                        firstQuote.median().compareTo(FIRST_START_TARGET) <= 0,
                        Units.seconds(firstQuote.median())));
        String command = "java " + (jvmOptions.isEmpty() ? "" : String.join(" ", jvmOptions) + " ")
                + "-jar shipping-gateway.jar";
        String setup =
                "`" + command + "` on its defaults (embedded sandbox) in a new directory, timed from the launch of"
                        + " the process; a first start has no `./data`, a restart reuses the directory after a graceful stop"
                        + " (SIGTERM). Two pollers ask every 10 ms for `/health/ready` and for a quote; the driver used "
                        + Units.percent(driver.share()) + " of the machine's CPU over the scenario.";
        String markdown = setup + "\n\n" + table.markdown() + "\n"
                + TargetCheck.table(checks).markdown();
        String console =
                setup + "\n\n" + table.text() + "\n" + TargetCheck.table(checks).text();
        return new ScenarioReport(markdown, console, checks);
    }
}
