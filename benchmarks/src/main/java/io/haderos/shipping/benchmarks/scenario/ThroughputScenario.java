package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.driver.ClosedLoop;
import io.haderos.shipping.benchmarks.driver.CpuClock;
import io.haderos.shipping.benchmarks.driver.CpuUsage;
import io.haderos.shipping.benchmarks.driver.HttpClients;
import io.haderos.shipping.benchmarks.driver.LatencySummary;
import io.haderos.shipping.benchmarks.process.Gateway;
import io.haderos.shipping.benchmarks.process.GatewayLaunch;
import io.haderos.shipping.benchmarks.report.MarkdownTable;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.report.Units;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rate quotes from 16 closed-loop clients against the gateway on its default embedded sandbox, Aramex healthy:
 * quotes per second (target ≥ 800), p50 and p99, and what the driver itself used. wrk drives the load when it is on the
 * {@code PATH} ({@code --driver=java} forces the Java driver).
 */
public final class ThroughputScenario extends Scenario {

    static final double TARGET_PER_SECOND = 800;

    public ThroughputScenario() {
        super("throughput", "Throughput: rate quotes at 16 clients, Aramex healthy");
    }

    @Override
    public ScenarioReport run(RunContext context) throws Exception {
        Options options = context.options();
        int clients = options.integer("clients", 16, 16);
        Duration warmUp = options.seconds("warm-up", Duration.ofSeconds(10), Duration.ofSeconds(3));
        Duration measure = options.seconds("measure", Duration.ofSeconds(30), Duration.ofSeconds(5));
        Optional<Wrk> wrk = options.string("driver").orElse("auto").equals("java") ? Optional.empty() : Wrk.find();
        Path work = context.scratch("throughput");
        GatewayLaunch launch = context.gatewayLaunch();
        try (Gateway gateway = Gateway.start(launch, work, Map.of())) {
            gateway.awaitReady(Duration.ofSeconds(60));
            Row row = wrk.isPresent()
                    ? withWrk(wrk.get(), gateway, clients, warmUp, measure, work)
                    : withJava(gateway, clients, warmUp, measure);
            return report(row, clients, warmUp, measure, launch);
        }
    }

    /** What one run measured, whichever driver ran it. */
    private record Row(
            String driver,
            double perSecond,
            LatencySummary latency,
            long errors,
            CpuUsage driverCpu,
            double gatewayCpuMicrosPerQuote) {}

    private static Row withJava(Gateway gateway, int clients, Duration warmUp, Duration measure)
            throws InterruptedException {
        HttpClient client = HttpClients.create("driver-load", 4, Duration.ofSeconds(5));
        LoadPoint point = LoadPoint.measure(
                "gateway",
                client,
                () -> Requests.postJson(gateway.uri(Gateway.RATES_PATH), Requests.RATES_BODY, Duration.ofSeconds(30)),
                clients,
                warmUp,
                measure,
                Map.of("gateway", gateway.jvm()));
        ClosedLoop.Result result = point.result();
        return new Row(
                "Java driver (JDK HttpClient)",
                result.okPerSecond(),
                result.latency(),
                result.errors(),
                result.driverCpu(),
                point.cpuMicrosPerRequest("gateway"));
    }

    private static Row withWrk(Wrk wrk, Gateway gateway, int clients, Duration warmUp, Duration measure, Path work)
            throws Exception {
        wrk.run(gateway.uri(Gateway.RATES_PATH), Requests.RATES_BODY, clients, warmUp, work);
        CpuClock.CpuReading before = gateway.jvm().cpu().read();
        Wrk.Result result = wrk.run(gateway.uri(Gateway.RATES_PATH), Requests.RATES_BODY, clients, measure, work);
        CpuUsage gatewayCpu = gateway.jvm().cpu().read().since(before);
        long quotes = Math.round(result.requestsPerSecond() * measure.toNanos() / 1e9);
        return new Row(
                "wrk",
                result.requestsPerSecond(),
                result.latency(),
                result.errors(),
                result.cpu(),
                gatewayCpu.microsPer(quotes));
    }

    private static ScenarioReport report(
            Row row, int clients, Duration warmUp, Duration measure, GatewayLaunch launch) {
        MarkdownTable table = new MarkdownTable(
                "driver", "clients", "quotes/s", "p50", "p99", "errors", "driver CPU share", "gateway CPU per quote");
        table.row(
                row.driver(),
                clients,
                Units.number(row.perSecond(), 0),
                Units.millis(row.latency().p50()),
                Units.millis(row.latency().p99()),
                row.errors(),
                Units.percent(row.driverCpu().share()),
                Units.number(row.gatewayCpuMicrosPerQuote(), 0) + " µs");
        List<TargetCheck> checks = List.of(new TargetCheck(
                "≥ 800 quotes/s at 16 clients",
                row.perSecond() >= TARGET_PER_SECOND && clients >= 16,
                Units.number(row.perSecond(), 0) + " quotes/s"));
        String setup = "Closed loop, " + clients + " clients, each sending its next `POST " + Gateway.RATES_PATH
                + "` (Riyadh → Dubai, 1.5 kg) when the previous one is answered; " + Units.seconds(warmUp)
                + " warm-up, then " + Units.seconds(measure) + " measured. Gateway: `" + launch.describe() + "` on its"
                + " defaults with its embedded sandbox, Aramex healthy, fresh `./data`. Driver: " + row.driver()
                + " (wrk is used when"
                + " it is on the PATH). Gateway CPU per quote is from its own process counters.";
        return ScenarioReport.of(checks, setup, table);
    }
}
