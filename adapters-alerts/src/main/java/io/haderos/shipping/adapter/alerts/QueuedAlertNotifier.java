package io.haderos.shipping.adapter.alerts;

import io.haderos.shipping.application.port.out.AlertSource;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.OutageNotice;
import io.haderos.shipping.domain.port.out.AlertNotifier;
import java.time.Clock;
import java.util.List;

/**
 * What every notifier does the same way whatever its channel: {@link #send} queues the notice on an
 * {@link AlertDelivery}, whose daemon thread delivers it through the channel with retries, and the delivery's own
 * trouble is reported by {@link #alerts()}.
 */
abstract class QueuedAlertNotifier implements AlertNotifier, AlertSource, AutoCloseable {

    private final AlertDelivery delivery;

    /**
     * A notifier named {@code channelName} for people whose own alerts carry {@code breaker} as their
     * {@link Alert#breaker()}, delivering through {@code channel} with the default queue capacity and close timeout.
     *
     * @throws NullPointerException when an argument is null
     */
    QueuedAlertNotifier(
            String channelName, String breaker, AlertDelivery.Channel channel, RetryPolicy retry, Clock clock) {
        this.delivery = new AlertDelivery(
                channelName,
                breaker,
                channel,
                retry,
                clock,
                AlertDelivery.DEFAULT_CAPACITY,
                AlertDelivery.DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * Queues the notice and returns at once. Never blocks and never throws: when 1,000 notices are already waiting,
     * this one is dropped and counted (see {@link #alerts()}).
     *
     * @param notice the notice; a null one is ignored
     */
    @Override
    public void send(OutageNotice notice) {
        delivery.enqueue(notice);
    }

    /**
     * One alert named after the notifier ({@code alerts.slack}, {@code alerts.email}) while the last delivery failed
     * (WARNING) or notices were dropped (CRITICAL), such as "Slack alert delivery failing: HTTP 500 after 3 attempts; 2
     * notices waiting" or "E-mail alert delivery failing: cannot connect to smtp.example.com:587 after 3 attempts; 2
     * notices waiting", dated from the first failure of the streak; empty again once a notice is delivered. Cheap and
     * non-blocking.
     *
     * @return zero or one alert
     */
    @Override
    public List<Alert> alerts() {
        return delivery.alerts();
    }

    /** Failed delivery attempts since start, retries included (for a metric). */
    public long failedAttempts() {
        return delivery.failedAttempts();
    }

    /** Notices given up on since start (for a metric). */
    public long droppedNotices() {
        return delivery.droppedNotices();
    }

    /**
     * Stops taking notices, delivers those still waiting (one try each, in order, at most 5 s in all) and stops the
     * delivery thread. Notices left undelivered are logged as dropped. Idempotent.
     */
    @Override
    public void close() {
        delivery.close();
    }
}
