package io.haderos.shipping.application.service;

import static io.haderos.shipping.domain.testing.Await.await;
import static io.haderos.shipping.domain.testing.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.application.port.in.OverrideCircuitBreakerCommand;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.FleetOverride;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.FleetOverrideStore;
import io.haderos.shipping.domain.port.out.FleetOverrideStoreUnavailableException;
import io.haderos.shipping.domain.testing.InMemoryFleetOverrideStore;
import io.haderos.shipping.domain.testing.ManualScheduler;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OverrideCircuitBreakerServiceTest {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final String OPS = "ops@haderos.io";

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final FakeCircuitBreakers breakers = new FakeCircuitBreakers(clock.instant(), ARAMEX, CarrierId.SMSA);
    private final InMemoryFleetOverrideStore store = new InMemoryFleetOverrideStore();
    private final OverrideCircuitBreakerService service = service(store);

    private OverrideCircuitBreakerService service(FleetOverrideStore overrides) {
        FleetOverrideSync sync =
                new FleetOverrideSync(overrides, breakers, new ManualScheduler(clock), Runnable::run, clock);
        return new OverrideCircuitBreakerService(overrides, sync, breakers, clock, Runnable::run);
    }

    @ParameterizedTest
    @EnumSource(
            value = CircuitState.class,
            names = {"FORCED_OPEN", "DISABLED", "CLOSED"})
    void givenAConfiguredCarrier_whenOverriding_thenTheOrderIsStoredForTheFleetAndAppliedHereAtOnce(
            CircuitState target) {
        CircuitSnapshot after =
                await(service.override(new OverrideCircuitBreakerCommand(ARAMEX, target, OPS, "planned")));

        assertThat(after.carrier()).isEqualTo(ARAMEX);
        assertThat(after.state()).isEqualTo(target);
        OperatorOverride order = new OperatorOverride(target, OPS, "planned");
        assertThat(breakers.applied()).containsExactly(order);
        assertThat(store.latest()).containsExactly(new FleetOverride(ARAMEX, 1, order, clock.instant()));
    }

    @Test
    void givenAMaintenanceWindow_whenForcingOpen_thenItsEndIsStoredAndShown() {
        Instant until = clock.instant().plus(Duration.ofHours(1));

        CircuitSnapshot after = await(service.override(new OverrideCircuitBreakerCommand(
                ARAMEX, CircuitState.FORCED_OPEN, OPS, "Aramex maintenance", Optional.of(until))));

        assertThat(after.override()).map(order -> order.until().orElseThrow()).contains(until);
        assertThat(store.latest())
                .singleElement()
                .satisfies(stored -> assertThat(stored.order().until()).contains(until));
    }

    @Test
    void givenOpenWithFaults_whenClosed_thenTheReturnedSnapshotHasNoFaults() {
        breakers.set(ARAMEX, CircuitState.OPEN, 3);

        CircuitSnapshot after = await(service.override(
                new OverrideCircuitBreakerCommand(ARAMEX, CircuitState.CLOSED, OPS, "carrier confirmed recovery")));

        assertThat(after.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(after.failureCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -60, 30L * 24 * 3600 + 1})
    void givenAnEndNowInThePastOrBeyondThirtyDays_whenOverriding_thenRefusedNamingUntilAndNothingStored(
            long secondsAhead) {
        Optional<Instant> until = Optional.of(clock.instant().plusSeconds(secondsAhead));

        Throwable thrown = catchThrowable(() -> service.override(
                new OverrideCircuitBreakerCommand(ARAMEX, CircuitState.FORCED_OPEN, OPS, "window", until)));

        assertRefusedNaming(thrown, "until");
        assertThat(store.latest()).isEmpty();
        assertThat(breakers.applied()).isEmpty();
    }

    @Test
    void givenAnEndOnAClose_whenCommanding_thenRefusedNamingUntil() {
        assertRefused(
                () -> new OverrideCircuitBreakerCommand(
                        ARAMEX,
                        CircuitState.CLOSED,
                        OPS,
                        "over",
                        Optional.of(clock.instant().plusSeconds(60))),
                "until");
    }

    @Test
    void givenACarrierWithoutABreaker_whenOverriding_thenUnknownCarrierAndNothingStored() {
        Throwable thrown = catchThrowable(() -> service.override(
                new OverrideCircuitBreakerCommand(CarrierId.of("dhl"), CircuitState.FORCED_OPEN, OPS, "planned")));

        assertThat(thrown).isInstanceOf(UnknownCarrierException.class).hasMessageContaining("dhl");
        assertThat(breakers.applied()).isEmpty();
        assertThat(store.latest()).isEmpty();
    }

    @Test
    void givenTheStoreCannotBeReached_whenOverriding_thenItFailsAndNothingIsApplied() {
        FleetOverrideStore away = new FleetOverrideStore() {
            @Override
            public FleetOverride record(CarrierId carrier, OperatorOverride order, Instant at) {
                throw new FleetOverrideStoreUnavailableException("database away", null);
            }

            @Override
            public List<FleetOverride> latest() {
                throw new FleetOverrideStoreUnavailableException("database away", null);
            }
        };

        Throwable thrown = catchThrowable(() -> await(
                service(away).override(new OverrideCircuitBreakerCommand(ARAMEX, CircuitState.FORCED_OPEN, OPS, "x"))));

        assertThat(thrown).isInstanceOf(FleetOverrideStoreUnavailableException.class);
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
        assertRefusedNaming(build::run, field);
    }
}
