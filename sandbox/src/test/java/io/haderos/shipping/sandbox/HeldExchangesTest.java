package io.haderos.shipping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounds on held exchanges: age and number. A request to {@code /hang} is held, never answered. */
class HeldExchangesTest {

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Listener.threads("test-held-timer-"));
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HeldExchanges held;
    private Listener listener;

    @AfterEach
    void stop() {
        if (held != null) {
            held.close();
        }
        if (listener != null) {
            listener.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void givenHungExchange_whenItsTimeIsUp_thenDroppedWithoutAnAnswer() throws Exception {
        start(10, 300);

        CompletableFuture<HttpResponse<String>> hung = send();

        assertThat(hung)
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IOException.class);
        assertThat(held.size()).isZero();
    }

    @Test
    void givenFullCapacity_whenOneMoreArrives_thenTheOldestIsDroppedAndTheOthersStayHeld() throws Exception {
        start(2, 600_000);
        CompletableFuture<HttpResponse<String>> oldest = send();
        await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == 1);
        CompletableFuture<HttpResponse<String>> second = send();
        await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == 2);

        CompletableFuture<HttpResponse<String>> newest = send();

        assertThat(oldest).failsWithin(Duration.ofSeconds(10));
        assertThat(held.size()).isEqualTo(2);
        assertThat(second).isNotDone();
        assertThat(newest).isNotDone();
        held.close();
        assertThat(second).failsWithin(Duration.ofSeconds(10));
        assertThat(newest).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void givenClosed_whenAnExchangeIsHandedOver_thenDroppedAtOnce() throws Exception {
        start(10, 600_000);
        held.close();

        assertThat(send()).failsWithin(Duration.ofSeconds(10));
        assertThat(held.size()).isZero();
    }

    private void start(int capacity, long hangLimitMs) throws IOException {
        held = new HeldExchanges("test", scheduler, capacity);
        HeldExchanges heldHere = held;
        listener = Listener.open("held-test", "127.0.0.1", 0, exchange -> {
            Exchanges.readBody(exchange);
            heldHere.dropLater(exchange, hangLimitMs);
        });
    }

    private CompletableFuture<HttpResponse<String>> send() {
        HttpRequest request = TestHttp.request(URI.create("http://127.0.0.1:" + listener.port() + "/hang"))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
