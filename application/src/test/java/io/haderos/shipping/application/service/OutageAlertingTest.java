package io.haderos.shipping.application.service;

import static io.haderos.shipping.domain.circuit.CircuitState.CLOSED;
import static io.haderos.shipping.domain.circuit.CircuitState.DISABLED;
import static io.haderos.shipping.domain.circuit.CircuitState.HALF_OPEN;
import static io.haderos.shipping.domain.circuit.CircuitState.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.policy.OutageNotice;
import io.haderos.shipping.domain.policy.OutageNotice.Kind;
import io.haderos.shipping.domain.port.out.FleetOutages;
import io.haderos.shipping.domain.testing.InMemoryFleetOutages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** docs/architecture.md#one-notice-per-fleet: however many instances see an outage, people hear of it once. */
class OutageAlertingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final CarrierId ARAMEX = CarrierId.ARAMEX;

    private final InMemoryFleetOutages fleet = new InMemoryFleetOutages();
    private final List<OutageNotice> sent = new CopyOnWriteArrayList<>();

    private OutageAlerting instance(String instanceId) {
        return alerting(fleet.instance(instanceId));
    }

    private OutageAlerting alerting(FleetOutages outages) {
        return new OutageAlerting(outages, List.of(sent::add), Executors.newSingleThreadExecutor());
    }

    private long sequence;

    private void move(OutageAlerting instance, CircuitState from, CircuitState to, long secondsAfterT0) {
        instance.onTransition(new CircuitStateChanged(
                ARAMEX,
                from,
                to,
                T0.plusSeconds(secondsAfterT0),
                from + " to " + to,
                ++sequence,
                3,
                0,
                Optional.empty()));
    }

    @Test
    void givenTwoInstancesInOneOutage_thenOneOpeningAndOneRecoveryMeasuredFromTheFirstOpening() {
        OutageAlerting alpha = instance("alpha");
        OutageAlerting beta = instance("beta");

        move(alpha, CLOSED, OPEN, 0);
        alpha.close(); // the decision is made before beta's, as the two processes would do one after the other
        alpha = instance("alpha");
        move(beta, CLOSED, OPEN, 2);
        move(beta, OPEN, HALF_OPEN, 122);
        move(beta, HALF_OPEN, OPEN, 123);
        beta.close();
        beta = instance("beta");
        move(alpha, OPEN, HALF_OPEN, 120);
        move(alpha, HALF_OPEN, CLOSED, 121);
        alpha.close();
        move(beta, OPEN, HALF_OPEN, 243);
        move(beta, HALF_OPEN, CLOSED, 300);
        beta.close();

        assertThat(sent).extracting(OutageNotice::kind).containsExactly(Kind.OPENED, Kind.RECOVERED);
        assertThat(sent.get(0).at()).isEqualTo(T0);
        assertThat(sent.get(1).at()).isEqualTo(T0.plusSeconds(300));
        assertThat(sent.get(1).openFor()).contains(Duration.ofSeconds(300));
    }

    @Test
    void givenOneInstance_thenEachOutageIsOneOpeningAndOneRecoveryAsAlways() {
        OutageAlerting only = instance("only");

        move(only, CLOSED, OPEN, 0);
        move(only, OPEN, HALF_OPEN, 120);
        move(only, HALF_OPEN, CLOSED, 125);
        move(only, CLOSED, OPEN, 600);
        move(only, OPEN, CLOSED, 700);
        only.close();

        assertThat(sent)
                .extracting(OutageNotice::kind)
                .containsExactly(Kind.OPENED, Kind.RECOVERED, Kind.OPENED, Kind.RECOVERED);
        assertThat(sent.get(3).openFor()).contains(Duration.ofSeconds(100));
    }

    @Test
    void givenTheFleetCannotBeAsked_thenTheInstanceTellsPeopleItself() {
        OutageAlerting alone = alerting(new FleetOutages() {
            @Override
            public boolean joined(CarrierId carrier, Instant at) {
                throw new IllegalStateException("database away");
            }

            @Override
            public Optional<Instant> left(CarrierId carrier, Instant at) {
                throw new IllegalStateException("database away");
            }
        });

        move(alone, CLOSED, OPEN, 0);
        move(alone, OPEN, CLOSED, 60);
        alone.close();

        assertThat(sent).extracting(OutageNotice::kind).containsExactly(Kind.OPENED, Kind.RECOVERED);
        assertThat(sent.get(1).openFor()).contains(Duration.ofSeconds(60));
    }

    @Test
    void givenTheOnlyInstanceInTheOutageIsDisabled_thenTheOutageEndsSilentlyAndTheNextOpeningIsANewOne() {
        OutageAlerting alpha = instance("alpha");
        move(alpha, CLOSED, OPEN, 0);
        move(alpha, OPEN, DISABLED, 30);
        alpha.close();
        OutageAlerting beta = instance("beta");

        move(beta, CLOSED, OPEN, 60);
        beta.close();

        assertThat(sent).extracting(OutageNotice::kind).containsExactly(Kind.OPENED, Kind.OPENED);
        assertThat(sent.get(1).at()).isEqualTo(T0.plusSeconds(60));
    }
}
