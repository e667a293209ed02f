package io.haderos.shipping.benchmarks.scenario;

/** One benchmark, run by name: it measures, checks its targets and reports. */
public interface Scenario {

    /** The name on the command line and of its section in {@code docs/benchmarks.md}. */
    String name();

    /** The section's heading. */
    String title();

    /** Runs the scenario. */
    ScenarioReport run(RunContext context) throws Exception;
}
