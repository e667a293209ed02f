package io.haderos.shipping.adapter.carrierhttp;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * One carrier's HTTP exchanges: a request sent, its whole reply read, within one deadline, or a failure the carrier's
 * own fault classifier names. HTTP/1.1 only (Grizzly-like servers drop {@code Content-Type} on an h2c upgrade),
 * redirects not followed (a request that is redirected went to the wrong endpoint).
 *
 * <p>Threads: nothing here blocks, and a reply costs as few thread hand-offs as the JDK client allows, since on a
 * small machine each one costs more CPU than our own work on the reply (docs/architecture.md#threads):
 *
 * <ul>
 *   <li>the exchange starts on {@code executor} (the caller, often a request thread, returns at once: connecting and
 *       name lookups never hold it);</li>
 *   <li>the JDK client runs its own steps inline ({@code Runnable::run}): its selector thread reads the reply into
 *       the body subscriber, which only collects buffers;</li>
 *   <li>the reply, or the exchange's failure, is completed where the client completes its exchange, on the common
 *       {@code ForkJoinPool}: the JDK hands every exchange there, and a further hand-off to a thread of ours would
 *       cost a second context switch per call. Stages on the reply must not block; blocking work goes to an executor
 *       of its own;</li>
 *   <li>the whole-request {@code timeout} (connect to last byte) is one timer on {@code timer}, which completes the
 *       reply on {@code executor} and cancels the exchange.</li>
 * </ul>
 *
 * <p>A body read through {@link ReplyBodies} that runs past its size is an unreadable reply
 * ({@link Reason#UNREADABLE_REPLY}): the carrier may have acted on it. When {@code executor} refuses to start an
 * exchange, nothing is sent ({@link Reason#BUSY}).
 *
 * @param <O> how the carrier names an operation in its messages
 */
public final class CarrierExchange<O> {

    private final CarrierId carrier;
    private final HttpClient client;
    private final Duration timeout;
    private final Executor executor;
    private final ScheduledExecutorService timer;
    private final BiFunction<O, Duration, CarrierUnavailableException> timedOut;
    private final BiFunction<O, IOException, CarrierUnavailableException> ioFailed;

    /**
     * @param carrier        whose exchanges these are, for the failures no classifier names
     * @param connectTimeout how long to wait for a connection
     * @param timeout        the whole request, from sending to the last byte of the reply
     * @param executor       the carrier's threads: they start exchanges and complete those past their deadline
     * @param timer          runs the deadlines
     * @param timedOut       the failure for an operation that had no complete reply within {@code timeout}
     * @param ioFailed       the failure for an operation whose exchange failed with an {@link IOException}
     */
    public CarrierExchange(
            CarrierId carrier,
            Duration connectTimeout,
            Duration timeout,
            Executor executor,
            ScheduledExecutorService timer,
            BiFunction<O, Duration, CarrierUnavailableException> timedOut,
            BiFunction<O, IOException, CarrierUnavailableException> ioFailed) {
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.timedOut = Objects.requireNonNull(timedOut, "timedOut");
        this.ioFailed = Objects.requireNonNull(ioFailed, "ioFailed");
    }

    /**
     * A reply's status, headers and body, whatever the status.
     *
     * @param <B> the body as read
     */
    public record Reply<B>(int status, HttpHeaders headers, B body) {}

    /**
     * Sends {@code request} and reads its whole body with a fresh subscriber from {@code body}.
     *
     * @return the reply, whatever its status; or a {@link CarrierUnavailableException} when none came back in time
     *     or the connection failed
     */
    public <B> CompletableFuture<Reply<B>> send(O operation, HttpRequest request, Supplier<BodySubscriber<B>> body) {
        CompletableFuture<Reply<B>> reply = new CompletableFuture<>();
        ScheduledFuture<?> deadline = timer.schedule(
                () -> executor.execute(() -> reply.completeExceptionally(timedOut.apply(operation, timeout))),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        try {
            executor.execute(() -> start(operation, request, body, reply));
        } catch (RejectedExecutionException e) {
            reply.completeExceptionally(new CarrierUnavailableException(
                    carrier, Reason.BUSY, operation + " was not sent: the carrier's threads refused it", e));
        }
        reply.whenComplete((done, failure) -> deadline.cancel(false));
        return reply;
    }

    private <B> void start(
            O operation, HttpRequest request, Supplier<BodySubscriber<B>> body, CompletableFuture<Reply<B>> reply) {
        if (reply.isDone()) {
            return; // timed out before it could start
        }
        CompletableFuture<HttpResponse<B>> sent;
        try {
            sent = client.sendAsync(request, info -> body.get());
        } catch (RuntimeException bug) { // a request the client refuses to send, as send() itself would have thrown
            reply.completeExceptionally(bug);
            return;
        }
        reply.whenComplete((done, failure) -> {
            if (failure != null) {
                sent.cancel(true);
            }
        });
        sent.whenComplete((response, failure) -> {
            if (failure == null) {
                reply.complete(new Reply<>(response.statusCode(), response.headers(), response.body()));
            } else if (!reply.isDone()) {
                reply.completeExceptionally(forFailure(operation, failure));
            }
        });
    }

    private CarrierUnavailableException forFailure(O operation, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ReplyTooLargeException tooLarge) {
            // The carrier answered, but not something we read: like any unreadable reply, it may have acted.
            return new CarrierUnavailableException(
                    carrier,
                    Reason.UNREADABLE_REPLY,
                    "the reply to " + operation + " is longer than " + tooLarge.maxBytes() + " bytes: not read",
                    tooLarge);
        }
        if (cause instanceof IOException io) {
            return ioFailed.apply(operation, io);
        }
        return new CarrierUnavailableException(
                carrier,
                Reason.CONNECTION_LOST,
                "the exchange for " + operation + " failed (" + cause.getClass().getSimpleName() + ")",
                cause);
    }
}
