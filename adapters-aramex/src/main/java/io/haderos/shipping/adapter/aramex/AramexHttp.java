package io.haderos.shipping.adapter.aramex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * POSTs one JSON body to one Aramex operation and reads the JSON reply, asynchronously, or fails with the failure
 * classified by {@link AramexFaults}. HTTP/1.1 only (Grizzly-like servers drop {@code Content-Type} on an h2c
 * upgrade), redirects not followed (a POST that is redirected went to the wrong endpoint).
 *
 * <p>Threads: nothing here blocks. The reply is taken from the body subscriber, which runs on {@code executor}; the
 * JDK client's own future is watched only for failures, which are handed to {@code executor} too — that future
 * completes on {@code CompletableFuture}'s default pool, where none of our work may run. The whole-request
 * {@code timeout} (connect to last byte) is one timer on {@code timer}.
 */
final class AramexHttp {

    private final HttpClient client;
    private final URI baseUrl;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final AramexFaults faults;
    private final Executor executor;
    private final ScheduledExecutorService timer;

    AramexHttp(
            AramexConfig config,
            ObjectMapper mapper,
            AramexFaults faults,
            Executor executor,
            ScheduledExecutorService timer) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.baseUrl = config.baseUrl();
        this.timeout = config.timeout();
        this.mapper = mapper;
        this.faults = faults;
        this.executor = executor;
        this.timer = timer;
    }

    /**
     * @return the reply; or a failure: {@link io.haderos.shipping.domain.port.out.CarrierUnavailableException} for
     *     carrier faults, including a 2xx body that is not JSON of the expected shape, and
     *     {@link io.haderos.shipping.domain.port.out.CarrierConfigurationException} for 4xx (our request or URL)
     */
    <T extends AramexWire.Reply> CompletableFuture<T> post(AramexOperation operation, Object body, Class<T> replyType) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(operation.path()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(serialize(body)))
                .build();
        return exchange(operation, request).thenApply(reply -> {
            if (reply.status() / 100 != 2) {
                throw faults.forStatus(operation, reply.status(), reply.headers());
            }
            return read(operation, reply.body(), replyType);
        });
    }

    /**
     * GETs a label file from a link Aramex gave, following no redirect.
     *
     * @return the file's bytes; or a failure classified as for {@link #post}, except that a 404 or 410 means the file
     *     is gone: {@link io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException} for {@code awb}
     */
    CompletableFuture<byte[]> download(URI link, String awb) {
        AramexOperation operation = AramexOperation.DOWNLOAD_LABEL;
        HttpRequest request = HttpRequest.newBuilder(link)
                .header("Accept", "application/pdf")
                .GET()
                .build();
        return exchange(operation, request).thenApply(reply -> {
            if (reply.status() == 404 || reply.status() == 410) {
                throw new TrackingNumberNotFoundException(CarrierId.ARAMEX, awb);
            }
            if (reply.status() / 100 != 2) {
                throw faults.forStatus(operation, reply.status(), reply.headers());
            }
            return reply.body();
        });
    }

    /** A reply's status, headers and body. */
    record Reply(int status, HttpHeaders headers, byte[] body) {}

    private CompletableFuture<Reply> exchange(AramexOperation operation, HttpRequest request) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> sent = client.sendAsync(
                request,
                info -> BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> {
                    reply.complete(new Reply(info.statusCode(), info.headers(), bytes));
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

    private CarrierUnavailableException forFailure(AramexOperation operation, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof IOException io) {
            return faults.forIoFailure(operation, io);
        }
        return new CarrierUnavailableException(
                CarrierId.ARAMEX,
                Reason.CONNECTION_LOST,
                "the exchange for " + operation + " failed (" + cause.getClass().getSimpleName() + ")",
                cause);
    }

    private byte[] serialize(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Our own records always serialize; this is a bug, and the message must not quote the body.
            throw new UncheckedIOException(
                    "could not serialize " + body.getClass().getSimpleName(), new IOException(e.getOriginalMessage()));
        }
    }

    private <T extends AramexWire.Reply> T read(AramexOperation operation, byte[] body, Class<T> replyType) {
        T reply;
        try {
            reply = mapper.readValue(body, replyType);
        } catch (IOException e) {
            throw faults.unreadable(
                    operation, "not the expected JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (reply == null || reply.hasErrors() == null) {
            throw faults.unreadable(operation, "no HasErrors field", null);
        }
        return reply;
    }
}
