package io.haderos.shipping.bootstrap.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code application/problem+json} answers of the HTTP server itself, for requests that never reach the API: the
 * same shape as the API's problems (docs/architecture.md#the-edge-of-http), with fixed texts that name neither the
 * server nor its version, and never echo the request.
 */
final class EdgeProblems {

    static final String MEDIA_TYPE = "application/problem+json";

    /** Every method some resource of the gateway serves; the edge refuses the others with 405. */
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, OPTIONS";

    private record Text(String slug, String title, String detail) {}

    private static final Map<Integer, Text> TEXTS = Map.of(
            400,
            new Text(
                    "bad-request",
                    "Bad Request",
                    "the request line or a header cannot be read: use HTTP/1.1 (or 1.0), a known method, a path of "
                            + "printable ASCII (percent-encode the rest), well-formed headers and Content-Length"),
            405,
            new Text(
                    "method-not-allowed",
                    "Method Not Allowed",
                    "the gateway serves only these methods: " + ALLOWED_METHODS),
            413,
            new Text("request-too-large", "Request too large", "the request body is larger than the gateway accepts"),
            414,
            new Text("uri-too-long", "URI Too Long", "the request line is longer than the gateway accepts (8 KiB)"),
            431,
            new Text(
                    "request-header-fields-too-large",
                    "Request Header Fields Too Large",
                    "the request headers are larger than the gateway accepts (8 KiB, 100 headers)"),
            503,
            new Text(
                    "shutting-down", "Service Unavailable", "the gateway is shutting down; retry on another instance"));

    private static final Text OTHER =
            new Text("internal-error", "Internal error", "the gateway failed unexpectedly; the failure is logged");

    private EdgeProblems() {}

    /** The problem document for {@code status}, as UTF-8 bytes. */
    static byte[] body(int status) {
        return json(status).getBytes(StandardCharsets.UTF_8);
    }

    /** The problem document for {@code status}. */
    static String json(int status) {
        Text text = TEXTS.getOrDefault(status, status >= 400 && status < 500 ? TEXTS.get(400) : OTHER);
        return "{\"type\":\"https://haderos.io/problems/" + text.slug() + "\",\"title\":\"" + text.title()
                + "\",\"status\":" + status + ",\"detail\":\"" + text.detail() + "\"}";
    }
}
