package io.haderos.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.CircuitBreakers;
import io.haderos.shipping.domain.testing.ManualScheduler;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** docs/architecture.md#slowness-and-hangs: a breaker due for a trial gets the gateway's own probe when no client call comes within a second. */
class TrialProbesTest {

    private static final Duration T = Duration.ofSeconds(20);

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final ScriptedCarrier aramex = new ScriptedCarrier(CarrierId.ARAMEX);
    private final List<String> probed = new CopyOnWriteArrayList<>();
    private CircuitState state = CircuitState.CLOSED;
    private Instant stateSince = clock.instant();
    private final CircuitBreakers breakers = new CircuitBreakers() {
        @Override
        public List<CircuitSnapshot> snapshots() {
            return List.of(snapshot(CarrierId.ARAMEX).orElseThrow());
        }

        @Override
        public Optional<CircuitSnapshot> snapshot(CarrierId carrier) {
            return Optional.of(new CircuitSnapshot(
                    carrier,
                    state,
                    3,
                    0,
                    Optional.empty(),
                    stateSince,
                    T,
                    clock.instant(),
                    Optional.empty(),
                    Optional.empty()));
        }
    };
    private final TrialProbes probes = new TrialProbes(
                    List.of(aramex),
                    breakers,
                    new CarrierCallObserver() {
                        @Override
                        public void called(
                                CarrierId carrier,
                                CarrierOperation operation,
                                AttemptOutcome outcome,
                                Duration elapsed) {}

                        @Override
                        public void fellBack(CarrierOperation operation, CarrierId from, CarrierId to) {}

                        @Override
                        public void probed(CarrierId carrier, AttemptOutcome outcome) {
                            probed.add(carrier + " " + outcome);
                        }
                    },
                    scheduler,
                    clock)
            .start();

    @AfterEach
    void stop() {
        probes.close();
    }

    private void becomes(CircuitState next) {
        state = next;
        stateSince = clock.instant();
    }

    @Test
    void givenClosed_thenNoProbeIsEverSent() {
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(aramex.probes()).isZero();
    }

    @Test
    void givenOpen_thenTheFirstProbeGoesOneSecondAfterTheTrialFallsDue() {
        becomes(CircuitState.OPEN);

        scheduler.advance(T.plusMillis(999));
        assertThat(aramex.probes()).isZero();
        scheduler.advance(Duration.ofMillis(250));

        assertThat(aramex.probes()).isEqualTo(1);
        assertThat(probed).containsExactly("aramex SUCCESS");
    }

    @Test
    void givenAProbeInFlight_thenNoSecondOneIsSent_andTheNextWaitsASecondAfterItEnds() {
        aramex.thenHold();
        becomes(CircuitState.OPEN);
        scheduler.advance(T.plusSeconds(1));
        assertThat(aramex.probes()).isEqualTo(1);

        scheduler.advance(Duration.ofSeconds(10));
        assertThat(aramex.probes()).isEqualTo(1);

        aramex.held().get(0).fail(CarrierUnavailableException.slow(CarrierId.ARAMEX, Duration.ofSeconds(3)));
        assertThat(probed).containsExactly("aramex SLOW");
        scheduler.advance(Duration.ofMillis(750));
        assertThat(aramex.probes()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(500));
        assertThat(aramex.probes()).isEqualTo(2);
    }

    @Test
    void givenHalfOpenAfterAClientsTrial_thenAProbeFollowsASecondLater_untilTheBreakerCloses() {
        becomes(CircuitState.HALF_OPEN);

        scheduler.advance(Duration.ofMillis(1_250));
        assertThat(aramex.probes()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1_250));
        assertThat(aramex.probes()).isEqualTo(2);

        becomes(CircuitState.CLOSED);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(aramex.probes()).isEqualTo(2);
    }

    @Test
    void givenACarrierWithNothingToAsk_thenNothingIsSentAndNothingBreaks() {
        aramex.withoutProbe();
        becomes(CircuitState.OPEN);

        scheduler.advance(T.plusSeconds(10));

        assertThat(aramex.calls()).isZero();
        assertThat(probed).isEmpty();
    }

    @Test
    void givenAProbeThatFails_thenItsOutcomeIsReported() {
        aramex.thenFail(() -> new CarrierUnavailableException(CarrierId.ARAMEX, Reason.CONNECTION_REFUSED, "down"));
        becomes(CircuitState.OPEN);

        scheduler.advance(T.plusSeconds(1));

        assertThat(probed).containsExactly("aramex CONNECTION_REFUSED");
    }
}
