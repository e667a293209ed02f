package io.haderos.shipping.adapter.resilience4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.CircuitBreakerOverrides;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The {@link CircuitBreakerOverrides} port on the real breakers: effect at once, audited with the actor. */
class Resilience4jCircuitBreakersTest {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final String OPS = "ops@haderos.io";
    private static final RateRequest REQUEST = RateRequest.of(
            Address.of(CountryCode.of("SA"), "Riyadh"),
            Address.of(CountryCode.of("AE"), "Dubai"),
            Weight.ofKilograms("1.5"));

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final List<CircuitStateChanged> transitions = new CopyOnWriteArrayList<>();
    private final ScriptedCarrier aramex = new ScriptedCarrier(ARAMEX);
    private final CarrierCircuitBreaker aramexBreaker =
            CarrierCircuitBreaker.create(ARAMEX, CircuitBreakerSettings.DEFAULTS, clock, transitions::add);
    private final CarrierCircuitBreaker smsaBreaker =
            CarrierCircuitBreaker.create(SMSA, CircuitBreakerSettings.DEFAULTS, clock, transitions::add);
    private final ShippingCarrier guardedAramex = new GuardedCarrier(aramexBreaker, aramex);
    private final Resilience4jCircuitBreakers breakers =
            new Resilience4jCircuitBreakers(List.of(aramexBreaker, smsaBreaker));

    @Test
    void givenClosed_whenForcedOpen_thenCallsFailFastWithoutReachingTheCarrier() {
        Optional<CircuitSnapshot> after = breakers.apply(ARAMEX, override(CircuitState.FORCED_OPEN, "maintenance"));

        Throwable thrown = catchThrowable(() -> guardedAramex.quoteRates(REQUEST));

        assertThat(after).get().extracting(CircuitSnapshot::state).isEqualTo(CircuitState.FORCED_OPEN);
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        CarrierUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
        assertThat(aramex.calls()).isZero();
        assertThat(breakers.snapshot(SMSA))
                .get()
                .extracting(CircuitSnapshot::state)
                .isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void givenAnOverride_thenTheTransitionCarriesTheActorAndTheReasonAsItsCause() {
        breakers.apply(ARAMEX, override(CircuitState.FORCED_OPEN, "Aramex maintenance window"));

        assertThat(transitions).singleElement().satisfies(t -> {
            assertThat(t.carrier()).isEqualTo(ARAMEX);
            assertThat(t.from()).isEqualTo(CircuitState.CLOSED);
            assertThat(t.to()).isEqualTo(CircuitState.FORCED_OPEN);
            assertThat(t.actor()).contains(OPS);
            assertThat(t.cause()).isEqualTo("operator override: Aramex maintenance window");
            assertThat(t.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void givenTwoFaults_whenClosedByAnOperator_thenTheCountsAreClearedAndTheReturnedSnapshotSaysSo() {
        fault();
        fault();
        assertThat(breakers.snapshot(ARAMEX))
                .get()
                .extracting(CircuitSnapshot::failureCount)
                .isEqualTo(2);

        Optional<CircuitSnapshot> after = breakers.apply(ARAMEX, override(CircuitState.CLOSED, "counts were noise"));

        assertThat(after).get().satisfies(s -> {
            assertThat(s.state()).isEqualTo(CircuitState.CLOSED);
            assertThat(s.failureCount()).isZero();
            assertThat(s.successCount()).isZero();
        });
        fault();
        fault();
        assertThat(breakers.snapshot(ARAMEX))
                .get()
                .extracting(CircuitSnapshot::state)
                .as("two faults after the reset do not reach the threshold of three")
                .isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void givenForcedOpen_whenClosedByAnOperator_thenCallsFlowAgainAndBothTransitionsAreAudited() {
        breakers.apply(ARAMEX, override(CircuitState.FORCED_OPEN, "maintenance"));

        breakers.apply(ARAMEX, new OperatorOverride(CircuitState.CLOSED, "oncall", "maintenance over"));

        aramex.thenSucceed();
        assertThat(guardedAramex.quoteRates(REQUEST)).isNotEmpty();
        assertThat(transitions)
                .extracting(CircuitStateChanged::to, t -> t.actor().orElseThrow(), CircuitStateChanged::sequence)
                .containsExactly(tuple(CircuitState.FORCED_OPEN, OPS, 1L), tuple(CircuitState.CLOSED, "oncall", 2L));
    }

    @Test
    void givenDisabled_whenTheCarrierFails_thenCallsStillGoThroughAndNothingIsCounted() {
        Optional<CircuitSnapshot> after =
                breakers.apply(ARAMEX, override(CircuitState.DISABLED, "breaker misbehaving"));
        for (int i = 0; i < 4; i++) {
            fault();
        }

        assertThat(after).get().extracting(CircuitSnapshot::state).isEqualTo(CircuitState.DISABLED);
        assertThat(aramex.calls()).isEqualTo(4);
        assertThat(breakers.snapshot(ARAMEX)).get().satisfies(s -> {
            assertThat(s.state()).isEqualTo(CircuitState.DISABLED);
            assertThat(s.failureCount()).isZero();
        });
    }

    @Test
    void givenTheLongestReasonAllowed_whenOverriding_thenTheTransitionStillReachesTheListener() {
        String reason = "r".repeat(OperatorOverride.MAX_REASON_CHARS);

        breakers.apply(ARAMEX, override(CircuitState.FORCED_OPEN, reason));

        assertThat(transitions)
                .as("the transition still reaches the listener, its cause cut to fit")
                .singleElement()
                .satisfies(t -> assertThat(t.cause())
                        .hasSize(500)
                        .startsWith("operator override: rrr")
                        .endsWith("r…"));
    }

    @Test
    void givenACarrierWithoutABreaker_whenOverriding_thenEmptyAndNoBreakerMoves() {
        Optional<CircuitSnapshot> after =
                breakers.apply(CarrierId.of("dhl"), override(CircuitState.FORCED_OPEN, "wrong carrier"));

        assertThat(after).isEmpty();
        assertThat(transitions).isEmpty();
        assertThat(breakers.snapshots()).extracting(CircuitSnapshot::state).containsOnly(CircuitState.CLOSED);
    }

    private static OperatorOverride override(CircuitState target, String reason) {
        return new OperatorOverride(target, OPS, reason);
    }

    private void fault() {
        aramex.thenFail(() -> new CarrierUnavailableException(ARAMEX, Reason.TIMEOUT, "no answer within 10 s"));
        assertThat(catchThrowable(() -> guardedAramex.quoteRates(REQUEST)))
                .isInstanceOf(CarrierUnavailableException.class);
    }
}
