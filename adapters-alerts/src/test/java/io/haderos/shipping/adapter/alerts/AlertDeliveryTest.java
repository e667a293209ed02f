package io.haderos.shipping.adapter.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.OutageNotice;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertDeliveryTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final MutableClock clock = MutableClock.at("2025-03-10T09:00:00Z");
    private final FakeChannel channel = new FakeChannel();
    private AlertDelivery delivery;

    @AfterEach
    void close() {
        channel.releaseAll();
        if (delivery != null) {
            delivery.close();
        }
    }

    @Test
    void givenAChannelThatFailsNow_andThen_whenManyNoticesAreSent_thenEachIsDeliveredOnceAndInOrder() {
        channel.script(n -> n % 3 == 0 ? Outcome.fail("HTTP 503") : Outcome.OK);
        delivery = start(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(2), 10), 1000);
        List<OutageNotice> sent =
                IntStream.range(0, 200).mapToObj(AlertDeliveryTest::notice).toList();

        sent.forEach(delivery::enqueue);

        await().atMost(BOUND).until(() -> channel.delivered.size() == 200);
        delivery.close();
        assertThat(channel.delivered).containsExactlyElementsOf(sent);
        assertThat(channel.attempts.get()).as("every third attempt failed once").isEqualTo(299);
    }

    @Test
    void givenFailures_whenRetrying_thenTheWaitsDoubleUpToTheMaximum() {
        channel.script(n -> n <= 4 ? Outcome.fail("HTTP 500") : Outcome.OK);
        delivery = start(new RetryPolicy(Duration.ofMillis(40), Duration.ofMillis(100), 10), 10);

        delivery.enqueue(notice(1));

        await().atMost(BOUND).until(() -> channel.delivered.size() == 1);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < channel.attemptNanos.size(); i++) {
            gaps.add(TimeUnit.NANOSECONDS.toMillis(channel.attemptNanos.get(i) - channel.attemptNanos.get(i - 1)));
        }
        // Lower bounds only: a scheduled retry never runs early, though a busy machine may run it late.
        assertThat(gaps).hasSize(4);
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(40);
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(80);
        assertThat(gaps.get(2)).isGreaterThanOrEqualTo(100);
        assertThat(gaps.get(3)).isGreaterThanOrEqualTo(100);
    }

    @Test
    void givenANoticeThatExhaustsItsAttempts_thenItIsDroppedCountedAndCriticalUntilTheNextOneIsDelivered() {
        CountDownLatch secondNotice = new CountDownLatch(1);
        channel.script(n -> n <= 3 ? Outcome.fail("HTTP 500") : Outcome.after(secondNotice));
        delivery = start(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 3), 10);

        delivery.enqueue(notice(1));
        delivery.enqueue(notice(2));

        await().atMost(BOUND).until(() -> channel.attempts.get() == 4);
        assertThat(delivery.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Alert.Severity.CRITICAL);
            assertThat(alert.message())
                    .isEqualTo(
                            "Test alert delivery failing: HTTP 500 after 3 attempts; 1 notice waiting; 1 notice dropped");
        });
        secondNotice.countDown();
        await().atMost(BOUND).until(() -> delivery.alerts().isEmpty());
        assertThat(channel.delivered).containsExactly(notice(2));
    }

    @Test
    void givenARetryScheduledFarAhead_whenClosed_thenWhatIsQueuedIsDeliveredAtOnce() {
        channel.script(n -> n == 1 ? Outcome.fail("HTTP 502") : Outcome.OK);
        delivery = start(new RetryPolicy(Duration.ofMinutes(10), Duration.ofMinutes(10), 10), 10);
        delivery.enqueue(notice(1));
        delivery.enqueue(notice(2));
        await().atMost(BOUND).until(() -> !delivery.alerts().isEmpty());

        assertTimeoutPreemptively(Duration.ofSeconds(5), delivery::close);

        assertThat(channel.delivered).containsExactly(notice(1), notice(2));
        assertThat(delivery.alerts()).isEmpty();
    }

    @Test
    void givenAChannelThatHangs_whenClosed_thenCloseReturnsWithinItsBoundAndLaterNoticesAreDroppedQuietly() {
        channel.script(n -> Outcome.after(new CountDownLatch(1)));
        delivery = new AlertDelivery(
                "Test",
                "alerts.test",
                channel,
                new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 3),
                clock,
                10,
                Duration.ofMillis(200));
        delivery.enqueue(notice(1));
        await().atMost(BOUND).until(() -> channel.attempts.get() == 1);

        assertTimeoutPreemptively(Duration.ofSeconds(5), delivery::close);

        assertThatCode(() -> delivery.enqueue(notice(2))).doesNotThrowAnyException();
        assertThat(delivery.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Alert.Severity.CRITICAL);
            // whether the hung attempt's interruption is reported as a failure first is a race: either wording
            assertThat(alert.message()).containsPattern("2 notices dropped|dropped 2 notices");
        });
        assertThat(channel.delivered).isEmpty();
    }

    @Test
    void givenAChannelThatThrowsWithASecretInItsMessage_thenTheAlertNamesOnlyTheExceptionType() {
        channel.script(n -> {
            throw new IllegalStateException("cannot post to https://hooks.example/T0/B0/secret-token");
        });
        delivery = start(new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 100), 10);

        delivery.enqueue(notice(1));

        await().atMost(BOUND).until(() -> !delivery.alerts().isEmpty());
        assertThat(delivery.alerts().get(0).message())
                .startsWith("Test alert delivery failing: unexpected java.lang.IllegalStateException after")
                .doesNotContain("secret-token");
    }

    @Test
    void whenANullNoticeIsSent_thenNothingHappens() {
        delivery = start(RetryPolicy.DEFAULT, 10);

        assertThatCode(() -> delivery.enqueue(null)).doesNotThrowAnyException();

        assertThat(delivery.alerts()).isEmpty();
        assertThat(channel.attempts.get()).isZero();
    }

    private AlertDelivery start(RetryPolicy retry, int capacity) {
        return new AlertDelivery("Test", "alerts.test", channel, retry, clock, capacity, Duration.ofSeconds(5));
    }

    private static OutageNotice notice(int i) {
        return OutageScript.opening(CarrierId.SMSA, i);
    }

    /** What the fake channel does with an attempt: succeed, fail, or wait for a gate and then succeed. */
    private record Outcome(String failure, CountDownLatch gate) {

        static final Outcome OK = new Outcome(null, null);

        static Outcome fail(String reason) {
            return new Outcome(reason, null);
        }

        static Outcome after(CountDownLatch gate) {
            return new Outcome(null, gate);
        }
    }

    /** A channel that does what the test scripts for the n-th attempt (1-based) and records what it delivered. */
    private static final class FakeChannel implements AlertDelivery.Channel {

        final List<OutageNotice> delivered = new CopyOnWriteArrayList<>();
        final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();
        private volatile IntFunction<Outcome> script = n -> Outcome.OK;

        void script(IntFunction<Outcome> script) {
            this.script = script;
        }

        void releaseAll() {
            gates.forEach(CountDownLatch::countDown);
        }

        @Override
        public void deliver(OutageNotice notice) throws AlertDelivery.DeliveryFailure {
            attemptNanos.add(System.nanoTime());
            Outcome outcome = script.apply(attempts.get() + 1);
            attempts.incrementAndGet();
            if (outcome.gate() != null) {
                gates.add(outcome.gate());
                try {
                    outcome.gate().await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AlertDelivery.DeliveryFailure("interrupted");
                }
            }
            if (outcome.failure() != null) {
                throw new AlertDelivery.DeliveryFailure(outcome.failure());
            }
            delivered.add(notice);
        }
    }
}
