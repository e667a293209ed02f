package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The numbers of a breaker's entry: seconds as plain decimals, never negative, 0 when never failed. */
class MonitoringReportResponseTest {

    private static final Instant NOW = Instant.parse("2025-12-28T10:30:00Z");

    @ParameterizedTest(name = "{0} ms since the last failure -> {1}")
    @CsvSource({"12500, 12.5", "120000, 120", "1, 0.001", "59999, 59.999", "3600000, 3600"})
    void givenAFailureSomeTimeAgo_whenMapped_thenTimeSinceIsPlainSecondsToTheMillisecond(long millis, String seconds) {
        MonitoringReportResponse.Breaker breaker =
                MonitoringReportResponse.Breaker.from(closed(Optional.of(NOW.minusMillis(millis))));

        assertThat(breaker.timeSinceLastFailure().toString()).isEqualTo(seconds);
    }

    @Test
    void givenNoFailureEver_whenMapped_thenLastFailureTimeIsNullAndTimeSinceIsZero() {
        MonitoringReportResponse.Breaker breaker = MonitoringReportResponse.Breaker.from(closed(Optional.empty()));

        assertThat(breaker.lastFailureTime()).isNull();
        assertThat(breaker.timeSinceLastFailure().toString()).isEqualTo("0");
    }

    @Test
    void givenAFailureStampedAfterTheSnapshot_whenMapped_thenTimeSinceIsZeroNotNegative() {
        MonitoringReportResponse.Breaker breaker =
                MonitoringReportResponse.Breaker.from(closed(Optional.of(NOW.plusSeconds(2))));

        assertThat(breaker.timeSinceLastFailure().toString()).isEqualTo("0");
    }

    @Test
    void givenAnOpenBreakerWithAFractionOfASecondLeft_whenMapped_thenRetryAfterIsRoundedUp() {
        Instant opened = NOW.minusMillis(119_400);
        CircuitSnapshot open = new CircuitSnapshot(
                CarrierId.ARAMEX,
                CircuitState.OPEN,
                3,
                0,
                Optional.of(opened),
                opened,
                Duration.ofSeconds(120),
                NOW,
                Optional.empty(),
                Optional.empty());

        MonitoringReportResponse.Breaker breaker = MonitoringReportResponse.Breaker.from(open);

        assertThat(breaker.state()).isEqualTo("open");
        assertThat(breaker.retryAfterSeconds()).isEqualTo(1);
        assertThat(breaker.shouldAttemptReset()).isFalse();
        assertThat(breaker.recoveryTimeoutSeconds().toString()).isEqualTo("120");
    }

    @Test
    void givenABreakerHeldOpenWithoutAnEnd_whenMapped_thenRetryAfterIsNullAndTheOrderIsShown() {
        Instant since = NOW.minusSeconds(600);
        CircuitSnapshot held = forcedOpen(since, Optional.empty());

        MonitoringReportResponse.Breaker breaker = MonitoringReportResponse.Breaker.from(held);

        assertThat(breaker.retryAfterSeconds()).as("no trial will come").isNull();
        assertThat(breaker.override())
                .isEqualTo(
                        new MonitoringReportResponse.OverrideEntry("forced_open", "nora", "maintenance", since, null));
    }

    @Test
    void givenABreakerHeldOpenUntilAnInstant_whenMapped_thenRetryAfterCountsToIt() {
        Instant until = NOW.plusMillis(90_500);
        CircuitSnapshot held = forcedOpen(NOW, Optional.of(until));

        MonitoringReportResponse.Breaker breaker = MonitoringReportResponse.Breaker.from(held);

        assertThat(breaker.retryAfterSeconds()).isEqualTo(91);
        assertThat(breaker.override().until()).isEqualTo(until);
    }

    /** Held open by the operator nora since {@code since}, until {@code until} where it has an end. */
    private static CircuitSnapshot forcedOpen(Instant since, Optional<Instant> until) {
        return new CircuitSnapshot(
                CarrierId.ARAMEX,
                CircuitState.FORCED_OPEN,
                0,
                0,
                Optional.empty(),
                since,
                Duration.ofSeconds(120),
                NOW,
                Optional.empty(),
                Optional.of(new OperatorOverride(CircuitState.FORCED_OPEN, "nora", "maintenance", until)));
    }

    private static CircuitSnapshot closed(Optional<Instant> lastFailure) {
        return new CircuitSnapshot(
                CarrierId.ARAMEX,
                CircuitState.CLOSED,
                0,
                0,
                lastFailure,
                Instant.parse("2025-12-28T08:00:00Z"),
                Duration.ofSeconds(120),
                NOW,
                Optional.empty(),
                Optional.empty());
    }
}
