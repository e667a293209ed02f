package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.driver.ClosedLoop;
import io.haderos.shipping.benchmarks.driver.HttpClients;
import io.haderos.shipping.benchmarks.process.BareServerProcess;
import io.haderos.shipping.benchmarks.process.ChildJvm;
import io.haderos.shipping.benchmarks.process.Gateway;
import io.haderos.shipping.benchmarks.process.GatewayLaunch;
import io.haderos.shipping.benchmarks.process.SandboxProcess;
import io.haderos.shipping.benchmarks.report.MarkdownTable;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.report.Units;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The same rate quote, in one run, against (a) the Aramex stand-in directly, (b) a bare Jersey + Grizzly endpoint that
 * makes the same loopback call, (c) the gateway; at 1, 16 and 64 closed-loop clients. Each server runs in its own JVM;
 * one sandbox process plays Aramex for (b) and (c), so that each server's CPU per request is its own.
 */
public final class LoadScenario extends Scenario {

    static final String STAND_IN = "stand-in";
    static final String BARE = "bare";
    static final String GATEWAY = "gateway";
    static final double MAX_CPU_RATIO = 1.4;
    static final double MIN_THROUGHPUT_RATIO = 0.7;

    public LoadScenario() {
        super("load", "Load: the stand-in, a bare Jersey endpoint and the gateway side by side");
    }

    @Override
    public ScenarioReport run(RunContext context) throws Exception {
        Options options = context.options();
        Duration warmUp = options.seconds("warm-up", Duration.ofSeconds(10), Duration.ofSeconds(2));
        Duration settle = options.seconds("settle", Duration.ofSeconds(3), Duration.ofSeconds(1));
        Duration measure = options.seconds("measure", Duration.ofSeconds(20), Duration.ofSeconds(3));
        List<Integer> levels = levels(options.string("clients").orElse("1,16,64"));
        String classPath = context.benchmarksJar() != null
                ? context.benchmarksJar().toString()
                : System.getProperty("java.class.path");
        GatewayLaunch launch = context.gatewayLaunch();
        List<String> jvmOptions = launch.jvmOptions();
        HttpClient client = HttpClients.create("driver-load", 4, Duration.ofSeconds(5));
        try (SandboxProcess sandbox =
                        SandboxProcess.start(context.gatewayJar(), context.scratch("sandbox"), List.of());
                BareServerProcess bare = BareServerProcess.start(
                        classPath, jvmOptions, context.scratch("bare"), sandbox.aramexBaseUrl());
                Gateway gateway = Gateway.startAgainst(launch, context.scratch("gateway"), sandbox)) {
            gateway.awaitReady(Duration.ofSeconds(60));
            Map<String, Target> targets = new LinkedHashMap<>();
            targets.put(
                    STAND_IN,
                    new Target(
                            sandbox.aramexBaseUrl().resolve(Requests.ARAMEX_CALCULATE_RATE_PATH),
                            Requests.ARAMEX_CALCULATE_RATE_BODY,
                            Map.of(STAND_IN, sandbox.jvm())));
            targets.put(
                    BARE,
                    new Target(
                            bare.ratesUri(), Requests.RATES_BODY, Map.of(BARE, bare.jvm(), STAND_IN, sandbox.jvm())));
            targets.put(
                    GATEWAY,
                    new Target(
                            gateway.uri(Gateway.RATES_PATH),
                            Requests.RATES_BODY,
                            Map.of(GATEWAY, gateway.jvm(), STAND_IN, sandbox.jvm())));
            List<LoadPoint> points = new ArrayList<>();
            for (Map.Entry<String, Target> target : targets.entrySet()) {
                Supplier<HttpRequest> request = target.getValue().request();
                System.out.println("warming up " + target.getKey());
                LoadPoint.measure(target.getKey(), client, request, 16, Duration.ZERO, warmUp, Map.of());
                for (int clients : levels) {
                    LoadPoint point = LoadPoint.measure(
                            target.getKey(),
                            client,
                            request,
                            clients,
                            settle,
                            measure,
                            target.getValue().servers());
                    System.out.println("  " + target.getKey() + " at " + clients + " clients: "
                            + Units.number(point.result().okPerSecond(), 0) + "/s");
                    points.add(point);
                }
            }
            Duration idle = options.seconds("idle", Duration.ofSeconds(5), Duration.ofSeconds(1));
            Map<String, ChildJvm> servers = Map.of(STAND_IN, sandbox.jvm(), BARE, bare.jvm(), GATEWAY, gateway.jvm());
            return new LoadReport(levels, warmUp, settle, measure, launch, jvmOptions)
                    .build(points, idleCpu(servers, idle));
        }
    }

    /**
     * Each server's CPU while nothing is sent to it, after the loads: background work (timers, pollers, the JIT) that
     * the CPU per request of a slow server carries too.
     */
    private static String idleCpu(Map<String, ChildJvm> servers, Duration idle) throws InterruptedException {
        Map<String, io.haderos.shipping.benchmarks.driver.CpuClock.CpuReading> before = new LinkedHashMap<>();
        for (String name : List.of(STAND_IN, BARE, GATEWAY)) {
            before.put(name, servers.get(name).cpu().read());
        }
        Thread.sleep(idle.toMillis());
        List<String> parts = new ArrayList<>();
        before.forEach((name, reading) -> {
            io.haderos.shipping.benchmarks.driver.CpuUsage usage =
                    servers.get(name).cpu().read().since(reading);
            double millisPerSecond = usage.cpu().toNanos() / 1e6 / (usage.wall().toNanos() / 1e9);
            parts.add(name + " " + Units.number(millisPerSecond, 1) + " ms/s");
        });
        return "Idle CPU after the loads, over " + Units.seconds(idle) + ": " + String.join(", ", parts)
                + " (CPU time per second of wall time; part of each CPU per request above, and weighs more the fewer"
                + " requests a server serves).";
    }

    /** Where to send the quote, and whose CPU to read. */
    private record Target(URI uri, String body, Map<String, ChildJvm> servers) {

        Supplier<HttpRequest> request() {
            return () -> Requests.postJson(uri, body, Duration.ofSeconds(30));
        }
    }

    private static List<Integer> levels(String text) {
        return java.util.Arrays.stream(text.split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
    }

    /** The tables of the load scenario. */
    static final class LoadReport {

        private final List<Integer> levels;
        private final String setup;

        LoadReport(
                List<Integer> levels,
                Duration warmUp,
                Duration settle,
                Duration measure,
                GatewayLaunch launch,
                List<String> jvmOptions) {
            this.levels = levels;
            this.setup = "Closed loop at " + levels + " clients; each server warmed up with 16 clients for "
                    + Units.seconds(warmUp) + ", then per level " + Units.seconds(settle) + " settling and "
                    + Units.seconds(measure) + " measured. (a) *stand-in*: the sandbox's Aramex stand-in, alone in"
                    + " its JVM, sent the CalculateRate body the gateway sends; (b) *bare*: a Jersey + Grizzly +"
                    + " Jackson endpoint (the gateway's versions) that reads the rates request, sends that CalculateRate"
                    + " call with `HttpClient.sendAsync` and resumes an `AsyncResponse` with the stand-in's body;"
                    + " (c) *gateway*: `" + launch.describe() + "` with its sandbox off, configured with the stand-ins'"
                    + " URLs and accounts. (b) and (c) run with the same JVM options, `" + String.join(" ", jvmOptions)
                    + "`" + (launch.viaLauncher() ? " (the launcher's)" : "") + ", so that their ratio compares code,"
                    + " not settings; the stand-in runs on the JVM's defaults."
                    + " (b) and (c) call the stand-in of (a). Server CPU per request is read from each process's own"
                    + " counters over the measured period.";
        }

        ScenarioReport build(List<LoadPoint> points, String idle) {
            MarkdownTable table = new MarkdownTable(
                    "target",
                    "clients",
                    "req/s",
                    "p50",
                    "p99",
                    "errors",
                    "server CPU / req",
                    "stand-in CPU / req",
                    "driver CPU share");
            for (LoadPoint point : points) {
                ClosedLoop.Result r = point.result();
                boolean standIn = point.target().equals(STAND_IN);
                table.row(
                        point.target(),
                        r.clients(),
                        Units.number(r.okPerSecond(), 0),
                        Units.millis(r.latency().p50()),
                        Units.millis(r.latency().p99()),
                        r.errors() + (r.firstError().isEmpty() ? "" : " (" + r.firstError() + ")"),
                        micros(point.cpuMicrosPerRequest(point.target())),
                        standIn ? "(is the server)" : micros(point.cpuMicrosPerRequest(STAND_IN)),
                        Units.percent(r.driverCpu().share()));
            }
            MarkdownTable ratios = new MarkdownTable(
                    "clients",
                    "throughput gateway / bare",
                    "server CPU per req gateway / bare",
                    "p50 gateway / bare",
                    "p99 gateway / bare");
            List<TargetCheck> checks = new ArrayList<>();
            for (int clients : levels) {
                LoadPoint bare = find(points, BARE, clients);
                LoadPoint gateway = find(points, GATEWAY, clients);
                double throughput =
                        gateway.result().okPerSecond() / bare.result().okPerSecond();
                double cpu = gateway.cpuMicrosPerRequest(GATEWAY) / bare.cpuMicrosPerRequest(BARE);
                ratios.row(
                        clients,
                        Units.number(throughput, 2),
                        Units.number(cpu, 2),
                        Units.number(
                                (double) gateway.result().latency().p50()
                                        / bare.result().latency().p50(),
                                2),
                        Units.number(
                                (double) gateway.result().latency().p99()
                                        / bare.result().latency().p99(),
                                2));
                if (clients == 16) {
                    checks.add(new TargetCheck(
                            "gateway server CPU per quote ≤ 1.4 × the bare endpoint's (16 clients)",
                            cpu <= MAX_CPU_RATIO,
                            Units.number(cpu, 2) + " ×"));
                    checks.add(new TargetCheck(
                            "gateway throughput ≥ 70 % of the bare endpoint's (16 clients)",
                            throughput >= MIN_THROUGHPUT_RATIO, Units.percent(throughput)));
                }
            }
            return ScenarioReport.of(checks, setup, table, idle, ratios);
        }

        private static LoadPoint find(List<LoadPoint> points, String target, int clients) {
            return points.stream()
                    .filter(p -> p.target().equals(target) && p.result().clients() == clients)
                    .findFirst()
                    .orElseThrow();
        }

        private static String micros(double value) {
            return Double.isNaN(value) ? "n/a" : Units.number(value, 0) + " µs";
        }
    }
}
