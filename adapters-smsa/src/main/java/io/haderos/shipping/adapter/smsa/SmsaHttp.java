package io.haderos.shipping.adapter.smsa;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import java.net.http.HttpClient;
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
 * Sends one request to the SMSA eCom API and reads the whole reply, asynchronously, or fails with the failure
 * classified by {@link SmsaReplyClassifier}. HTTP/1.1 only (Grizzly-like servers drop {@code Content-Type} on an h2c
 * upgrade), redirects not followed.
 *
 * <p>Threads: nothing here blocks. The reply is taken from the body subscriber, which runs on {@code executor}; the
 * JDK client's own future is watched only for failures, which are handed to {@code executor} too — that future
 * completes on {@code CompletableFuture}'s default pool, where none of our work may run. The whole-request
 * {@code timeout} (connect to last byte) is one timer on {@code timer}.
 */
final class SmsaHttp {

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final SmsaReplyClassifier classifier;
    private final Executor executor;
    private final ScheduledExecutorService timer;

    SmsaHttp(SmsaConfig config, SmsaReplyClassifier classifier, Executor executor, ScheduledExecutorService timer) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.connectTimeout = config.connectTimeout();
        this.timeout = config.timeout();
        this.classifier = classifier;
        this.executor = executor;
        this.timer = timer;
    }

    /** The reply, whatever its status; or a carrier fault when none came back in time or the connection failed. */
    CompletableFuture<SmsaReplyClassifier.Reply> exchange(HttpRequest request, String operation) {
        CompletableFuture<SmsaReplyClassifier.Reply> reply = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> sent = client.sendAsync(
                request,
                info -> BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                    reply.complete(new SmsaReplyClassifier.Reply(
                            info.statusCode(),
                            body == null ? "" : body,
                            info.headers().firstValue("Retry-After")));
                    return null;
                }));
        ScheduledFuture<?> deadline = timer.schedule(
                () -> executor.execute(() -> {
                    if (reply.completeExceptionally(classifier.timeout(operation, timeout))) {
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
            return classifier.forIo(io, operation, connectTimeout);
        }
        return new CarrierUnavailableException(
                CarrierId.SMSA,
                Reason.CONNECTION_LOST,
                "the exchange for " + operation + " failed (" + cause.getClass().getSimpleName() + ")",
                cause);
    }
}
