package io.haderos.shipping.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.Alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private final AlertPolicy policy = new AlertPolicy();

    private static CircuitSnapshot breaker(String carrier, CircuitState state, Instant since) {
        return new CircuitSnapshot(
                CarrierId.of(carrier),
                state,
                state == CircuitState.CLOSED ? 0 : 3,
                0,
                Optional.of(since),
                since,
                Duration.ofSeconds(120),
                NOW,
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void givenAllClosed_thenNoAlerts() {
        assertThat(policy.alertsFor(List.of(
                        breaker("aramex", CircuitState.CLOSED, NOW), breaker("smsa", CircuitState.CLOSED, NOW))))
                .isEmpty();
    }

    @Test
    void givenOneOpen_thenOneCriticalAlertForItOnly() {
        Instant openedAt = NOW.minusSeconds(30);

        List<Alert> alerts = policy.alertsFor(
                List.of(breaker("aramex", CircuitState.OPEN, openedAt), breaker("smsa", CircuitState.CLOSED, NOW)));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.breaker()).isEqualTo("aramex");
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.since()).isEqualTo(openedAt);
            assertThat(alert.message()).contains("open").contains("90 s");
        });
    }

    @Test
    void givenHalfOpen_thenAWarning() {
        assertThat(policy.alertsFor(List.of(
                        breaker("aramex", CircuitState.HALF_OPEN, NOW), breaker("smsa", CircuitState.CLOSED, NOW))))
                .singleElement()
                .extracting(Alert::severity)
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void givenTheOnlyBreakerHalfOpen_thenAlsoAGatewayAlert_sinceShipmentsAreNeverTrials() {
        List<Alert> alerts = policy.alertsFor(List.of(breaker("aramex", CircuitState.HALF_OPEN, NOW)));

        assertThat(alerts).extracting(Alert::breaker).containsExactly("aramex", AlertPolicy.GATEWAY);
        assertThat(alerts.get(1).message()).contains("shipments");
    }

    /** Smsa stopped taking shipments 5 s ago, after aramex did; a shipment is never a trial, even a due one. */
    @ParameterizedTest(name = "aramex {0} for {1} s, smsa {2}")
    @CsvSource({"OPEN, 10, FORCED_OPEN", "OPEN, 120, OPEN"})
    void givenEveryBreakerBlockingShipments_thenAlsoACriticalGatewayAlertSinceTheLastOneStarted(
            CircuitState aramex, long aramexSeconds, CircuitState smsa) {
        List<Alert> alerts = policy.alertsFor(List.of(
                breaker("aramex", aramex, NOW.minusSeconds(aramexSeconds)),
                breaker("smsa", smsa, NOW.minusSeconds(5))));

        assertThat(alerts).extracting(Alert::breaker).containsExactly("aramex", "smsa", AlertPolicy.GATEWAY);
        assertThat(alerts.get(2).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alerts.get(2).since()).isEqualTo(NOW.minusSeconds(5));
    }

    @Test
    void givenOneBreakerOpenAndTheOtherDisabled_thenNoGatewayAlert() {
        List<Alert> alerts = policy.alertsFor(List.of(
                breaker("aramex", CircuitState.OPEN, NOW.minusSeconds(10)),
                breaker("smsa", CircuitState.DISABLED, NOW.minusSeconds(5))));

        assertThat(alerts).extracting(Alert::breaker).containsExactly("aramex", "smsa");
    }

    @Test
    void givenACarrierRefusingOurCredentials_thenACriticalAlertThoughTheBreakerIsClosed() {
        CircuitSnapshot refusing = new CircuitSnapshot(
                CarrierId.of("aramex"),
                CircuitState.CLOSED,
                0,
                0,
                Optional.empty(),
                NOW,
                Duration.ofSeconds(120),
                NOW,
                Optional.of(new io.haderos.shipping.domain.circuit.ConfigurationFault(
                        "ERR01 invalid username", NOW.minusSeconds(60))),
                Optional.empty());

        assertThat(policy.alertsFor(List.of(refusing))).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.message()).contains("configuration").contains("ERR01");
            assertThat(alert.since()).isEqualTo(NOW.minusSeconds(60));
        });
    }

    @Test
    void givenABreakerHeldOpenByAnOperatorWithoutAnEnd_thenTheAlertNamesThemAndPromisesNoTrial() {
        CircuitSnapshot held = heldOpen(Optional.empty());

        assertThat(policy.alertsFor(List.of(held))).first().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.message())
                    .contains("held open by nora (Aramex maintenance)")
                    .contains("until an operator closes it")
                    .doesNotContain("trial");
        });
    }

    @Test
    void givenABreakerHeldOpenUntilAnInstant_thenTheAlertSaysWhenCallsResume() {
        Instant until = NOW.plusSeconds(3600);

        assertThat(policy.alertsFor(List.of(heldOpen(Optional.of(until)))))
                .first()
                .extracting(Alert::message)
                .asString()
                .contains("calls resume at " + until)
                .doesNotContain("trial");
    }

    private static CircuitSnapshot heldOpen(Optional<Instant> until) {
        return new CircuitSnapshot(
                CarrierId.ARAMEX,
                CircuitState.FORCED_OPEN,
                0,
                0,
                Optional.empty(),
                NOW.minusSeconds(60),
                Duration.ofSeconds(120),
                NOW,
                Optional.empty(),
                Optional.of(new OperatorOverride(CircuitState.FORCED_OPEN, "nora", "Aramex maintenance", until)));
    }
}
