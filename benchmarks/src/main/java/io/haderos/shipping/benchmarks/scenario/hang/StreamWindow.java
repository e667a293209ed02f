package io.haderos.shipping.benchmarks.scenario.hang;

import io.haderos.shipping.benchmarks.driver.Exchange;
import io.haderos.shipping.benchmarks.driver.LatencySummary;
import java.time.Duration;
import java.util.List;

/**
 * One stream's requests that were meant to start within one window.
 *
 * @param offered requests due in the window
 * @param ok of those, answered with 2xx
 * @param unanswered of those, never answered (failure, client timeout, or not sent at the driver's limit)
 * @param notSent of the unanswered, those the driver did not send because too many requests were in flight
 * @param waitedTimeout of those, the ones that took at least the carrier timeout
 * @param latency latencies from the intended start, of every request sent (answered or not)
 */
public record StreamWindow(
        int offered, int ok, int unanswered, int notSent, int waitedTimeout, LatencySummary latency) {

    /** Nothing offered. */
    public static final StreamWindow EMPTY = new StreamWindow(0, 0, 0, 0, 0, LatencySummary.EMPTY);

    /** Summarises {@code exchanges}; {@code timeout} is the carrier timeout. */
    public static StreamWindow of(List<Exchange> exchanges, Duration timeout) {
        int ok = 0;
        int unanswered = 0;
        int waited = 0;
        long[] latencies = new long[exchanges.size()];
        int sent = 0;
        for (Exchange exchange : exchanges) {
            if (exchange.ok()) {
                ok++;
            }
            if (!exchange.answered()) {
                unanswered++;
            }
            if (exchange.latencyNanos() >= timeout.toNanos()) {
                waited++;
            }
            if (exchange.sent()) {
                latencies[sent++] = exchange.latencyNanos();
            }
        }
        return new StreamWindow(
                exchanges.size(),
                ok,
                unanswered,
                exchanges.size() - sent,
                waited,
                LatencySummary.of(java.util.Arrays.copyOf(latencies, sent)));
    }

    /** The share of offered requests answered with 2xx; 1 when nothing was offered. */
    public double okShare() {
        return offered == 0 ? 1 : (double) ok / offered;
    }
}
