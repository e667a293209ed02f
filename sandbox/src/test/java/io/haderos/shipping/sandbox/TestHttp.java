package io.haderos.shipping.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP against the sandbox, HTTP/1.1 only (no h2c upgrade). */
final class TestHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    HttpClient client() {
        return client;
    }

    HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        return send(request(uri, headers).GET().build());
    }

    HttpResponse<String> post(URI uri, String body, String... headers) throws IOException, InterruptedException {
        return send(request(uri, headers)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> postJson(URI uri, Object body, String... headers) throws IOException, InterruptedException {
        return post(uri, write(body), with(headers, "Content-Type", "application/json"));
    }

    HttpResponse<String> putJson(URI uri, String body) throws IOException, InterruptedException {
        return send(request(uri, "Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<byte[]> getBytes(URI uri) throws IOException, InterruptedException {
        return client.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String ? (String) body : MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] with(String[] headers, String name, String value) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }
}
