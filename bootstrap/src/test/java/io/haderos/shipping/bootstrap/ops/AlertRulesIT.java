package io.haderos.shipping.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/prometheus/alerts.yml} as Prometheus sees it: {@code promtool check rules} accepts it and {@code promtool
 * test rules} passes every unit test in {@code alerts.test.yml}. Each alert carries a severity, a summary and a
 * description, and is tested both firing and staying silent. The last two tests prove that a broken rule, or a
 * rule that no longer does what its tests say, fails this class with promtool's output.
 */
class AlertRulesIT {

    private static final Pattern ALERTNAME = Pattern.compile("^\\s*alertname:\\s*(\\S+)\\s*$");
    private static final Pattern EXP_ALERTS = Pattern.compile("^\\s*exp_alerts:\\s*(\\S*)\\s*$");

    @Test
    void givenTheAlertRules_whenPromtoolChecksThem_thenTheyAreValid() {
        Promtool.Result result =
                Promtool.onThisMachine().checkRules(OpsFiles.alertRules()).assertPassed();

        assertThat(result.output()).contains("SUCCESS: " + OpsFiles.alertNames().size() + " rules found");
    }

    @Test
    void givenTheAlertRulesAndTheirUnitTests_whenPromtoolRunsThem_thenEveryTestPasses() {
        Promtool.onThisMachine().testRules(OpsFiles.alertRuleTests()).assertPassed();
    }

    @Test
    void everyAlertHasASeverityASummaryAndADescription() throws IOException {
        String rules = Files.readString(OpsFiles.alertRules());
        String[] blocks = rules.split("\n\\s*- alert:");
        assertThat(blocks).hasSize(OpsFiles.alertNames().size() + 1);
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i].split("\n\\s*- name:")[0];
            String name = block.strip().lines().findFirst().orElseThrow();
            assertThat(block)
                    .as("alert %s", name)
                    .containsPattern("\\n\\s+severity: (critical|warning|info)\\n")
                    .containsPattern("\\n\\s+summary: \\S")
                    .containsPattern("\\n\\s+description: \\S");
        }
    }

    @Test
    void everyAlertIsTestedFiringAndSilent() throws IOException {
        Set<String> firing = new LinkedHashSet<>();
        Set<String> silent = new LinkedHashSet<>();
        String current = null;
        for (String line : Files.readAllLines(OpsFiles.alertRuleTests())) {
            Matcher alertname = ALERTNAME.matcher(line);
            if (alertname.matches()) {
                current = alertname.group(1);
            }
            Matcher expected = EXP_ALERTS.matcher(line);
            if (expected.matches() && current != null) {
                (expected.group(1).equals("[]") ? silent : firing).add(current);
            }
        }
        List<String> alerts = OpsFiles.alertNames();

        assertThat(firing).as("alerts with a test where they fire").containsExactlyInAnyOrderElementsOf(alerts);
        assertThat(silent)
                .as("alerts with a test where they must not fire")
                .containsExactlyInAnyOrderElementsOf(alerts);
    }

    @Test
    void givenARuleThatDoesNotParse_whenChecked_thenTheCheckFailsWithPromtoolsMessage(@TempDir Path dir)
            throws IOException {
        Path broken = dir.resolve("alerts.yml");
        Files.writeString(
                broken,
                Files.readString(OpsFiles.alertRules())
                        .replace("expr: up{job=\"shipping-gateway\"} == 0", "expr: up{job=\"shipping-gateway\" == 0"));

        Promtool.Result result = Promtool.onThisMachine().checkRules(broken);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("\"ShippingGatewayDown\": could not parse expression");
        assertThat(failureMessage(result)).contains(result.output());
    }

    @Test
    void givenARuleThatNoLongerDoesWhatItsTestsSay_whenTested_thenTheTestFailsWithPromtoolsDiff(@TempDir Path dir)
            throws IOException {
        // The gateway-down alert waits 10 minutes instead of 2: its test at 5 minutes now finds nothing.
        Files.writeString(
                dir.resolve("alerts.yml"),
                Files.readString(OpsFiles.alertRules())
                        .replaceFirst("(expr: up\\{job=\"shipping-gateway\"} == 0\\n\\s+for: )2m", "$110m"));
        Files.copy(OpsFiles.alertRuleTests(), dir.resolve("alerts.test.yml"));

        Promtool.Result result = Promtool.onThisMachine().testRules(dir.resolve("alerts.test.yml"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("alertname: ShippingGatewayDown, time: 5m");
        assertThat(failureMessage(result)).contains("alertname: ShippingGatewayDown, time: 5m");
    }

    /** The message {@link Promtool.Result#assertPassed()} fails with. */
    private static String failureMessage(Promtool.Result result) {
        List<String> messages = new ArrayList<>();
        try {
            result.assertPassed();
        } catch (AssertionError e) {
            messages.add(e.getMessage());
        }
        assertThat(messages)
                .as("assertPassed() fails on exit code %d", result.exitCode())
                .hasSize(1);
        return messages.get(0);
    }
}
