package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.report.MarkdownTable;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.report.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH benchmarks of the module (the breaker's call against raw resilience4j and a direct call, closed and open, on 1
 * and 2 threads; the fallback decision; the rates JSON mapping), as ns/op and B/op ({@code -prof gc}). Defaults: 2
 * forks, 3 × 2 s warm-up and 3 × 2 s measurement; {@code --forks}, {@code --warmup-iterations},
 * {@code --measurement-iterations}, {@code --iteration-seconds} and {@code --include=REGEX} override them.
 */
public final class JmhScenario extends Scenario {

    static final double MAX_OVERHEAD_NS = 100;
    static final double MAX_ASYNC_OVERHEAD_NS = 1_000;

    private static final String BREAKER = "CircuitBreakerBenchmark";
    private static final String ALL = "io\\.haderos\\.shipping\\..*Benchmark\\..*";

    public JmhScenario() {
        super("jmh", "JMH: the breaker's call, the fallback decision, the rates JSON");
    }

    @Override
    public ScenarioReport run(RunContext context) throws Exception {
        Options options = context.options();
        String include = options.string("include").orElse(ALL);
        Path log = context.scratch("jmh").resolve("jmh.log");
        System.out.println("JMH's own output goes to " + log);
        List<RunResult> results = new ArrayList<>();
        results.addAll(run(options, include, 1, log));
        if (include.equals(ALL) || include.contains(BREAKER)) {
            results.addAll(run(options, ".*" + BREAKER + ".*", 2, log.resolveSibling("jmh-2-threads.log")));
        }
        return report(results, options);
    }

    private static Collection<RunResult> run(Options options, String include, int threads, Path log) throws Exception {
        int iterationSeconds = options.integer("iteration-seconds", 2, 1);
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(include)
                .threads(threads)
                .forks(options.integer("forks", 2, 1))
                .warmupIterations(options.integer("warmup-iterations", 3, 1))
                .warmupTime(TimeValue.seconds(iterationSeconds))
                .measurementIterations(options.integer("measurement-iterations", 3, 2))
                .measurementTime(TimeValue.seconds(iterationSeconds))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(log.toString());
        return new Runner(builder.build()).run();
    }

    private static ScenarioReport report(List<RunResult> results, Options options) {
        results.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
                .thenComparing(r -> r.getParams().getThreads()));
        MarkdownTable table = new MarkdownTable("benchmark", "threads", "ns/op", "± (99.9 %)", "B/op");
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            table.row(
                    shortName(result.getParams().getBenchmark()),
                    result.getParams().getThreads(),
                    Units.number(primary.getScore(), 1),
                    Double.isNaN(primary.getScoreError()) ? "–" : Units.number(primary.getScoreError(), 1),
                    allocation(result).map(b -> Units.number(b, 0)).orElse("n/a"));
        }
        List<TargetCheck> checks = new ArrayList<>();
        overheadChecks(results, "carrierClosed", "rawClosed", "synchronous", MAX_OVERHEAD_NS, 0, checks);
        overheadChecks(
                results, "carrierClosedAsync", "rawClosedAsync", "asynchronous", MAX_ASYNC_OVERHEAD_NS, 200, checks);
        String setup = String.format(
                "JMH 1.37, average time, %d fork(s), %d × %d s warm-up, %d × %d s measurement, `-prof gc` (B/op is"
                        + " `gc.alloc.rate.norm`). Breakers: the gateway's `CarrierCircuitBreaker` (defaults: 3 faults,"
                        + " 120 s, 2 trials), a raw resilience4j `CircuitBreaker` configured the same way (COUNT_BASED"
                        + " window of 3, minimum 3 calls, failure-rate threshold 100, 2 half-open calls, 120 s wait, no"
                        + " automatic transition), and a direct call; shared by the benchmark threads. *Open*: the call"
                        + " is refused. *Async*: the call returns a stage completed by the callee; the raw resilience4j"
                        + " counterpart runs the same stage through `executeCompletionStage`.",
                options.integer("forks", 2, 1),
                options.integer("warmup-iterations", 3, 1),
                options.integer("iteration-seconds", 2, 1),
                options.integer("measurement-iterations", 3, 2),
                options.integer("iteration-seconds", 2, 1));
        return ScenarioReport.of(checks, setup, table);
    }

    /** B/op: JMH 1.37 names it {@code gc.alloc.rate.norm} (older versions put a middle dot before it). */
    private static Optional<Double> allocation(RunResult result) {
        for (String key : List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm")) {
            Result<?> value = result.getSecondaryResults().get(key);
            if (value != null) {
                return Optional.of(value.getScore());
            }
        }
        return Optional.empty();
    }

    /** The target pair for one call path: time over raw resilience4j, and allocation over it. */
    private static void overheadChecks(
            List<RunResult> results,
            String ours,
            String raw,
            String path,
            double maxNanos,
            double maxBytes,
            List<TargetCheck> checks) {
        Optional<RunResult> carrier = find(results, ours, 1);
        Optional<RunResult> baseline = find(results, raw, 1);
        if (carrier.isEmpty() || baseline.isEmpty()) {
            return;
        }
        double overhead = carrier.get().getPrimaryResult().getScore()
                - baseline.get().getPrimaryResult().getScore();
        double extraBytes = allocation(carrier.get()).orElse(Double.NaN)
                - allocation(baseline.get()).orElse(Double.NaN);
        checks.add(new TargetCheck(
                "the breaker's " + path + " call ≤ raw resilience4j + " + Units.number(maxNanos, 0)
                        + " ns (closed, 1 thread)",
                overhead <= maxNanos,
                (overhead >= 0 ? "+" : "") + Units.number(overhead, 1) + " ns"));
        checks.add(new TargetCheck(
                maxBytes == 0
                        ? "… with no more allocation than raw resilience4j"
                        : "… allocating ≤ " + Units.number(maxBytes, 0) + " B/op more than raw resilience4j",
                extraBytes <= maxBytes + 0.5,
                (extraBytes >= 0 ? "+" : "") + Units.number(extraBytes, 0) + " B/op"));
    }

    private static Optional<RunResult> find(List<RunResult> results, String method, int threads) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .filter(r -> r.getParams().getThreads() == threads)
                .findFirst();
    }

    private static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
