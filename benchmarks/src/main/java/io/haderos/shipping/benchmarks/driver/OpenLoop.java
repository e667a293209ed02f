package io.haderos.shipping.benchmarks.driver;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * An open-loop load: each {@link Stream} starts its requests at a fixed rate whether or not earlier ones have been
 * answered, and every latency counts from the moment its request was <em>meant</em> to start. A server that stalls
 * therefore shows the stall in every request that should have started during it (no coordinated omission).
 *
 * <p>Each stream has its own pacing thread, which only sends: {@link HttpClient#sendAsync} returns at once, and
 * answers are handed to the sink on the client's threads. At most {@code maxInFlight} requests are outstanding; a
 * request due beyond that is not sent and is reported as unanswered ({@link Exchange#NOT_SENT}), which keeps
 * the driver bounded when a server stops answering.
 */
public final class OpenLoop {

    /**
     * One kind of request at one rate.
     *
     * @param name the stream's name, copied into each {@link Exchange}
     * @param perSecond requests started per second; positive
     * @param keepBody whether the sink gets the response bodies
     * @param requests the request to send as number {@code i} of the stream
     */
    public record Stream(String name, double perSecond, boolean keepBody, LongFunction<HttpRequest> requests) {

        public Stream {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(requests, "requests");
            if (!(perSecond > 0)) {
                throw new IllegalArgumentException("perSecond must be positive, got " + perSecond);
            }
        }

        /** The intended start of request {@code index}, for a stream that starts at {@code startNanos}. */
        public long intendedStart(long startNanos, long index) {
            return startNanos + Math.round(index * 1e9 / perSecond);
        }
    }

    private final HttpClient client;
    private final Consumer<Exchange> sink;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final List<Thread> pacers = new ArrayList<>();

    /**
     * @param sink receives every exchange, on the client's threads or a pacer: must be thread-safe and quick
     */
    public OpenLoop(HttpClient client, int maxInFlight, Consumer<Exchange> sink) {
        this.client = Objects.requireNonNull(client, "client");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Starts {@code stream} at {@code startNanos} ({@link System#nanoTime()}); its last request starts before {@code endNanos}. */
    public void start(Stream stream, long startNanos, long endNanos) {
        Thread pacer = new Thread(() -> pace(stream, startNanos, endNanos), "pacer-" + stream.name());
        pacer.setDaemon(true);
        pacers.add(pacer);
        pacer.start();
    }

    /**
     * Waits for the pacers to finish and then for every request in flight to end.
     *
     * @return whether everything ended within {@code patience} after the last pacer
     */
    public boolean awaitDrained(Duration patience) throws InterruptedException {
        for (Thread pacer : pacers) {
            pacer.join();
        }
        if (inFlight.tryAcquire(maxInFlight, patience.toNanos(), TimeUnit.NANOSECONDS)) {
            inFlight.release(maxInFlight);
            return true;
        }
        return false;
    }

    /** Requests sent and not yet answered. */
    public int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    private void pace(Stream stream, long startNanos, long endNanos) {
        for (long i = 0; ; i++) {
            long due = stream.intendedStart(startNanos, i);
            if (due >= endNanos) {
                return;
            }
            sleepUntil(due);
            if (!inFlight.tryAcquire()) {
                sink.accept(new Exchange(
                        stream.name(), i, due, System.nanoTime(), Exchange.NO_ANSWER, null, Exchange.NOT_SENT));
                continue;
            }
            send(stream, i, due);
        }
    }

    private void send(Stream stream, long index, long due) {
        HttpRequest request;
        try {
            request = stream.requests().apply(index);
        } catch (RuntimeException e) {
            inFlight.release();
            sink.accept(
                    new Exchange(stream.name(), index, due, System.nanoTime(), Exchange.NO_ANSWER, null, e.toString()));
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            long end = System.nanoTime();
            inFlight.release();
            if (failure != null) {
                sink.accept(new Exchange(
                        stream.name(), index, due, end, Exchange.NO_ANSWER, null, Failures.describe(failure)));
            } else {
                byte[] body = stream.keepBody() ? response.body() : null;
                sink.accept(new Exchange(stream.name(), index, due, end, response.statusCode(), body, null));
            }
        });
    }

    static void sleepUntil(long deadlineNanos) {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
