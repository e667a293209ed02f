package io.haderos.shipping.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.benchmarks.report.MarkdownTable;
import io.haderos.shipping.benchmarks.report.TargetCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReportTest {

    @Test
    void proseAndTablesInOrderThenTheChecks() {
        MarkdownTable table = new MarkdownTable("a", "b").row(1, 2);
        List<TargetCheck> checks = List.of(new TargetCheck("fast", false, "3 s"));

        ScenarioReport report = ScenarioReport.of(checks, "Setup.", table, "A note.");

        assertThat(report.markdown())
                .isEqualTo("Setup.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\nA note.\n\n"
                        + "| target | result | measured |\n| --- | --- | --- |\n| fast | **FAIL** | 3 s |\n");
        assertThat(report.console())
                .startsWith("Setup.\n\na  b\n1  2\n\nA note.\n\n")
                .contains("FAIL");
        assertThat(report.checks()).isEqualTo(checks);
    }

    @Test
    void noChecksNoChecksTable() {
        assertThat(ScenarioReport.of(List.of(), "Only prose.").markdown()).isEqualTo("Only prose.\n");
    }

    @Test
    void refusesWhatIsNeitherProseNorATable() {
        assertThatThrownBy(() -> ScenarioReport.of(List.of(), 42)).isInstanceOf(IllegalArgumentException.class);
    }
}
