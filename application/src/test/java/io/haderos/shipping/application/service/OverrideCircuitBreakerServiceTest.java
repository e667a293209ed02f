package io.haderos.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.application.port.in.OverrideCircuitBreakerCommand;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OverrideCircuitBreakerServiceTest {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final String OPS = "ops@haderos.io";

    private final FakeCircuitBreakers breakers =
            new FakeCircuitBreakers(Instant.parse("2026-01-05T10:00:00Z"), ARAMEX, CarrierId.SMSA);
    private final OverrideCircuitBreakerService service = new OverrideCircuitBreakerService(breakers);

    @ParameterizedTest
    @EnumSource(
            value = CircuitState.class,
            names = {"FORCED_OPEN", "DISABLED", "CLOSED"})
    void givenAConfiguredCarrier_whenOverriding_thenTheBreakersGetTheOrderAndTheNewSnapshotIsReturned(
            CircuitState target) {
        CircuitSnapshot after = service.override(new OverrideCircuitBreakerCommand(ARAMEX, target, OPS, "planned"));

        assertThat(after.carrier()).isEqualTo(ARAMEX);
        assertThat(after.state()).isEqualTo(target);
        assertThat(breakers.applied()).containsExactly(new OperatorOverride(target, OPS, "planned"));
    }

    @Test
    void givenOpenWithFaults_whenClosed_thenTheReturnedSnapshotHasNoFaults() {
        breakers.set(ARAMEX, CircuitState.OPEN, 3);

        CircuitSnapshot after = service.override(
                new OverrideCircuitBreakerCommand(ARAMEX, CircuitState.CLOSED, OPS, "carrier confirmed recovery"));

        assertThat(after.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(after.failureCount()).isZero();
    }

    @Test
    void givenACarrierWithoutABreaker_whenOverriding_thenUnknownCarrier() {
        Throwable thrown = catchThrowable(() -> service.override(
                new OverrideCircuitBreakerCommand(CarrierId.of("dhl"), CircuitState.FORCED_OPEN, OPS, "planned")));

        assertThat(thrown).isInstanceOf(UnknownCarrierException.class).hasMessageContaining("dhl");
        assertThat(breakers.applied()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = CircuitState.class,
            names = {"OPEN", "HALF_OPEN"})
    void givenAStateOnlyTheBreakerMayEnter_whenCommanding_thenRefusedNamingState(CircuitState target) {
        assertRefused(() -> new OverrideCircuitBreakerCommand(ARAMEX, target, OPS, "planned"), "state");
    }

    @Test
    void givenNoState_whenCommanding_thenRefusedNamingState() {
        assertRefused(() -> new OverrideCircuitBreakerCommand(ARAMEX, null, OPS, "planned"), "state");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void givenNoReason_whenCommanding_thenRefusedNamingReason(String reason) {
        assertRefused(() -> new OverrideCircuitBreakerCommand(ARAMEX, CircuitState.CLOSED, OPS, reason), "reason");
    }

    @Test
    void givenAReasonLongerThanTheAuditTrailHolds_whenCommanding_thenRefusedNamingReason() {
        String tooLong = "r".repeat(OperatorOverride.MAX_REASON_CHARS + 1);

        assertRefused(() -> new OverrideCircuitBreakerCommand(ARAMEX, CircuitState.CLOSED, OPS, tooLong), "reason");
    }

    @Test
    void givenNoActor_whenCommanding_thenRefusedNamingActor() {
        assertRefused(() -> new OverrideCircuitBreakerCommand(ARAMEX, CircuitState.CLOSED, " ", "planned"), "actor");
    }

    @Test
    void givenPaddedText_whenCommanding_thenStripped() {
        OverrideCircuitBreakerCommand command = new OverrideCircuitBreakerCommand(
                ARAMEX, CircuitState.DISABLED, "  " + OPS + " ", " breaker misbehaving\n");

        assertThat(command.actor()).isEqualTo(OPS);
        assertThat(command.reason()).isEqualTo("breaker misbehaving");
        assertThat(command.toOverride())
                .isEqualTo(new OperatorOverride(CircuitState.DISABLED, OPS, "breaker misbehaving"));
    }

    private static void assertRefused(Runnable build, String field) {
        assertThat(catchThrowable(build::run))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
