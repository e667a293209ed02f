package io.haderos.shipping.benchmarks.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** The sandbox's control API: fault injection, request statistics, and the stand-ins' own addresses. */
public final class SandboxControl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;

    SandboxControl(URI base) {
        this.base = base;
    }

    /**
     * Requests that reached a stand-in, and the shipments it created.
     *
     * @param requests requests counted by the stand-in
     * @param shipmentsCreated shipments it created
     */
    public record Stats(long requests, long shipmentsCreated) {}

    /**
     * Sets a stand-in's fault mode.
     *
     * @return the control API's answer (400 for a mode it does not know)
     */
    public Http.Answer setFault(String carrier, String mode, long latencyMs) {
        return Http.putJson(
                base.resolve("/sandbox/" + carrier + "/fault"),
                "{\"mode\":\"" + mode + "\",\"latency_ms\":" + latencyMs + "}");
    }

    /** {@code GET /sandbox/{carrier}/stats}. */
    public Optional<Stats> stats(String carrier) {
        Http.Answer answer = Http.get(base.resolve("/sandbox/" + carrier + "/stats"));
        if (!answer.ok()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(answer.body());
            return Optional.of(new Stats(
                    node.path("requests").asLong(),
                    node.path("shipments_created").asLong()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A stand-in's base URL as {@code GET /sandbox} lists it. */
    public Optional<URI> baseUrl(String carrier) {
        Http.Answer answer = Http.get(base.resolve("/sandbox"));
        if (!answer.ok()) {
            return Optional.empty();
        }
        try {
            String url = JSON.readTree(answer.body())
                    .path("stand_ins")
                    .path(carrier)
                    .path("base_url")
                    .asText("");
            return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
