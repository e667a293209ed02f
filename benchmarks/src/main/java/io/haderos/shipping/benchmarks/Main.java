package io.haderos.shipping.benchmarks;

import io.haderos.shipping.benchmarks.driver.HttpClients;
import io.haderos.shipping.benchmarks.report.BenchmarkDoc;
import io.haderos.shipping.benchmarks.report.RunStamp;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import io.haderos.shipping.benchmarks.scenario.Options;
import io.haderos.shipping.benchmarks.scenario.RunContext;
import io.haderos.shipping.benchmarks.scenario.Scenario;
import io.haderos.shipping.benchmarks.scenario.ScenarioReport;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar <scenario|all> [--quick] [--no-doc] [--name=value …]}: runs the
 * named scenario (or every one in turn), prints its tables and target checks, and rewrites its section of
 * {@code docs/benchmarks.md}.
 *
 * <p>Exit code 0 when every checked target passed, 1 when one failed, 2 when a scenario could not run or the command
 * line was wrong.
 */
public final class Main {

    private static final int TARGET_FAILED = 1;
    private static final int CANNOT_RUN = 2;

    private Main() {}

    /** Runs the scenarios named by {@code args}; see the class description. */
    public static void main(String[] args) {
        // Before anything can touch the common ForkJoinPool: HttpClient.sendAsync completes on it.
        int parallelism = HttpClients.ensureCommonPoolParallelism();
        if (args.length == 0 || args[0].equals("help") || Arrays.asList(args).contains("--help")) {
            System.out.println(usage());
            System.exit(args.length == 0 ? CANNOT_RUN : 0);
        }
        int exit;
        try {
            exit = run(args[0], Options.parse(Arrays.asList(args).subList(1, args.length)), parallelism, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + usage());
            exit = CANNOT_RUN;
        }
        System.exit(exit);
    }

    private static int run(String which, Options options, int parallelism, String[] args) {
        List<Scenario> scenarios = Scenarios.select(which);
        Path root = options.string("root").map(Path::of).orElseGet(Main::findRoot);
        Path gatewayJar = options.string("gateway-jar")
                .map(Path::of)
                .orElse(root.resolve("bootstrap/target/shipping-gateway.jar"));
        Path doc = options.string("doc").map(Path::of).orElse(root.resolve("docs/benchmarks.md"));
        boolean writeDoc = !options.flag("no-doc")
                && (!options.quick() || options.string("doc").isPresent());
        RunContext context = new RunContext(root, gatewayJar, ownJar().orElse(null), options);
        String command =
                RunStamp.currentCommand(List.of("-jar", "benchmarks/target/benchmarks.jar", String.join(" ", args)));
        String commit = RunStamp.commit(root);
        System.out.println("driver: common ForkJoinPool parallelism " + parallelism + "; gateway jar " + gatewayJar
                + (writeDoc ? "; results go to " + doc : "; results are not written (quick run or --no-doc)"));
        int exit = 0;
        for (Scenario scenario : scenarios) {
            System.out.println("\n=== " + scenario.name() + ": " + scenario.title() + " ===");
            ScenarioReport report;
            try {
                report = scenario.run(context);
            } catch (Exception e) {
                System.err.println("scenario " + scenario.name() + " could not run: " + e);
                e.printStackTrace();
                exit = Math.max(exit, CANNOT_RUN);
                continue; // its scratch directories (logs) stay for a look
            }
            context.deleteScratch();
            System.out.println(report.console());
            boolean passed = TargetCheck.allPassed(report.checks());
            if (!report.checks().isEmpty()) {
                System.out.println(scenario.name() + ": " + (passed ? "every target met" : "TARGETS MISSED"));
            }
            if (!passed) {
                exit = Math.max(exit, TARGET_FAILED);
            }
            if (writeDoc) {
                write(doc, scenario, report, RunStamp.now(commit, command));
            }
        }
        return exit;
    }

    private static void write(Path doc, Scenario scenario, ScenarioReport report, RunStamp stamp) {
        String section = "## " + scenario.title() + "\n\n" + stamp.markdown() + "\n\n"
                + report.markdown().strip() + "\n";
        try {
            new BenchmarkDoc(doc, Scenarios.INTRODUCTION).write(scenario.name(), section, Scenarios.names());
            System.out.println("wrote the " + scenario.name() + " section of " + doc);
        } catch (java.io.IOException e) {
            System.err.println("could not write " + doc + ": " + e.getMessage());
        }
    }

    /** The nearest directory at or above the working directory that holds {@code benchmarks/pom.xml}. */
    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("benchmarks/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("run from the repository (no benchmarks/pom.xml above "
                + Path.of("").toAbsolutePath() + "), or give --root=DIR");
    }

    /** The jar this class was loaded from, when it was loaded from one. */
    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String usage() {
        return """
                usage: java -jar benchmarks/target/benchmarks.jar <scenario|all> [--quick] [--no-doc] [--name=value ...]

                scenarios: %s, or all (every one in turn)
                  --quick              short durations, for trying the harness (results not written unless --doc=FILE)
                  --no-doc             print only; do not rewrite docs/benchmarks.md
                  --keep               keep the servers' working directories and logs (in the temp directory)
                  --gateway-jar=PATH   default bootstrap/target/shipping-gateway.jar
                  --doc=PATH           default docs/benchmarks.md
                  --root=DIR           the repository (default: found from the working directory)
                each scenario's own options are listed in docs/benchmarks.md
                exit code: 0 every target met, 1 a target missed, 2 could not run""".formatted(String.join(", ", Scenarios.names()));
    }
}
