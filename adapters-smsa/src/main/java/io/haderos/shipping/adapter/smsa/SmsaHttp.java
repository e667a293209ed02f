package io.haderos.shipping.adapter.smsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one request to one SMSA eCom operation ({@code apikey} header, JSON both ways) and reads the whole reply,
 * asynchronously, or fails with the failure classified by {@link SmsaFaults}. HTTP/1.1 only (Grizzly-like servers
 * drop {@code Content-Type} on an h2c upgrade), redirects not followed.
 *
 * <p>Unlike Aramex, SMSA's status codes carry meaning per operation (a 404 to a tracking query is an unknown AWB),
 * so the reply comes back whatever its status; {@link #read} and {@link #convert} then turn a 2xx body into JSON.
 *
 * <p>Threads: nothing here blocks. The reply is taken from the body subscriber, which runs on {@code executor}; the
 * JDK client's own future is watched only for failures, which are handed to {@code executor} too — that future
 * completes on {@code CompletableFuture}'s default pool, where none of our work may run. The whole-request
 * {@code timeout} (connect to last byte) is one timer on {@code timer}.
 */
final class SmsaHttp {

    static final String API_KEY_HEADER = "apikey";

    private static final String JSON = "application/json";

    private final HttpClient client;
    private final String baseUrl;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final SmsaFaults faults;
    private final Executor executor;
    private final ScheduledExecutorService timer;

    SmsaHttp(
            SmsaConfig config,
            ObjectMapper mapper,
            SmsaFaults faults,
            Executor executor,
            ScheduledExecutorService timer) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.baseUrl = config.baseUrl().toString();
        this.apiKey = config.apiKey();
        this.connectTimeout = config.connectTimeout();
        this.timeout = config.timeout();
        this.mapper = mapper;
        this.faults = faults;
        this.executor = executor;
        this.timer = timer;
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
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> sent = client.sendAsync(
                request,
                info -> BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                    reply.complete(new Reply(operation, info.statusCode(), info.headers(), body == null ? "" : body));
                    return null;
                }));
        ScheduledFuture<?> deadline = timer.schedule(
                () -> executor.execute(() -> {
                    if (reply.completeExceptionally(faults.timeout(operation, timeout))) {
                        sent.cancel(true);
                    }
                }),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        sent.whenComplete((response, failure) -> {
            if (failure != null && !reply.isDone()) {
                executor.execute(() -> reply.completeExceptionally(forFailure(operation, failure)));
            }
        });
        reply.whenComplete((done, failure) -> deadline.cancel(false));
        return reply;
    }

    private CarrierUnavailableException forFailure(String operation, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof IOException io) {
            return faults.forIoFailure(operation, io, connectTimeout);
        }
        return new CarrierUnavailableException(
                CarrierId.SMSA,
                Reason.CONNECTION_LOST,
                "the exchange for " + operation + " failed (" + cause.getClass().getSimpleName() + ")",
                cause);
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
