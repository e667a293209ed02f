package io.haderos.shipping.benchmarks.driver;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code clients} clients, each sending its next request as soon as the previous one is answered.
 * Nothing is recorded during the warm-up; then latencies (from the actual send), answers and errors are counted for
 * the measured period, and the driver's own CPU share over that period is read from its CPU counters.
 *
 * <p>The clients are callbacks, not threads: each answer, on the HTTP client's threads, sends that client's next
 * request.
 */
public final class ClosedLoop {

    /**
     * What one run measured.
     *
     * @param clients concurrent clients
     * @param measured the measured period (the warm-up excluded)
     * @param ok answers with a 2xx status in the measured period
     * @param errors other answers and failures in the measured period
     * @param latency latencies of every answer and failure in the measured period
     * @param driverCpu the driver's own CPU over the measured period
     * @param firstError the first error seen, or {@code ""}
     */
    public record Result(
            int clients,
            Duration measured,
            long ok,
            long errors,
            LatencySummary latency,
            CpuUsage driverCpu,
            String firstError) {

        /** 2xx answers per second over the measured period. */
        public double okPerSecond() {
            return ok / (measured.toNanos() / 1e9);
        }
    }

    /** Called when the measured period begins and ends, to read other processes' counters at the same moments. */
    public interface Phases {

        /** Nothing to do at either moment. */
        Phases NONE = new Phases() {};

        default void measurementStarted() {}

        default void measurementEnded() {}
    }

    private final HttpClient client;
    private final Supplier<HttpRequest> requests;

    /** @param requests the next request to send; called from many threads */
    public ClosedLoop(HttpClient client, Supplier<HttpRequest> requests) {
        this.client = Objects.requireNonNull(client, "client");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /** Runs {@code clients} clients for {@code warmUp} and then {@code measure}, and waits for their last answers. */
    public Result run(int clients, Duration warmUp, Duration measure, Phases phases) throws InterruptedException {
        LatencyLog log = new LatencyLog();
        AtomicLong errors = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        StringBuilder firstError = new StringBuilder();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        Client.Counters counters = new Client.Counters(log, ok, errors, firstError, measureFrom, measureUntil);
        for (int i = 0; i < clients; i++) {
            new Client(client, requests, counters, done).next();
        }
        OpenLoop.sleepUntil(measureFrom);
        phases.measurementStarted();
        CpuClock self = CpuClock.self();
        CpuClock.CpuReading before = self.read();
        OpenLoop.sleepUntil(measureUntil);
        CpuClock.CpuReading after = self.read();
        phases.measurementEnded();
        done.await(60, TimeUnit.SECONDS);
        synchronized (firstError) {
            return new Result(
                    clients,
                    measure,
                    ok.get(),
                    errors.get(),
                    log.summary(),
                    after.since(before),
                    firstError.toString());
        }
    }

    /** One client: sends, waits for the answer (asynchronously), records it, sends again until the end. */
    private static final class Client {

        record Counters(
                LatencyLog log,
                AtomicLong ok,
                AtomicLong errors,
                StringBuilder firstError,
                long measureFrom,
                long measureUntil) {}

        private final HttpClient client;
        private final Supplier<HttpRequest> requests;
        private final Counters counters;
        private final CountDownLatch done;

        Client(HttpClient client, Supplier<HttpRequest> requests, Counters counters, CountDownLatch done) {
            this.client = client;
            this.requests = requests;
            this.counters = counters;
            this.done = done;
        }

        void next() {
            long sent = System.nanoTime();
            if (sent >= counters.measureUntil()) {
                done.countDown();
                return;
            }
            client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        long end = System.nanoTime();
                        if (sent >= counters.measureFrom() && end <= counters.measureUntil()) {
                            counters.log().add(end - sent);
                            boolean good = failure == null && response.statusCode() / 100 == 2;
                            (good ? counters.ok() : counters.errors()).incrementAndGet();
                            if (!good) {
                                noteError(
                                        failure == null ? "HTTP " + response.statusCode() : Failures.describe(failure));
                            }
                        }
                        next();
                    });
        }

        private void noteError(String error) {
            synchronized (counters.firstError()) {
                if (counters.firstError().length() == 0) {
                    counters.firstError().append(error);
                }
            }
        }
    }
}
