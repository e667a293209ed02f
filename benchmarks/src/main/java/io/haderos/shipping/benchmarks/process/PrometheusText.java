package io.haderos.shipping.benchmarks.process;

import java.util.Map;
import java.util.OptionalDouble;

/** Reads samples out of a Prometheus text exposition (what {@code GET /metrics} answers). */
public final class PrometheusText {

    private PrometheusText() {}

    /**
     * The sum of every sample of metric {@code name} whose labels include {@code labels} (all of them, same values);
     * empty when there is none.
     */
    public static OptionalDouble sum(String exposition, String name, Map<String, String> labels) {
        double total = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.isEmpty() || line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int brace = line.indexOf('{');
            int closing = line.lastIndexOf('}');
            String metric = brace > 0 ? line.substring(0, brace) : line.split("\\s+")[0];
            if (!metric.equals(name) || (brace > 0 && closing < brace)) {
                continue;
            }
            String labelText = brace > 0 ? line.substring(brace + 1, closing) : "";
            if (!hasLabels(labelText, labels)) {
                continue;
            }
            String rest = brace > 0 ? line.substring(closing + 1) : line.substring(metric.length());
            String[] tokens = rest.strip().split("\\s+");
            try {
                total += Double.parseDouble(tokens[0]);
                found = true;
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return found ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    private static boolean hasLabels(String labelText, Map<String, String> wanted) {
        for (Map.Entry<String, String> label : wanted.entrySet()) {
            if (!("," + labelText.replace(", ", ","))
                    .contains("," + label.getKey() + "=\"" + label.getValue() + "\"")) {
                return false;
            }
        }
        return true;
    }
}
