package io.haderos.shipping.benchmarks.scenario.hang;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.haderos.shipping.benchmarks.driver.Exchange;
import java.io.IOException;

/**
 * One ship request of the run and its outcome.
 *
 * @param orderId the order it shipped
 * @param startNanos when it was meant to start
 * @param endNanos when it was answered (or failed)
 * @param outcome what the gateway answered
 */
public record ShipResult(String orderId, long startNanos, long endNanos, Outcome outcome) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a ship came to. */
    public enum Outcome {
        /** Created by Aramex (2xx, {@code "provider":"aramex"}). */
        ARAMEX,
        /** Created by SMSA. */
        SMSA,
        /** 502: the outcome is unknown and the order is held. */
        HELD,
        /** Anything else: another status, or no answer. */
        FAILED
    }

    /** The outcome of a ship exchange, from its status and its body's top-level {@code provider}. */
    public static Outcome outcomeOf(Exchange exchange) {
        if (exchange.status() == 502) {
            return Outcome.HELD;
        }
        if (!exchange.ok()) {
            return Outcome.FAILED;
        }
        String provider;
        try {
            provider = JSON.readTree(exchange.bodyText()).path("provider").asText("");
        } catch (IOException e) {
            return Outcome.FAILED;
        }
        return switch (provider) {
            case "aramex" -> Outcome.ARAMEX;
            case "smsa" -> Outcome.SMSA;
            default -> Outcome.FAILED;
        };
    }

    /** Created by a carrier. */
    public boolean created() {
        return outcome == Outcome.ARAMEX || outcome == Outcome.SMSA;
    }
}
