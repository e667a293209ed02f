package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.MonitoringReport;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code {"circuit_breakers":{"aramex":{…}},"alerts":[…],"timestamp":"2025-12-28T10:30:00Z","held_orders":0}}
 * (docs/architecture.md#rest-contract). {@code circuit_breakers} is keyed by carrier, in the configured order;
 * {@code held_orders} counts the orders awaiting an operator's resolution (the count only: the list is for operators).
 */
record MonitoringReportResponse(
        Map<String, Breaker> circuitBreakers, List<AlertEntry> alerts, Instant timestamp, long heldOrders) {

    static MonitoringReportResponse from(MonitoringReport report) {
        Map<String, Breaker> breakers = new LinkedHashMap<>();
        report.breakers().forEach(snapshot -> breakers.put(snapshot.carrier().value(), Breaker.from(snapshot)));
        return new MonitoringReportResponse(
                breakers,
                report.alerts().stream().map(AlertEntry::from).toList(),
                report.timestamp(),
                report.heldOrders());
    }

    /**
     * One breaker. The six names of docs/architecture.md#rest-contract come first; the rest are extras.
     *
     * @param timeSinceLastFailure seconds, to the millisecond ({@code 12.5}, {@code 300}); 0 when it never failed
     * @param retryAfterSeconds    whole seconds, rounded up, until calls may reach the carrier again by themselves: an
     *                             open breaker's trial, or the end of an operator's order; 0 when they may now; null
     *                             when nothing will let them through on its own (held open until an operator closes it)
     * @param stateSince           when the breaker entered its state (for open: when the recovery timer started)
     * @param recoveryTimeoutSeconds how long an open breaker waits before a trial, in seconds
     * @param override             the operator's order holding the breaker forced open or disabled; null otherwise
     */
    record Breaker(
            String state,
            int failureCount,
            int successCount,
            Instant lastFailureTime,
            BigDecimal timeSinceLastFailure,
            boolean shouldAttemptReset,
            Long retryAfterSeconds,
            Instant stateSince,
            BigDecimal recoveryTimeoutSeconds,
            OverrideEntry override) {

        static Breaker from(CircuitSnapshot snapshot) {
            return new Breaker(
                    snapshot.state().name().toLowerCase(Locale.ROOT),
                    snapshot.failureCount(),
                    snapshot.successCount(),
                    snapshot.lastFailureTime().orElse(null),
                    seconds(snapshot.timeSinceLastFailure()),
                    snapshot.shouldAttemptReset(),
                    snapshot.retryAfter()
                            .map(CarrierUnavailableException::secondsRoundedUp)
                            .orElse(null),
                    snapshot.stateSince(),
                    seconds(snapshot.recoveryTimeout()),
                    snapshot.override()
                            .map(order -> OverrideEntry.from(order, snapshot.stateSince()))
                            .orElse(null));
        }

        /** Seconds to the millisecond, without trailing zeros; never negative (a clock stepping back). */
        private static BigDecimal seconds(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                return BigDecimal.ZERO;
            }
            BigDecimal seconds = BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros();
            return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
        }
    }

    /**
     * {@code {"state":"forced_open","actor":"nora","reason":"…","since":"…","until":"…"}}: who holds the breaker, why,
     * since when on this instance, and when the order ends ({@code until} null when only an operator ends it).
     */
    record OverrideEntry(String state, String actor, String reason, Instant since, Instant until) {

        static OverrideEntry from(OperatorOverride order, Instant since) {
            return new OverrideEntry(
                    order.target().name().toLowerCase(Locale.ROOT),
                    order.actor(),
                    order.reason(),
                    since,
                    order.until().orElse(null));
        }
    }

    /** {@code {"breaker":"aramex","severity":"critical","message":"…","since":"…"}}. */
    record AlertEntry(String breaker, String severity, String message, Instant since) {

        static AlertEntry from(Alert alert) {
            return new AlertEntry(
                    alert.breaker(), alert.severity().name().toLowerCase(Locale.ROOT), alert.message(), alert.since());
        }
    }
}
