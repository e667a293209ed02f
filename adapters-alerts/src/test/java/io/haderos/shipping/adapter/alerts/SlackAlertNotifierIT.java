package io.haderos.shipping.adapter.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.haderos.shipping.adapter.alerts.StubWebhook.Step;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.OutageNotice;
import io.haderos.shipping.domain.policy.OutageNotices;
import io.haderos.shipping.domain.testing.MutableClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackAlertNotifierIT {

    private static final String TOKEN_PATH = "/services/T0HADEROS/B0ALERTS/xoxSecretToken4711";
    private static final String TOKEN = "xoxSecretToken4711";
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 5);

    private final MutableClock clock = MutableClock.at("2025-03-10T09:00:00Z");
    private StubWebhook webhook;
    private SlackAlertNotifier notifier;

    @BeforeEach
    void startWebhook() throws IOException {
        webhook = StubWebhook.start();
    }

    @AfterEach
    void stop() {
        if (notifier != null) {
            notifier.close();
        }
        webhook.close();
    }

    @Test
    void
            givenThreeOutages_whenTheirTransitionsPassThroughTheDomainPolicy_thenSlackGetsOneMessagePerOpeningAndRecovery() {
        notifier = SlackAlertNotifier.start(new SlackSettings(webhook.url(TOKEN_PATH), BOUND), FAST, clock);
        OutageNotices policy = new OutageNotices();

        for (CircuitStateChanged change : OutageScript.transitions()) {
            policy.on(change).ifPresent(notifier::send);
        }

        await().atMost(BOUND).until(() -> webhook.acceptedTexts().size() >= 6);
        notifier.close();
        List<String> texts = webhook.acceptedTexts();
        assertThat(webhook.received()).hasSize(6);
        assertThat(texts).hasSize(6);
        assertThat(texts.get(0))
                .startsWith(":red_circle: *CRITICAL: aramex circuit OPEN*")
                .contains("Cause: 3 consecutive failures: HTTP 503 from aramex", "At: 2025-03-10T08:00:00Z")
                .doesNotContain(" by ");
        assertThat(texts.get(1))
                .startsWith(":large_green_circle: *RECOVERED: aramex circuit closed after 4 min 5 s*")
                .contains("Cause: 2 consecutive successful trials", "At: 2025-03-10T08:04:05Z");
        assertThat(texts.get(2))
                .startsWith(":red_circle: *CRITICAL: aramex circuit OPEN*")
                .contains("connection refused", "At: 2025-03-10T09:00:00Z");
        assertThat(texts.get(3))
                .startsWith(":large_green_circle: *RECOVERED: aramex circuit closed after 2 min 5 s*")
                .contains("At: 2025-03-10T09:02:05Z");
        assertThat(texts.get(4))
                .startsWith(":red_circle: *CRITICAL: aramex circuit OPEN*")
                .contains("Cause: forced open by an operator", "At: 2025-03-10T10:00:00Z by ops-alice");
        assertThat(texts.get(5))
                .startsWith(":large_green_circle: *RECOVERED: aramex circuit closed after 45 s*")
                .contains("At: 2025-03-10T10:00:45Z by ops-alice");
        assertThat(notifier.alerts()).isEmpty();
    }

    @Test
    void whenAMessageIsPosted_thenItIsJsonOverHttp11ToTheWebhookPath() {
        notifier = SlackAlertNotifier.start(new SlackSettings(webhook.url(TOKEN_PATH), BOUND), FAST, clock);

        notifier.send(opened(0));

        await().atMost(BOUND).until(() -> webhook.acceptedTexts().size() == 1);
        StubWebhook.Received request = webhook.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(TOKEN_PATH);
        assertThat(request.headers().get("Content-type")).containsExactly("application/json; charset=utf-8");
        assertThat(request.headers()).doesNotContainKey("Upgrade");
        assertThat(request.body()).startsWith("{\"text\":");
    }

    @Test
    void givenAWebhookFailingTwice_whenANoticeIsSent_thenItIsRetriedDeliveredOnceAndTheAlertShowsOnlyDuringTheStreak() {
        CountDownLatch secondAnswer = new CountDownLatch(1);
        CountDownLatch thirdAnswer = new CountDownLatch(1);
        webhook.script(n -> n == 1
                ? Step.answer(500)
                : n == 2 ? Step.after(secondAnswer, 500) : n == 3 ? Step.after(thirdAnswer, 200) : Step.answer(200));
        notifier = SlackAlertNotifier.start(new SlackSettings(webhook.url(TOKEN_PATH), BOUND), FAST, clock);
        assertThat(notifier.alerts()).isEmpty();

        notifier.send(opened(0));

        // The second request arrived: the first one has failed (at 09:00:00) and is being retried.
        await().atMost(BOUND).until(() -> webhook.received().size() == 2);
        assertThat(notifier.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.breaker()).isEqualTo("alerts.slack");
            assertThat(alert.severity()).isEqualTo(Alert.Severity.WARNING);
            assertThat(alert.message())
                    .isEqualTo(
                            "Slack alert delivery failing: HTTP 500: internal_error after 1 attempt; 1 notice waiting");
            assertThat(alert.since()).isEqualTo(clock.instant());
        });
        clock.advanceSeconds(30);
        secondAnswer.countDown();
        await().atMost(BOUND).until(() -> webhook.received().size() == 3);
        assertThat(notifier.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.message()).contains("after 2 attempts");
            assertThat(alert.since())
                    .as("the streak's first failure")
                    .isEqualTo(clock.instant().minusSeconds(30));
        });

        thirdAnswer.countDown();

        await().atMost(BOUND).until(() -> notifier.alerts().isEmpty());
        notifier.close();
        assertThat(webhook.acceptedTexts()).hasSize(1);
        assertThat(webhook.received())
                .hasSize(3)
                .extracting(StubWebhook.Received::body)
                .containsOnly(webhook.received().get(0).body());
    }

    @Test
    void givenAWebhookThatHangs_whenFiftyNoticesAreSent_thenEverySendReturnsWhileTheFirstPostIsStillBlocked() {
        CountDownLatch release = new CountDownLatch(1);
        webhook.script(n -> n == 1 ? Step.after(release, 200) : Step.answer(200));
        notifier = SlackAlertNotifier.start(new SlackSettings(webhook.url(TOKEN_PATH), BOUND), FAST, clock);

        // A send() that waited for Slack would not return while the test holds the latch: the bound turns that
        // into a failure instead of a hung build.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            notifier.send(opened(0));
            await().atMost(Duration.ofSeconds(4)).until(() -> webhook.received().size() == 1);
            IntStream.range(1, 50).forEach(i -> notifier.send(opened(i)));
        });

        assertThat(release.getCount()).as("the test still holds the webhook").isEqualTo(1);
        assertThat(webhook.completed()).as("answered requests").isZero();
        release.countDown();
        await().atMost(BOUND).until(() -> webhook.acceptedTexts().size() == 50);
        assertThat(webhook.acceptedTexts())
                .extracting(text -> text.substring(text.indexOf("Cause: ")))
                .containsExactlyElementsOf(IntStream.range(0, 50)
                        .mapToObj(i -> "Cause: failure " + i + "\nAt: " + OutageScript.T0.plusSeconds(i))
                        .toList());
    }

    @Test
    void givenAFullQueue_whenMoreNoticesArrive_thenTheyAreDroppedCountedAndACriticalAlertShowsUntilADelivery() {
        CountDownLatch release = new CountDownLatch(1);
        webhook.script(n -> n == 1 ? Step.after(release, 200) : Step.answer(200));
        notifier = SlackAlertNotifier.start(new SlackSettings(webhook.url(TOKEN_PATH), BOUND), FAST, clock);
        notifier.send(opened(0));
        await().atMost(BOUND).until(() -> webhook.received().size() == 1);

        // The queue holds DEFAULT_CAPACITY notices, the one being posted included: the last five are dropped.
        IntStream.range(1, AlertDelivery.DEFAULT_CAPACITY + 5).forEach(i -> notifier.send(opened(i)));

        assertThat(notifier.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.breaker()).isEqualTo("alerts.slack");
            assertThat(alert.severity()).isEqualTo(Alert.Severity.CRITICAL);
            assertThat(alert.message())
                    .isEqualTo("Slack alert delivery dropped 5 notices; " + AlertDelivery.DEFAULT_CAPACITY
                            + " notices waiting");
            assertThat(alert.since()).isEqualTo(clock.instant());
        });
        release.countDown();
        await().atMost(BOUND).until(() -> webhook.acceptedTexts().size() == AlertDelivery.DEFAULT_CAPACITY);
        notifier.close();
        assertThat(webhook.acceptedTexts())
                .hasSize(AlertDelivery.DEFAULT_CAPACITY)
                .anySatisfy(text -> assertThat(text).contains("Cause: failure 999\n"))
                .noneSatisfy(text -> assertThat(text).containsPattern("Cause: failure 100[0-4]\n"));
        assertThat(notifier.alerts()).isEmpty();
    }

    @Test
    void givenAWebhookThatQuotesItsUrl_whenDeliveryFails_thenNeitherAlertsNorLogsNorToStringShowTheToken()
            throws Exception {
        webhook.script(n -> Step.answer(404, "no_service for " + webhook.url(TOKEN_PATH) + " at " + TOKEN_PATH));
        SlackSettings settings = new SlackSettings(webhook.url(TOKEN_PATH), BOUND);
        try (CapturedLog log = new CapturedLog()) {
            notifier = SlackAlertNotifier.start(settings, FAST, clock);

            notifier.send(opened(0));

            await().atMost(BOUND).until(() -> webhook.received().size() >= 2);
            Alert alert = notifier.alerts().get(0);
            assertThat(alert.message())
                    .startsWith("Slack alert delivery failing: HTTP 404: no_service for ***")
                    .doesNotContain(TOKEN);
            notifier.close();
            assertThat(log.text())
                    .contains("Slack alert delivery failed for aramex OPENED")
                    .doesNotContain(TOKEN);
        }
        assertThat(settings.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("services")
                .contains("http://127.0.0.1:");
        assertThat(notifier.toString()).doesNotContain(TOKEN).doesNotContain("services");
    }

    @Test
    void givenNoServerOnThePort_whenDeliveryFails_thenTheAlertSaysWhyWithoutTheToken() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + TOKEN_PATH);
        try (CapturedLog log = new CapturedLog()) {
            notifier = SlackAlertNotifier.start(new SlackSettings(nowhere, BOUND), FAST, clock);

            notifier.send(opened(0));

            await().atMost(BOUND).until(() -> DeliveryAlerts.failedAttempts(notifier.alerts()) >= 2);
            assertThat(notifier.alerts().get(0).message())
                    .startsWith("Slack alert delivery failing: cannot connect to 127.0.0.1 after")
                    .doesNotContain(TOKEN);
            notifier.close();
            assertThat(log.text()).contains("cannot connect to 127.0.0.1").doesNotContain(TOKEN);
        }
    }

    private static OutageNotice opened(int i) {
        return OutageScript.opening(CarrierId.ARAMEX, i);
    }
}
