package io.haderos.shipping.adapter.smsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haderos.shipping.adapter.carrierhttp.CarrierExchange;
import io.haderos.shipping.adapter.carrierhttp.ReplyBodies;
import io.haderos.shipping.domain.model.CarrierId;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends one request to one SMSA eCom operation ({@code apikey} header, JSON both ways) and reads the whole reply,
 * asynchronously, or fails with the failure classified by {@link SmsaFaults}. The exchange itself (HTTP/1.1, no
 * redirects, the whole-request deadline, its threads) is the shared {@link CarrierExchange}.
 *
 * <p>Unlike Aramex, SMSA's status codes carry meaning per operation (a 404 to a tracking query is an unknown AWB),
 * so the reply comes back whatever its status; {@link #read} and {@link #convert} then turn a 2xx body into JSON.
 */
final class SmsaHttp {

    static final String API_KEY_HEADER = "apikey";

    private static final String JSON = "application/json";

    private final CarrierExchange<String> exchange;
    private final String baseUrl;
    private final String apiKey;
    private final ObjectMapper mapper;
    private final SmsaFaults faults;

    SmsaHttp(
            SmsaConfig config,
            ObjectMapper mapper,
            SmsaFaults faults,
            Executor executor,
            ScheduledExecutorService timer) {
        Duration connectTimeout = config.connectTimeout();
        this.exchange = new CarrierExchange<>(
                CarrierId.SMSA,
                connectTimeout,
                config.timeout(),
                executor,
                timer,
                faults::timeout,
                (operation, failure) -> faults.forIoFailure(operation, failure, connectTimeout));
        this.baseUrl = config.baseUrl().toString();
        this.apiKey = config.apiKey();
        this.mapper = mapper;
        this.faults = faults;
    }

    /**
     * {@code GET} of {@code operation}'s path followed by {@code argument}.
     *
     * @param argument the last path segment, used as is: letters, digits, {@code .}, {@code -} and {@code _} only
     * @return the reply, whatever its status; or a carrier fault when none came back in time or the connection failed
     */
    CompletableFuture<Reply> get(SmsaOperation operation, String argument) {
        String path = operation.path() + argument;
        return exchange(operation.method() + " " + path, request(path).GET().build());
    }

    /**
     * {@code POST} of {@code body} as JSON to {@code operation}'s path.
     *
     * @return the reply, whatever its status; or a carrier fault when none came back in time or the connection failed
     */
    CompletableFuture<Reply> post(SmsaOperation operation, Object body) {
        HttpRequest request = request(operation.path())
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(serialize(body)))
                .build();
        return exchange(operation.toString(), request);
    }

    /**
     * A reply's status, headers and body.
     *
     * @param operation the request line, for messages ({@code GET /api/track/single/231200000001})
     */
    record Reply(String operation, int status, HttpHeaders headers, String body) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /** The JSON of a reply's body; a carrier fault when the body is empty or not JSON. */
    JsonNode read(Reply reply) {
        try {
            JsonNode body = mapper.readTree(reply.body());
            if (body == null || body.isMissingNode()) {
                throw faults.unreadable(reply.operation(), "empty body with HTTP " + reply.status());
            }
            return body;
        } catch (JsonProcessingException e) {
            String start = reply.body().length() > 40 ? reply.body().substring(0, 40) : reply.body();
            throw faults.unreadable(
                    reply.operation(),
                    "not JSON (HTTP " + reply.status() + ", starts with '" + faults.clean(start) + "')");
        }
    }

    /** {@code json} as a wire record; a carrier fault when it has another shape. */
    <T> T convert(String operation, JsonNode json, Class<T> type) {
        try {
            return mapper.treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw faults.unreadable(operation, "unexpected JSON shape for " + type.getSimpleName());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", JSON)
                .header(API_KEY_HEADER, apiKey);
    }

    private CompletableFuture<Reply> exchange(String operation, HttpRequest request) {
        return exchange.send(operation, request, ReplyBodies.utf8(ReplyBodies.MAX_REPLY_BYTES))
                .thenApply(reply -> new Reply(
                        operation, reply.status(), reply.headers(), reply.body() == null ? "" : reply.body()));
    }

    private String serialize(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // Our own records always serialize; this is a bug, and the message must not quote the body.
            throw new IllegalStateException(
                    "could not serialize " + body.getClass().getSimpleName(), e);
        }
    }
}
