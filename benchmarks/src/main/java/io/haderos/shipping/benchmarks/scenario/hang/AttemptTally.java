package io.haderos.shipping.benchmarks.scenario.hang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haderos.shipping.benchmarks.driver.Exchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a stream's requests went, carrier by carrier: each answer's {@code attempts} as a path such as
 * {@code aramex:timeout → smsa:success}, or its status when it lists none, or why no answer came; counted, most
 * frequent first.
 */
final class AttemptTally {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttemptTally() {}

    /** Paths and their counts, most frequent first. */
    static Map<String, Long> of(List<Exchange> exchanges) {
        Map<String, Long> counts =
                exchanges.stream().collect(Collectors.groupingBy(AttemptTally::path, Collectors.counting()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The top {@code limit} paths as one line: {@code 1200 × aramex:success; 30 × HTTP 503}. */
    static String line(Map<String, Long> tally, int limit) {
        List<String> parts = new ArrayList<>();
        tally.entrySet().stream().limit(limit).forEach(e -> parts.add(e.getValue() + " × " + e.getKey()));
        if (tally.size() > limit) {
            parts.add("…");
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    static String path(Exchange exchange) {
        if (!exchange.answered()) {
            return "no answer (" + exchange.failure() + ")";
        }
        List<String> attempts = new ArrayList<>();
        try {
            for (JsonNode attempt : JSON.readTree(exchange.bodyText()).path("attempts")) {
                attempts.add(attempt.path("provider").asText("?") + ":"
                        + attempt.path("outcome").asText("?"));
            }
        } catch (IOException e) {
            // not JSON: the status says enough
        }
        String status = exchange.ok() ? "" : "HTTP " + exchange.status() + (attempts.isEmpty() ? "" : ": ");
        return status + String.join(" → ", attempts);
    }
}
