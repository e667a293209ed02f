package io.haderos.shipping.benchmarks.process;

import io.haderos.shipping.benchmarks.driver.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Blocking HTTP calls the scenarios make besides the load itself (fault injection, statistics, readiness): one small
 * client of its own, so that these calls never queue behind the load's connections.
 */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClients.create("harness-http", 2, Duration.ofSeconds(2));

    private Http() {}

    /**
     * A status and a body.
     *
     * @param status the HTTP status, or {@link io.haderos.shipping.benchmarks.driver.Exchange#NO_ANSWER} when the call
     *     failed
     * @param body the body as text, or the failure
     */
    public record Answer(int status, String body) {

        /** 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** {@code GET uri}. */
    public static Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
    }

    /** {@code GET uri} with a header. */
    public static Answer get(URI uri, String header, String value) {
        return send(HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header(header, value)
                .GET()
                .build());
    }

    /** {@code PUT uri} with a JSON body. */
    public static Answer putJson(URI uri, String json) {
        return send(
                json(uri, json).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** {@code POST uri} with a JSON body. */
    public static Answer postJson(URI uri, String json) {
        return send(
                json(uri, json).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A request builder for a JSON body, with the usual headers and {@code timeout}. */
    public static HttpRequest.Builder json(URI uri, String json, Duration timeout) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static HttpRequest.Builder json(URI uri, String json) {
        return json(uri, json, TIMEOUT);
    }

    /** Sends {@code request} on the harness's own client. */
    public static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, e.toString());
        }
    }
}
