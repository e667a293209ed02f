package io.haderos.shipping.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations files kept in the repository's {@code ops/} folder, and the PromQL expressions in them: the alert
 * rules' {@code expr} and the Grafana dashboard's queries with its variables replaced.
 */
final class OpsFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the dashboard's variables stand for when an expression is checked: the scrape job the rules and the
     * guide name, and "every value" for the multi-value regex variables (Grafana's {@code allValue}).
     */
    static final Map<String, String> DASHBOARD_VARIABLES = Map.of(
            "job", "shipping-gateway",
            "instance", ".*",
            "carrier", ".*",
            "__rate_interval", "1m",
            "__interval", "15s",
            "__range", "1h");

    /** {@code $name}, {@code ${name}} or {@code [[name]]}; {@code $1} (a label_replace group) is not a variable. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}|\\$([A-Za-z_][A-Za-z0-9_]*)|\\[\\[([A-Za-z_][A-Za-z0-9_]*)]]");

    private static final Pattern EXPR = Pattern.compile("^(\\s*)expr:\\s*(.*)$");
    private static final Pattern ALERT = Pattern.compile("^\\s*- alert:\\s*(\\S+)\\s*$");

    private OpsFiles() {}

    /** The repository's root: the first folder up from the working directory that holds {@code ops/}. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ops").resolve("prometheus"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no ops/prometheus folder above " + Path.of("").toAbsolutePath());
    }

    static Path alertRules() {
        return root().resolve("ops/prometheus/alerts.yml");
    }

    static Path alertRuleTests() {
        return root().resolve("ops/prometheus/alerts.test.yml");
    }

    static Path dashboard() {
        return root().resolve("ops/grafana/gateway.json");
    }

    /** One PromQL expression and where it comes from (an alert's name, a panel's title and query). */
    record Expression(String origin, String promql) {}

    /** The names of the alerts in the rules file, in order. */
    static List<String> alertNames() {
        List<String> names = new ArrayList<>();
        for (String line : lines(alertRules())) {
            Matcher alert = ALERT.matcher(line);
            if (alert.matches()) {
                names.add(alert.group(1));
            }
        }
        return names;
    }

    /**
     * Every alert rule's {@code expr}, read line by line: an inline value, or a block scalar ({@code |}, {@code >})
     * made of the lines indented deeper than the key. The rules file is written in that style; the count is checked
     * against the alerts so that a rule written otherwise cannot slip past.
     */
    static List<Expression> alertExpressions() {
        List<String> lines = lines(alertRules());
        List<String> names = alertNames();
        List<Expression> expressions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher expr = EXPR.matcher(lines.get(i));
            if (!expr.matches()) {
                continue;
            }
            int indent = expr.group(1).length();
            String value = expr.group(2).strip();
            String promql;
            if (value.startsWith("|") || value.startsWith(">")) {
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indentOf(lines.get(i + 1)) > indent)) {
                    block.append(lines.get(++i).strip()).append('\n');
                }
                promql = block.toString().strip();
            } else {
                promql = value;
            }
            String origin = expressions.size() < names.size() ? names.get(expressions.size()) : "rule?";
            expressions.add(new Expression("alert " + origin, promql));
        }
        assertThat(expressions).as("one expr per alert in %s", alertRules()).hasSameSizeAs(names);
        return expressions;
    }

    static JsonNode dashboardJson() {
        try {
            return JSON.readTree(dashboard().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel of the dashboard, rows' nested panels included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        collectPanels(dashboard.path("panels"), panels);
        return panels;
    }

    private static void collectPanels(JsonNode list, List<JsonNode> into) {
        for (JsonNode panel : list) {
            into.add(panel);
            collectPanels(panel.path("panels"), into);
        }
    }

    /** Every panel query of the dashboard, its variables replaced by {@link #DASHBOARD_VARIABLES}. */
    static List<Expression> dashboardExpressions() {
        List<Expression> expressions = new ArrayList<>();
        for (JsonNode panel : panels(dashboardJson())) {
            for (JsonNode target : panel.path("targets")) {
                String origin = "panel " + panel.path("id").asInt() + " \""
                        + panel.path("title").asText() + "\" query "
                        + target.path("refId").asText();
                expressions.add(
                        new Expression(origin, substitute(target.path("expr").asText())));
            }
        }
        return expressions;
    }

    /**
     * The selector inside each {@code label_values(selector, label)} variable query, with the label it lists, as
     * {@code selector} and {@code label}.
     */
    static List<VariableQuery> dashboardVariableQueries() {
        List<VariableQuery> queries = new ArrayList<>();
        Pattern labelValues = Pattern.compile("^label_values\\((.*),\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)$");
        for (JsonNode variable : dashboardJson().path("templating").path("list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asText() : query.asText();
            Matcher matcher = labelValues.matcher(text.strip());
            assertThat(matcher.matches())
                    .as("variable %s: a label_values(selector, label) query, got %s", variable.path("name"), text)
                    .isTrue();
            queries.add(
                    new VariableQuery(variable.path("name").asText(), substitute(matcher.group(1)), matcher.group(2)));
        }
        return queries;
    }

    /** A query variable: {@code label_values(selector, label)}. */
    record VariableQuery(String variable, String selector, String label) {}

    /** {@code promql} with every dashboard variable replaced; an unknown variable fails the test. */
    static String substitute(String promql) {
        Matcher matcher = VARIABLE.matcher(promql);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null
                    ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            String value = DASHBOARD_VARIABLES.get(name);
            assertThat(value)
                    .as("the dashboard uses the variable $%s, which the checks do not know: %s", name, promql)
                    .isNotNull();
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** A rules file with each expression as a recording rule, so that {@code promtool check rules} parses it. */
    static String asRecordingRules(List<Expression> expressions) {
        StringBuilder rules = new StringBuilder("groups:\n  - name: expressions-under-test\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            Expression expression = expressions.get(i);
            try {
                rules.append("      # ")
                        .append(expression.origin().replace('\n', ' '))
                        .append('\n')
                        .append("      - record: expression:")
                        .append(i + 1)
                        .append('\n')
                        .append("        expr: ")
                        // A JSON string is a valid YAML double-quoted scalar.
                        .append(JSON.writeValueAsString(expression.promql()))
                        .append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rules.toString();
    }

    /** Which query each recording rule of {@link #asRecordingRules} holds, one line each, for failure messages. */
    static String legend(List<Expression> expressions) {
        StringBuilder legend = new StringBuilder("where:\n");
        for (int i = 0; i < expressions.size(); i++) {
            legend.append("  expression:")
                    .append(i + 1)
                    .append(" = ")
                    .append(expressions.get(i).origin())
                    .append('\n');
        }
        return legend.toString();
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
