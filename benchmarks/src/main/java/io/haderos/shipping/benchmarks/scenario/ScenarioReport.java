package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.report.TargetCheck;
import java.util.List;

/**
 * What a scenario found.
 *
 * @param markdown its section's body for {@code docs/benchmarks.md} (tables and notes, without heading or stamp)
 * @param console what to print on the terminal
 * @param checks the targets it checked
 */
public record ScenarioReport(String markdown, String console, List<TargetCheck> checks) {

    public ScenarioReport {
        checks = List.copyOf(checks);
    }
}
