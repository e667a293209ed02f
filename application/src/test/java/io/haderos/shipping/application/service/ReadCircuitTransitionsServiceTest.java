package io.haderos.shipping.application.service;

import static io.haderos.shipping.domain.testing.Await.await;
import static io.haderos.shipping.domain.testing.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.haderos.shipping.application.port.in.ClusterView;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsQuery;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.model.InstanceStatus;
import io.haderos.shipping.domain.port.out.TransitionHistory;
import io.haderos.shipping.domain.testing.InMemoryCircuitTransitionLog;
import io.haderos.shipping.domain.testing.InMemoryGatewayInstances;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadCircuitTransitionsServiceTest {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-01-05T12:00:00Z");
    private final InMemoryCircuitTransitionLog trail = new InMemoryCircuitTransitionLog("gw-1", clock);
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final FakeCircuitBreakers breakers = new FakeCircuitBreakers(clock.instant(), ARAMEX, SMSA);
    private final InMemoryGatewayInstances instances = new InMemoryGatewayInstances();
    private final ReadCircuitTransitionsService service = new ReadCircuitTransitionsService(
            askingHistory(), instances, Duration.ofSeconds(30), breakers, clock, Runnable::run);

    @Test
    void givenTransitionsOfTwoCarriers_whenReadingAramex_thenOnlyItsOwnNewestFirst() {
        record("gw-1", ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, 0);
        record("gw-1", SMSA, 1, CircuitState.CLOSED, CircuitState.OPEN, 30);
        record("gw-1", ARAMEX, 2, CircuitState.OPEN, CircuitState.HALF_OPEN, 120);
        record("gw-1", ARAMEX, 3, CircuitState.HALF_OPEN, CircuitState.CLOSED, 125);

        List<RecordedTransition> transitions = await(service.transitions(ReadCircuitTransitionsQuery.latest(ARAMEX)));

        assertThat(transitions)
                .extracting(r -> r.transition().carrier(), r -> r.transition().sequence())
                .containsExactly(tuple(ARAMEX, 3L), tuple(ARAMEX, 2L), tuple(ARAMEX, 1L));
    }

    @Test
    void givenAWindowAndALimit_whenReading_thenTheHistoryIsAskedForExactlyThat() {
        Optional<Instant> since = Optional.of(T0.plusSeconds(60));
        Optional<Instant> until = Optional.of(T0.plusSeconds(600));
        record("gw-1", ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, 0);
        record("gw-1", ARAMEX, 2, CircuitState.OPEN, CircuitState.HALF_OPEN, 120);
        record("gw-1", ARAMEX, 3, CircuitState.HALF_OPEN, CircuitState.OPEN, 121);
        record("gw-1", ARAMEX, 4, CircuitState.OPEN, CircuitState.HALF_OPEN, 600);

        List<RecordedTransition> transitions =
                await(service.transitions(new ReadCircuitTransitionsQuery(ARAMEX, since, until, 1)));

        assertThat(asked).containsExactly(new Asked(ARAMEX, since, until, 1));
        assertThat(transitions).extracting(r -> r.transition().sequence()).containsExactly(3L);
    }

    @Test
    void givenACarrierWithoutABreaker_whenReading_thenUnknownCarrierAndTheHistoryIsNotAsked() {
        Throwable thrown = catchThrowable(
                () -> await(service.transitions(ReadCircuitTransitionsQuery.latest(CarrierId.of("dhl")))));

        assertThat(thrown).isInstanceOf(UnknownCarrierException.class).hasMessageContaining("dhl");
        assertThat(asked).isEmpty();
    }

    @Test
    void givenAConfiguredCarrierWithoutHistory_whenReading_thenEmpty() {
        assertThat(await(service.transitions(ReadCircuitTransitionsQuery.latest(SMSA))))
                .isEmpty();
    }

    @Test
    void givenTwoInstances_whenViewingTheCluster_thenTheLatestOfEachBreakerByInstanceThenCarrier() {
        record("gw-2", SMSA, 1, CircuitState.CLOSED, CircuitState.OPEN, 10);
        record("gw-2", ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, 0);
        record("gw-1", ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, 0);
        record("gw-1", ARAMEX, 2, CircuitState.OPEN, CircuitState.HALF_OPEN, 120);
        record("gw-2", ARAMEX, 2, CircuitState.OPEN, CircuitState.FORCED_OPEN, 40);

        ClusterView cluster = await(service.cluster());

        assertThat(cluster.timestamp()).isEqualTo(clock.instant());
        assertThat(cluster.latest())
                .extracting(
                        RecordedTransition::instanceId,
                        r -> r.transition().carrier(),
                        r -> r.transition().to())
                .containsExactly(
                        tuple("gw-1", ARAMEX, CircuitState.HALF_OPEN),
                        tuple("gw-2", ARAMEX, CircuitState.FORCED_OPEN),
                        tuple("gw-2", SMSA, CircuitState.OPEN));
    }

    @Test
    void givenHeartbeats_whenViewingTheCluster_thenEachInstanceIsLiveStaleOrStoppedByThem() {
        instances.started(
                GatewayInstance.starting("gw-live", "alpha", clock.instant().minusSeconds(3600)));
        instances.seen("gw-live", clock.instant().minusSeconds(30));
        instances.started(
                GatewayInstance.starting("gw-killed", "beta", clock.instant().minusSeconds(3600)));
        instances.seen("gw-killed", clock.instant().minusSeconds(31));
        instances.started(
                GatewayInstance.starting("gw-stopped", "gamma", clock.instant().minusSeconds(3600)));
        instances.stopped("gw-stopped", clock.instant().minusSeconds(5));

        ClusterView cluster = await(service.cluster());

        assertThat(cluster.instances())
                .extracting(member -> member.instance().instanceId(), ClusterView.Member::status)
                .containsExactly(
                        tuple("gw-killed", InstanceStatus.STALE),
                        tuple("gw-live", InstanceStatus.LIVE),
                        tuple("gw-stopped", InstanceStatus.STOPPED));
        assertThat(cluster.member("gw-live"))
                .map(member -> member.instance().lastSeen())
                .contains(clock.instant().minusSeconds(30));
    }

    @Test
    void givenNoHistory_whenViewingTheCluster_thenNoInstances() {
        assertThat(await(service.cluster()).latest()).isEmpty();
    }

    @Test
    void givenNoLimit_thenFiftyOfTheLatest() {
        ReadCircuitTransitionsQuery query = ReadCircuitTransitionsQuery.latest(ARAMEX);

        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.since()).isEmpty();
        assertThat(query.until()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE})
    void givenALimitOutside1To1000_whenQuerying_thenRefusedNamingLimit(int limit) {
        Throwable thrown = catchThrowable(
                () -> new ReadCircuitTransitionsQuery(ARAMEX, Optional.empty(), Optional.empty(), limit));

        assertRefusedNaming(thrown, "limit");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000})
    void givenTheBoundsOfTheLimit_whenQuerying_thenAccepted(int limit) {
        assertThat(new ReadCircuitTransitionsQuery(ARAMEX, Optional.empty(), Optional.empty(), limit).limit())
                .isEqualTo(limit);
    }

    @Test
    void givenUntilBeforeSince_whenQuerying_thenRefusedNamingUntil() {
        Throwable thrown = catchThrowable(
                () -> new ReadCircuitTransitionsQuery(ARAMEX, Optional.of(T0), Optional.of(T0.minusSeconds(1)), 10));

        assertRefusedNaming(thrown, "until");
    }

    /** Writes a transition as instance {@code instance} would: all instances share {@link #trail}. */
    private void record(
            String instance,
            CarrierId carrier,
            long sequence,
            CircuitState from,
            CircuitState to,
            long secondsAfterT0) {
        trail.forInstance(instance)
                .onTransition(new CircuitStateChanged(
                        carrier,
                        from,
                        to,
                        T0.plusSeconds(secondsAfterT0),
                        "cause " + sequence,
                        sequence,
                        0,
                        0,
                        Optional.empty()));
    }

    /** The trail, remembering every question the service asks it. */
    private TransitionHistory askingHistory() {
        return new TransitionHistory() {
            @Override
            public List<RecordedTransition> transitions(
                    CarrierId carrier, Optional<Instant> since, Optional<Instant> until, int limit) {
                asked.add(new Asked(carrier, since, until, limit));
                return trail.transitions(carrier, since, until, limit);
            }

            @Override
            public List<RecordedTransition> latestPerInstance() {
                return trail.latestPerInstance();
            }
        };
    }

    private record Asked(CarrierId carrier, Optional<Instant> since, Optional<Instant> until, int limit) {}
}
