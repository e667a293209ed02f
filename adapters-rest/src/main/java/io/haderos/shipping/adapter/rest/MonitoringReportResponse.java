package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.MonitoringReport;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
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
 * {@code {"circuit_breakers":{"aramex":{…}},"alerts":[…],"timestamp":"2025-12-28T10:30:00Z"}}
 * (docs/architecture.md#rest-contract). {@code circuit_breakers} is keyed by carrier, in the configured order.
 */
record MonitoringReportResponse(Map<String, Breaker> circuitBreakers, List<AlertEntry> alerts, Instant timestamp) {

    static MonitoringReportResponse from(MonitoringReport report) {
        Map<String, Breaker> breakers = new LinkedHashMap<>();
        report.breakers().forEach(snapshot -> breakers.put(snapshot.carrier().value(), Breaker.from(snapshot)));
        return new MonitoringReportResponse(
                breakers, report.alerts().stream().map(AlertEntry::from).toList(), report.timestamp());
    }

    /**
     * One breaker. The six names of docs/architecture.md#rest-contract come first; the rest are extras.
     *
     * @param timeSinceLastFailure seconds, to the millisecond ({@code 12.5}, {@code 300}); 0 when it never failed
     * @param retryAfterSeconds    whole seconds, rounded up, until an open breaker allows a trial; 0 otherwise
     * @param stateSince           when the breaker entered its state (for open: when the recovery timer started)
     * @param recoveryTimeoutSeconds how long an open breaker waits before a trial, in seconds
     */
    record Breaker(
            String state,
            int failureCount,
            int successCount,
            Instant lastFailureTime,
            BigDecimal timeSinceLastFailure,
            boolean shouldAttemptReset,
            long retryAfterSeconds,
            Instant stateSince,
            BigDecimal recoveryTimeoutSeconds) {

        static Breaker from(CircuitSnapshot snapshot) {
            return new Breaker(
                    snapshot.state().name().toLowerCase(Locale.ROOT),
                    snapshot.failureCount(),
                    snapshot.successCount(),
                    snapshot.lastFailureTime().orElse(null),
                    seconds(snapshot.timeSinceLastFailure()),
                    snapshot.shouldAttemptReset(),
                    CarrierUnavailableException.secondsRoundedUp(snapshot.retryAfter()),
                    snapshot.stateSince(),
                    seconds(snapshot.recoveryTimeout()));
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

    /** {@code {"breaker":"aramex","severity":"critical","message":"…","since":"…"}}. */
    record AlertEntry(String breaker, String severity, String message, Instant since) {

        static AlertEntry from(Alert alert) {
            return new AlertEntry(
                    alert.breaker(), alert.severity().name().toLowerCase(Locale.ROOT), alert.message(), alert.since());
        }
    }
}
