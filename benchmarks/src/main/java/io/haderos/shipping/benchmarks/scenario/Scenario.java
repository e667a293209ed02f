package io.haderos.shipping.benchmarks.scenario;

/** One benchmark, run by name: it measures, checks its targets and reports. */
public abstract class Scenario {

    private final String name;
    private final String title;

    /**
     * @param name the name on the command line and of its section in {@code docs/benchmarks.md}
     * @param title the section's heading
     */
    protected Scenario(String name, String title) {
        this.name = name;
        this.title = title;
    }

    /** The name on the command line and of its section in {@code docs/benchmarks.md}. */
    public final String name() {
        return name;
    }

    /** The section's heading. */
    public final String title() {
        return title;
    }

    /** Runs the scenario. */
    public abstract ScenarioReport run(RunContext context) throws Exception;
}
