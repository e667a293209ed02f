package io.haderos.shipping.adapter.carrierhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where an exchange's work runs: it starts on the carrier's threads (the caller is never held), its reply needs no
 * further hand-off to them, and a refused start or a dead address fails the way the breaker expects.
 */
class CarrierExchangeTest {

    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService carrierThreads;
    private ScheduledExecutorService timer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", http -> {
            requests.incrementAndGet();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            http.sendResponseHeaders(200, body.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/hang", http -> {
            requests.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            http.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        carrierThreads = Executors.newSingleThreadExecutor();
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        carrierThreads.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void theExchangeStartsOnTheCarriersThreadsNotOnTheCallers() {
        List<Runnable> queued = new ArrayList<>();
        CarrierExchange<String> exchange = exchange(queued::add, Duration.ofSeconds(30));

        CompletableFuture<CarrierExchange.Reply<String>> reply = exchange.send("quote", post("/ok"), utf8());

        assertThat(queued).hasSize(1);
        assertThat(reply).isNotDone();
        assertThat(requests).hasValue(0);

        queued.remove(0).run();
        CarrierExchange.Reply<String> answered = settled(reply);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("{\"ok\":true}");
        assertThat(requests).hasValue(1);
    }

    @Test
    void aReplyNeedsNoSecondHandOffToTheCarriersThreads() {
        AtomicInteger handedOff = new AtomicInteger();
        CarrierExchange<String> exchange = exchange(
                task -> {
                    handedOff.incrementAndGet();
                    carrierThreads.execute(task);
                },
                Duration.ofSeconds(30));

        for (int i = 0; i < 3; i++) {
            assertThat(settled(exchange.send("quote", post("/ok"), utf8())).status())
                    .isEqualTo(200);
        }

        assertThat(handedOff).as("one hand-off per exchange: its start").hasValue(3);
    }

    @Test
    void aStartTheCarriersThreadsRefuseSendsNothingAndTheCarrierIsBusy() {
        CarrierExchange<String> exchange = exchange(
                task -> {
                    throw new RejectedExecutionException("full");
                },
                Duration.ofSeconds(30));

        Throwable failure = catchThrowable(() -> settled(exchange.send("quote", post("/ok"), utf8())));

        assertThat(failure).isInstanceOf(CompletionException.class);
        assertThat(((CarrierUnavailableException) failure.getCause()).reason()).isEqualTo(Reason.BUSY);
        assertThat(requests).hasValue(0);
    }

    @Test
    void anExchangeWithoutAReplyInTimeTimesOut() {
        CarrierExchange<String> exchange = exchange(carrierThreads, Duration.ofMillis(300));

        Throwable failure = catchThrowable(() -> settled(exchange.send("quote", post("/hang"), utf8())));

        assertThat(((CarrierUnavailableException) failure.getCause()).reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(requests).hasValue(1);
    }

    @Test
    void aClosedPortIsTheCarriersConnectionFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CarrierExchange<String> exchange = exchange(carrierThreads, Duration.ofSeconds(30));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/ok"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        Throwable failure = catchThrowable(() -> settled(exchange.send("quote", request, utf8())));

        assertThat(((CarrierUnavailableException) failure.getCause()).reason()).isEqualTo(Reason.CONNECTION_LOST);
    }

    private CarrierExchange<String> exchange(Executor executor, Duration timeout) {
        return new CarrierExchange<>(
                CarrierId.ARAMEX,
                Duration.ofSeconds(5),
                timeout,
                executor,
                timer,
                (operation, after) ->
                        new CarrierUnavailableException(CarrierId.ARAMEX, Reason.TIMEOUT, "timeout", null),
                (operation, io) -> new CarrierUnavailableException(CarrierId.ARAMEX, Reason.CONNECTION_LOST, "io", io));
    }

    /** The outcome, failing the test (rather than hanging it) if there is none within a generous bound. */
    private static <T> T settled(CompletableFuture<T> outcome) {
        return outcome.orTimeout(20, TimeUnit.SECONDS).join();
    }

    private static Supplier<BodySubscriber<String>> utf8() {
        return ReplyBodies.utf8(ReplyBodies.MAX_REPLY_BYTES);
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }
}
