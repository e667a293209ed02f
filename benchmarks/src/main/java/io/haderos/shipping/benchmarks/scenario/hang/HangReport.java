package io.haderos.shipping.benchmarks.scenario.hang;

import io.haderos.shipping.benchmarks.driver.LatencySummary;
import io.haderos.shipping.benchmarks.report.MarkdownTable;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.report.Units;
import io.haderos.shipping.benchmarks.scenario.ScenarioReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The hang scenario's tables, for the terminal and for {@code docs/benchmarks.md}. */
final class HangReport {

    private final HangPlan plan;
    private final HangTimeline timeline;
    private final Map<String, String> env;

    HangReport(HangPlan plan, HangTimeline timeline, Map<String, String> env) {
        this.plan = plan;
        this.timeline = timeline;
        this.env = env;
    }

    ScenarioReport build(
            List<HangWindow> windows,
            String aftermath,
            List<BreakerTransition> transitions,
            List<TargetCheck> checks,
            Map<String, Long> heldStatuses,
            String standInStats) {
        MarkdownTable load = loadTable(windows);
        MarkdownTable probes = probeTable(windows);
        MarkdownTable changes = transitionTable(transitions);
        MarkdownTable targets = TargetCheck.table(checks);
        String held = heldStatuses.isEmpty()
                ? "none"
                : heldStatuses.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "));
        String markdown = setup() + "\n\n### Rates and ships per window\n\n" + legend() + "\n\n" + load.markdown()
                + "\n### Probes, monitoring and the breaker per window\n\n" + probes.markdown()
                + "\n### Aramex breaker transitions\n\n" + changes.markdown()
                + "\n" + aftermath + " Held orders as the gateway stores them: "
                + held + ". " + standInStats + ".\n\n### Targets\n\n" + targets.markdown();
        String console = setup() + "\n\n" + load.text() + "\n" + probes.text() + "\n" + changes.text() + "\n"
                + aftermath + "\nheld: " + held + "; " + standInStats + "\n\n" + targets.text();
        return new ScenarioReport(markdown, console, checks);
    }

    private String setup() {
        return String.format(
                Locale.ROOT,
                "Open loop: %s rate quotes/s and %s ships/s (each a new order id), `/health/live` and monitoring %s/s"
                        + " each, breaker state polled %s/s, `/metrics` 1/s. Aramex healthy %s, then hanging %s (fault"
                        + " mode `%s`, switched at %s and healed at %s), then healthy %s. Gateway: the jar on its"
                        + " embedded sandbox, fresh `./data`, %s. Latencies count from each request's intended start;"
                        + " client timeout %s.",
                Units.number(plan.ratesPerSecond(), 0),
                Units.number(plan.shipsPerSecond(), 0),
                Units.number(plan.probesPerSecond(), 0),
                Units.number(plan.breakerPollsPerSecond(), 0),
                Units.seconds(plan.healthy()),
                Units.seconds(plan.hang()),
                timeline.faultMode(),
                Units.seconds(timeline.hangStart()),
                Units.seconds(timeline.heal()),
                Units.seconds(plan.healed()),
                env.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                        .collect(Collectors.joining(", ")),
                Units.seconds(plan.clientTimeout()));
    }

    private String legend() {
        return "Requests are counted in the window of their intended start. *ok*: answered 2xx. *not sent*: due while"
                + " the driver already had its maximum of requests in flight (counted as not completed). *≥ timeout*: took at"
                + " least the Aramex timeout (" + plan.carrierTimeout().toSeconds() + " s). Ships: A = created by"
                + " Aramex, S = by SMSA, H = held (502, outcome unknown), F = failed otherwise or unanswered.";
    }

    private MarkdownTable loadTable(List<HangWindow> windows) {
        MarkdownTable table = new MarkdownTable(
                "t (s)",
                "phase",
                "rates offered",
                "ok",
                "not sent",
                "p50",
                "p99",
                "max",
                "≥ timeout",
                "ships offered",
                "A/S/H/F",
                "ship p50",
                "ship p99",
                "ship max",
                "ship ≥ timeout");
        for (HangWindow w : windows) {
            table.row(
                    w.from().toSeconds() + (w.index() == 0 ? " (warm-up)" : ""),
                    w.phase(),
                    w.rates().offered(),
                    w.rates().ok(),
                    w.rates().notSent(),
                    millis(w.rates().latency(), Part.P50),
                    millis(w.rates().latency(), Part.P99),
                    millis(w.rates().latency(), Part.MAX),
                    w.rates().waitedTimeout(),
                    w.ships().offered(),
                    w.ships(ShipResult.Outcome.ARAMEX) + "/" + w.ships(ShipResult.Outcome.SMSA) + "/"
                            + w.ships(ShipResult.Outcome.HELD) + "/" + w.ships(ShipResult.Outcome.FAILED),
                    millis(w.ships().latency(), Part.P50),
                    millis(w.ships().latency(), Part.P99),
                    millis(w.ships().latency(), Part.MAX),
                    w.ships().waitedTimeout());
        }
        return table;
    }

    private MarkdownTable probeTable(List<HangWindow> windows) {
        MarkdownTable table = new MarkdownTable(
                "t (s)",
                "live p99",
                "live max",
                "monitoring p99",
                "monitoring max",
                "hedge delay",
                "held (gauge)",
                "Aramex breaker",
                "driver CPU");
        for (HangWindow w : windows) {
            table.row(
                    w.from().toSeconds(),
                    millis(w.live().latency(), Part.P99),
                    millis(w.live().latency(), Part.MAX),
                    millis(w.monitoring().latency(), Part.P99),
                    millis(w.monitoring().latency(), Part.MAX),
                    optional(w.hedgeDelaySeconds(), 1000, " ms"),
                    optional(w.heldOrdersGauge(), 1, ""),
                    w.breaker(),
                    Units.percent(w.driverCpuShare()));
        }
        return table;
    }

    private static MarkdownTable transitionTable(List<BreakerTransition> transitions) {
        MarkdownTable table = new MarkdownTable("t (s)", "from", "to", "cause");
        for (BreakerTransition t : transitions) {
            String cause = t.cause().length() > 120 ? t.cause().substring(0, 119) + "…" : t.cause();
            table.row(Units.number(t.at().toMillis() / 1000.0, 2), t.from(), t.to(), cause);
        }
        return table;
    }

    private enum Part {
        P50,
        P99,
        MAX
    }

    private static String millis(LatencySummary latency, Part part) {
        if (latency.isEmpty()) {
            return "–";
        }
        long nanos = switch (part) {
            case P50 -> latency.p50();
            case P99 -> latency.p99();
            case MAX -> latency.max();
        };
        return Units.millis(nanos);
    }

    private static String optional(OptionalDouble value, double scale, String unit) {
        return value.isPresent() ? Units.number(value.getAsDouble() * scale, 0) + unit : "n/a";
    }
}
