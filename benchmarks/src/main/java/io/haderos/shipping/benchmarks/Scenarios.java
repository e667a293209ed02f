package io.haderos.shipping.benchmarks;

import io.haderos.shipping.benchmarks.scenario.JmhScenario;
import io.haderos.shipping.benchmarks.scenario.LoadScenario;
import io.haderos.shipping.benchmarks.scenario.MemoryScenario;
import io.haderos.shipping.benchmarks.scenario.Scenario;
import io.haderos.shipping.benchmarks.scenario.StartupScenario;
import io.haderos.shipping.benchmarks.scenario.ThroughputScenario;
import io.haderos.shipping.benchmarks.scenario.hang.HangScenario;
import java.util.List;

/** Every scenario, in the order {@code all} runs them and {@code docs/benchmarks.md} lists them. */
final class Scenarios {

    static final String INTRODUCTION = """
            # Benchmarks

            Figures measured from outside the gateway (HTTP against the runnable jar, as a user runs it) and, for a few
            classes, from inside (JMH). The `benchmarks` module produces them; it is not part of the gateway's jar, and
            `mvn verify` runs only its quick unit tests.

            ```sh
            mvn -q -DskipTests package                              # builds the gateway's jar and benchmarks/target/benchmarks.jar
            java -jar benchmarks/target/benchmarks.jar all          # every scenario in turn (about 25 minutes on 2 cores)
            java -jar benchmarks/target/benchmarks.jar hang         # one scenario by name
            java -jar benchmarks/target/benchmarks.jar load --quick # a short smoke run; prints only
            ```

            Each scenario prints its tables, checks its targets (exit code 1 when one is missed) and rewrites its own
            section below, stamped with the date, commit, machine, JDK and command. Run them on a quiet machine: the
            load driver shares the cores with the gateway, so every section reports the driver's own CPU share.
            """;

    private static final List<Scenario> ALL = List.of(
            new HangScenario(),
            new ThroughputScenario(),
            new LoadScenario(),
            new StartupScenario(),
            new MemoryScenario(),
            new JmhScenario());

    private Scenarios() {}

    /** The names, in order. */
    static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    /**
     * {@code all}, or the scenario called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    static List<Scenario> select(String name) {
        if (name.equals("all")) {
            return ALL;
        }
        return ALL.stream()
                .filter(scenario -> scenario.name().equals(name))
                .findFirst()
                .map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "'"));
    }
}
