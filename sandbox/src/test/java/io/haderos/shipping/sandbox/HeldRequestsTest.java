package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests a stand-in holds open ({@code slow}, {@code hang}) without a thread each, and what ends them. */
class HeldRequestsTest extends SandboxOverHttp {

    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4, Listener.threads("test-client-"));
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .executor(clientThreads)
            .build();

    @AfterEach
    void stopClientThreads() {
        clientThreads.shutdownNow();
    }

    @Test
    void givenSlow_whenTwoThousandQuotesAtOnce_thenAllAnsweredAfterTheLatencyByAFewThreads() throws Exception {
        int requests = 2_000;
        long latencyMs = 4_000;
        fault("aramex", "{\"mode\":\"slow\",\"latency_ms\":" + latencyMs + "}");
        HttpRequest quote = quote();

        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, requests)
                .mapToObj(i -> client.sendAsync(quote, HttpResponse.BodyHandlers.ofString()))
                .collect(Collectors.toList());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stats("aramex").get("requests").asLong() == requests);
        List<String> standInThreads = threadsNamed("sandbox-aramex-");
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(standInThreads).hasSizeLessThanOrEqualTo(Listener.HANDLER_THREADS + StandIn.TIMER_THREADS);
        assertThat(answers).allSatisfy(answer -> {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).at("/TotalAmount/Value").asDouble()).isEqualTo(35.0);
        });
        assertThat(elapsedMs).isGreaterThanOrEqualTo(latencyMs);
        assertThat(stats("aramex").get("held").asInt()).isZero();
    }

    @Test
    void givenSlowRequestsHeld_whenDown_thenDroppedAtOnceAndNeverAnswered() throws Exception {
        fault("smsa", "{\"mode\":\"slow\",\"latency_ms\":60000}");
        List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, 3)
                .mapToObj(i -> client.sendAsync(smsaTrack(), HttpResponse.BodyHandlers.ofString()))
                .collect(Collectors.toList());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stats("smsa").get("held").asInt() == 3);

        fault("smsa", "{\"mode\":\"down\"}");

        assertThat(held).allSatisfy(answer -> assertThat(answer).failsWithin(Duration.ofSeconds(10)));
        assertThat(stats("smsa").get("held").asInt()).isZero();
        fault("smsa", "{\"mode\":\"healthy\"}");
        assertThat(http.get(Fixtures.smsa(sandbox, "api/track/single/1"), "apikey", Fixtures.SMSA_KEY)
                        .statusCode())
                .isEqualTo(404);
        assertThat(stats("smsa").get("requests").asLong()).isEqualTo(4);
    }

    @Test
    void givenLatencyOnAnotherMode_whenCalled_thenThatModesAnswerAfterTheLatency() throws Exception {
        fault("smsa", "{\"mode\":\"unavailable\",\"latency_ms\":300}");

        long started = System.nanoTime();
        HttpResponse<String> response = client.send(smsaTrack(), HttpResponse.BodyHandlers.ofString());
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
    }

    @Test
    void givenHang_whenCalled_thenCountedAndNeverAnsweredUntilTheClientGivesUp() throws Exception {
        HttpResponse<String> put = http.putJson(control("/aramex/fault"), "{\"mode\":\"hang\",\"latency_ms\":500}");
        HttpRequest quote = TestHttp.request(
                        Fixtures.aramex(sandbox, Fixtures.RATE), "Content-Type", "application/json")
                .timeout(Duration.ofSeconds(1))
                .POST(HttpRequest.BodyPublishers.ofString(TestHttp.write(Fixtures.rateRequest())))
                .build();

        assertThat(json(put).get("mode").asText()).isEqualTo("hang");
        assertThat(json(put).get("latency_ms").asLong()).isZero();
        assertThat(json(http.get(control("/aramex/fault"))).get("mode").asText())
                .isEqualTo("hang");
        assertThatThrownBy(() -> client.send(quote, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(stats("aramex").get("requests").asLong()).isEqualTo(1);
        assertThat(stats("aramex").get("shipments_created").asLong()).isZero();
    }

    @Test
    void givenHungRequest_whenModeChanges_thenItStaysUnansweredUntilDown() throws Exception {
        fault("aramex", "{\"mode\":\"hang\"}");
        CompletableFuture<HttpResponse<String>> hung = client.sendAsync(quote(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stats("aramex").get("held").asInt() == 1);

        fault("aramex", "{\"mode\":\"healthy\"}");
        HttpResponse<String> answered = http.postJson(Fixtures.aramex(sandbox, Fixtures.RATE), Fixtures.rateRequest());

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(hung).isNotDone();
        assertThat(stats("aramex").get("held").asInt()).isEqualTo(1);

        fault("aramex", "{\"mode\":\"down\"}");

        assertThat(hung).failsWithin(Duration.ofSeconds(10));
        assertThat(stats("aramex").get("held").asInt()).isZero();
    }

    @Test
    void givenHungRequest_whenSandboxClosed_thenTheClientFailsPromptly() throws Exception {
        fault("smsa", "{\"mode\":\"hang\"}");
        CompletableFuture<HttpResponse<String>> hung =
                client.sendAsync(smsaTrack(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> stats("smsa").get("held").asInt() == 1);

        sandbox.close();

        assertThat(hung).failsWithin(Duration.ofSeconds(10));
    }

    private HttpRequest quote() {
        return TestHttp.request(Fixtures.aramex(sandbox, Fixtures.RATE), "Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(TestHttp.write(Fixtures.rateRequest())))
                .build();
    }

    private HttpRequest smsaTrack() {
        return TestHttp.request(Fixtures.smsa(sandbox, "api/track/single/1"), "apikey", Fixtures.SMSA_KEY)
                .timeout(Duration.ofSeconds(120))
                .GET()
                .build();
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toList());
    }
}
