package io.haderos.shipping.benchmarks.scenario;

import io.haderos.shipping.benchmarks.report.MarkdownTable;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import java.util.ArrayList;
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

    /**
     * The usual report: paragraphs of prose and tables in order, then the table of the target checks (none when there
     * are no checks).
     *
     * @param parts each a {@link String} (a paragraph, the same in markdown and on the terminal) or a
     *     {@link MarkdownTable}
     */
    public static ScenarioReport of(List<TargetCheck> checks, Object... parts) {
        List<String> markdown = new ArrayList<>();
        List<String> console = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof MarkdownTable table) {
                markdown.add(table.markdown().stripTrailing());
                console.add(table.text().stripTrailing());
            } else if (part instanceof String text) {
                markdown.add(text.strip());
                console.add(text.strip());
            } else {
                throw new IllegalArgumentException("neither prose nor a table: " + part);
            }
        }
        if (!checks.isEmpty()) {
            markdown.add(TargetCheck.table(checks).markdown().stripTrailing());
            console.add(TargetCheck.table(checks).text().stripTrailing());
        }
        return new ScenarioReport(String.join("\n\n", markdown) + "\n", String.join("\n\n", console) + "\n", checks);
    }
}
