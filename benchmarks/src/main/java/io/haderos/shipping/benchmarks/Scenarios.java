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
            mvn -q -DskipTests package                              # the gateway's jar and benchmarks/target/benchmarks.jar
            java -jar benchmarks/target/benchmarks.jar all          # every scenario in turn (about 25 minutes on 2 cores)
            java -jar benchmarks/target/benchmarks.jar hang         # one scenario by name
            java -jar benchmarks/target/benchmarks.jar load --quick # a short smoke run; prints, writes nothing
            ```

            Each scenario prints its tables, checks its targets and rewrites its own section below (between its
            markers), stamped with the date, commit, machine, JDK and command; the exit code is 1 when a target is
            missed, 2 when a scenario could not run. Run them on a quiet machine: the load driver shares the cores with
            the servers it measures, so the sections report the driver's own CPU share, and server CPU is read from each
            server process's own counters. The driver is the JDK `HttpClient` (HTTP/1.1) with its own threads; it raises
            the common `ForkJoinPool`'s parallelism to 2 before anything uses it, since `sendAsync` completes its futures
            there and a parallelism of 1 (2 cores) means a new thread per response.

            | scenario | what | options (`--name=value`; durations in seconds) |
            |---|---|---|
            | `hang` | the jar on free loopback ports, fresh `./data`; open loop of quotes and ships while Aramex is healthy, hangs, heals | `healthy` 20, `hang` 60, `healed` 60, `window` 5, `rates-per-second` 400, `ships-per-second` 8, `probes-per-second` 10, `breaker-polls-per-second` 4, `aramex-timeout` 10, `recovery-timeout` 20, `slow-rates` 3, `slow-ship` 8, `client-timeout` 30, `max-in-flight` 8000 |
            | `throughput` | 16 closed-loop clients quoting, Aramex healthy; wrk when on the `PATH` | `clients` 16, `warm-up` 10, `measure` 30, `driver=java` |
            | `load` | the stand-in, a bare Jersey endpoint and the gateway (`./gateway`), each in its own JVM, the bare endpoint with the launcher's JVM options | `clients` 1,16,64, `warm-up` 10, `settle` 3, `measure` 20, `idle` 5 |
            | `startup` | `./gateway` from launch to ready and to the first quote, first start and restart, with the class-data archive (primed once first) and without it | `runs` 5, `jvm-options` "…" |
            | `memory` | RSS and heap after 60 s at 64 clients: `./gateway`, then other sets of JVM options | `clients` 64, `duration` 60, `candidates` "opts;opts" |
            | `jmh` | JMH, ns/op and B/op | `forks` 2, `warmup-iterations` 3, `measurement-iterations` 3, `iteration-seconds` 2, `include` REGEX |

            Every scenario also takes `--quick` (short durations, for trying the harness), `--no-doc`, `--keep` (the
            servers' working directories and logs), `--doc=FILE`, `--gateway-jar=FILE` and `--root=DIR`. The gateway
            runs through the README's run command, `./gateway` (its JVM options and its class-data archive), unless
            `--jvm-options="…"` is given or `--gateway-jar` names another jar: then `java <options> -jar`.
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
