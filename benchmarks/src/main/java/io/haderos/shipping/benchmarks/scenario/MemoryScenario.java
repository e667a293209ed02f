package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.driver.ClosedLoop;
import io.haderos.shipping.benchmarks.driver.HttpClients;
import io.haderos.shipping.benchmarks.process.Gateway;
import io.haderos.shipping.benchmarks.process.GatewayLaunch;
import io.haderos.shipping.benchmarks.process.Http;
import io.haderos.shipping.benchmarks.process.PrometheusText;
import io.haderos.shipping.benchmarks.report.MarkdownTable;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.report.Units;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resident memory and heap of the gateway (embedded sandbox in the same process, as a user runs it) at start and after
 * 60 s of closed-loop quotes at 64 clients, once per candidate set of JVM options: the JVM's defaults first, then the
 * candidates for a recommended setting. The first candidate after the defaults is the one checked against the target.
 */
public final class MemoryScenario extends Scenario {

    static final long TARGET_RSS = 256L * 1024 * 1024;

    /** The candidates tried unless {@code --candidates="opts;opts;…"} names others (the defaults always come first). */
    static final List<String> CANDIDATES = List.of(
            "-Xmx96m -Xss256k -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
            "-Xmx64m -Xss256k -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=32m",
            "-Xmx128m -XX:+UseSerialGC");

    public MemoryScenario() {
        super("memory", "Memory: RSS and heap after 60 s at 64 clients");
    }

    @Override
    public ScenarioReport run(RunContext context) throws Exception {
        Options options = context.options();
        int clients = options.integer("clients", 64, 64);
        Duration load = options.seconds("duration", Duration.ofSeconds(60), Duration.ofSeconds(5));
        List<GatewayLaunch> candidates = new ArrayList<>();
        candidates.add(java(context, ""));
        Optional<String> given = options.string("candidates");
        if (given.isEmpty()) {
            // the README's run command first: that is the setting the target is about
            candidates.add(context.gatewayLaunch());
        }
        for (String candidate : given.map(text ->
                        Arrays.stream(text.split(";")).map(String::strip).toList())
                .orElse(context.quick() ? List.of() : CANDIDATES)) {
            candidates.add(java(context, candidate));
        }
        List<Row> rows = new ArrayList<>();
        for (GatewayLaunch candidate : candidates) {
            rows.add(measure(context, candidate, clients, load));
            System.out.println("  " + rows.get(rows.size() - 1));
        }
        return report(rows, clients, load);
    }

    /**
     * One candidate's figures.
     *
     * @param label how the gateway was started, and its JVM options
     * @param rssAtStart RSS once ready
     * @param heapAtStart heap used once ready (from {@code /metrics})
     * @param rssAfter RSS at the end of the load
     * @param peakRss the largest RSS sampled (every second) during the load
     * @param heapAfter heap used at the end of the load
     * @param perSecond quotes per second during the load
     * @param errors failed quotes
     * @param driverCpuShare the load driver's own share of the machine's CPU during the load
     * @param note what went wrong, or {@code ""}
     */
    record Row(
            String label,
            OptionalLong rssAtStart,
            OptionalDouble heapAtStart,
            OptionalLong rssAfter,
            long peakRss,
            OptionalDouble heapAfter,
            double perSecond,
            long errors,
            double driverCpuShare,
            String note) {

        boolean withinTarget() {
            return rssAfter.isPresent() && rssAfter.getAsLong() <= TARGET_RSS && note.isEmpty();
        }

        @Override
        public String toString() {
            return label + ": RSS " + bytes(rssAtStart) + " → " + bytes(rssAfter) + ", " + Units.number(perSecond, 0)
                    + " quotes/s" + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    /** {@code java <options> -jar} ({@code ""}: the JVM's defaults). */
    private static GatewayLaunch java(RunContext context, String options) {
        return GatewayLaunch.java(
                context.root(),
                context.gatewayJar(),
                options.isBlank() ? List.of() : List.of(options.strip().split("\\s+")));
    }

    private static Row measure(RunContext context, GatewayLaunch launch, int clients, Duration load) throws Exception {
        try (Gateway gateway = Gateway.start(launch, context.scratch("memory"), Map.of())) {
            gateway.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(1000); // let start-up's garbage settle a moment, as an idle gateway would
            OptionalLong rssAtStart = gateway.jvm().rssBytes();
            OptionalDouble heapAtStart = heap(gateway);
            AtomicLong peak = new AtomicLong(rssAtStart.orElse(0));
            Thread sampler = sampler(gateway, peak);
            HttpClient client = HttpClients.create("driver-load", 4, Duration.ofSeconds(5));
            ClosedLoop.Result result = new ClosedLoop(
                            client,
                            () -> Requests.postJson(
                                    gateway.uri(Gateway.RATES_PATH), Requests.RATES_BODY, Duration.ofSeconds(30)))
                    .run(clients, Duration.ZERO, load, ClosedLoop.Phases.NONE);
            sampler.interrupt();
            String note = gateway.jvm().isAlive()
                    ? ""
                    : "the gateway exited: " + lastLine(gateway.jvm().logTail(400));
            return new Row(
                    label(launch),
                    rssAtStart,
                    heapAtStart,
                    gateway.jvm().rssBytes(),
                    peak.get(),
                    heap(gateway),
                    result.okPerSecond(),
                    result.errors(),
                    result.driverCpu().share(),
                    note);
        }
    }

    private static Thread sampler(Gateway gateway, AtomicLong peak) {
        return Repeating.start("rss-sampler", Duration.ofSeconds(1), () -> {
            gateway.jvm().rssBytes().ifPresent(rss -> peak.accumulateAndGet(rss, Math::max));
            return false;
        });
    }

    /** Heap used, summed over the heap pools of {@code jvm_memory_used_bytes}. */
    private static OptionalDouble heap(Gateway gateway) {
        Http.Answer metrics = Http.get(gateway.uri("/metrics"));
        return metrics.ok()
                ? PrometheusText.sum(metrics.body(), "jvm_memory_used_bytes", Map.of("area", "heap"))
                : OptionalDouble.empty();
    }

    private static ScenarioReport report(List<Row> rows, int clients, Duration load) {
        MarkdownTable table = new MarkdownTable(
                "JVM options",
                "RSS at start",
                "heap at start",
                "RSS after",
                "peak RSS",
                "heap after",
                "quotes/s",
                "errors",
                "driver CPU share",
                "RSS ≤ 256 MB");
        for (Row row : rows) {
            table.row(
                    row.label(),
                    bytes(row.rssAtStart()),
                    bytes(row.heapAtStart()),
                    bytes(row.rssAfter()),
                    Units.megabytes(row.peakRss()),
                    bytes(row.heapAfter()),
                    Units.number(row.perSecond(), 0),
                    row.errors() + (row.note().isEmpty() ? "" : "; " + row.note()),
                    Units.percent(row.driverCpuShare()),
                    row.withinTarget() ? "yes" : "no");
        }
        List<TargetCheck> checks = new ArrayList<>();
        if (rows.size() > 1) {
            Row recommended = rows.get(1);
            checks.add(new TargetCheck(
                    "RSS ≤ 256 MB after " + load.toSeconds() + " s at " + clients + " clients with the recommended"
                            + " settings, " + recommended.label(),
                    recommended.withinTarget(),
                    bytes(recommended.rssAfter()) + (recommended.note().isEmpty() ? "" : "; " + recommended.note())));
        }
        String setup = "The gateway with its embedded sandbox in the same process (as a user runs it), fresh `./data`,"
                + " once per set of JVM options: `java -jar` on the JVM's defaults, the README's run command"
                + " (`./gateway`: its options and its class-data archive), then other candidates with `java <options>"
                + " -jar`. RSS is `VmRSS` of `/proc/<pid>/status`; heap is the sum of"
                + " `jvm_memory_used_bytes{area=\"heap\"}` from `/metrics`. At start: 1 s after `/health/ready`"
                + " answered; after: at the end of " + load.toSeconds() + " s of closed-loop quotes at " + clients
                + " clients; peak: sampled every second. The set after the JVM's defaults (the run command's, unless"
                + " `--candidates` names others) is the one checked against the target.";
        return ScenarioReport.of(checks, setup, table);
    }

    private static String label(GatewayLaunch launch) throws java.io.IOException {
        String options = String.join(" ", launch.jvmOptions());
        if (launch.viaLauncher()) {
            return "`" + launch.describe() + "` (`" + options + "`)";
        }
        return options.isBlank() ? "(JVM defaults)" : "`" + options + "`";
    }

    private static String bytes(OptionalLong bytes) {
        return bytes.isPresent() ? Units.megabytes(bytes.getAsLong()) : "n/a";
    }

    private static String bytes(OptionalDouble bytes) {
        return bytes.isPresent() ? Units.megabytes(Math.round(bytes.getAsDouble())) : "n/a";
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
