package io.haderos.shipping.application.service;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md#fleet-overrides, as one instance sees it: the store is what another instance wrote, the clock
 * and the scheduler are moved by the test, and database work runs at once.
 */
class FleetOverrideSyncTest {

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;

    private final MutableClock clock = MutableClock.at("2026-03-01T01:59:00Z");
    private final ManualScheduler timer = new ManualScheduler(clock);
    private final FakeCircuitBreakers breakers = new FakeCircuitBreakers(clock.instant(), ARAMEX, CarrierId.SMSA);
    private final SwitchableStore store = new SwitchableStore();
    private final FleetOverrideSync sync = new FleetOverrideSync(store, breakers, timer, Runnable::run, clock);

    @AfterEach
    void stop() {
        sync.close();
    }

    private static OperatorOverride forcedOpen(Optional<Instant> until) {
        return new OperatorOverride(CircuitState.FORCED_OPEN, "nora", "Aramex maintenance", until);
    }

    private static final OperatorOverride CLOSE = new OperatorOverride(CircuitState.CLOSED, "omar", "maintenance over");

    @Test
    void givenAnOrderInForce_whenTheInstanceStarts_thenItIsAppliedBeforeServing() {
        store.record(ARAMEX, forcedOpen(Optional.empty()), clock.instant().minusSeconds(600));

        sync.start();

        assertThat(breakers.applied()).containsExactly(forcedOpen(Optional.empty()));
        assertThat(breakers.snapshot(ARAMEX).orElseThrow().state()).isEqualTo(CircuitState.FORCED_OPEN);
    }

    @Test
    void givenAClosedOrderOrAWindowThatEnded_whenTheInstanceStarts_thenNothingHappens() {
        store.record(ARAMEX, CLOSE, clock.instant().minusSeconds(60));
        store.record(CarrierId.SMSA, forcedOpen(Optional.of(clock.instant().minusSeconds(1))), clock.instant());

        sync.start();

        assertThat(breakers.applied()).as("a new breaker is closed already").isEmpty();
    }

    @Test
    void givenRunning_whenAnotherInstanceGivesAnOrder_thenItIsAppliedAtTheNextPollOnce() {
        sync.start();

        store.record(ARAMEX, forcedOpen(Optional.empty()), clock.instant());
        timer.advance(FleetOverrideSync.POLL);
        timer.advance(FleetOverrideSync.POLL.multipliedBy(5));

        assertThat(breakers.applied()).containsExactly(forcedOpen(Optional.empty()));
    }

    @Test
    void givenRunning_whenNotified_thenTheOrderIsAppliedWithoutWaitingForThePoll() {
        sync.start();
        store.record(ARAMEX, forcedOpen(Optional.empty()), clock.instant());

        sync.refreshSoon();

        assertThat(breakers.applied()).containsExactly(forcedOpen(Optional.empty()));
    }

    @Test
    void givenAnOrderHeld_whenAnotherInstanceClosesIt_thenTheBreakerIsClosedWithThatOperatorAsActor() {
        store.record(ARAMEX, forcedOpen(Optional.empty()), clock.instant());
        sync.start();

        store.record(ARAMEX, CLOSE, clock.instant());
        timer.advance(FleetOverrideSync.POLL);

        assertThat(breakers.applied()).containsExactly(forcedOpen(Optional.empty()), CLOSE);
        assertThat(breakers.snapshot(ARAMEX).orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void givenAWindow_whenItsEndComes_thenTheBreakerIsClosedOnceByTheMaintenanceWindow() {
        Instant until = clock.instant().plusSeconds(60);
        store.record(ARAMEX, forcedOpen(Optional.of(until)), clock.instant());
        sync.start();

        timer.advance(Duration.ofSeconds(59));
        assertThat(breakers.applied()).hasSize(1);
        timer.advance(Duration.ofSeconds(10));

        assertThat(breakers.applied()).hasSize(2);
        OperatorOverride end = breakers.applied().get(1);
        assertThat(end.target()).isEqualTo(CircuitState.CLOSED);
        assertThat(end.actor()).isEqualTo(FleetOverrideSync.MAINTENANCE_WINDOW);
        assertThat(end.reason()).contains("ended at " + until).contains("nora");
    }

    @Test
    void givenAWindow_whenTheDatabaseIsAwayAtItsEnd_thenTheWindowStillEnds() {
        store.record(ARAMEX, forcedOpen(Optional.of(clock.instant().plusSeconds(30))), clock.instant());
        sync.start();

        store.away = true;
        timer.advance(Duration.ofSeconds(31));

        assertThat(breakers.snapshot(ARAMEX).orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
        assertThat(sync.alerts())
                .singleElement()
                .satisfies(alert -> assertThat(alert.message()).contains("fleet overrides cannot be read"));
        store.away = false;
        timer.advance(FleetOverrideSync.POLL);
        assertThat(sync.alerts()).isEmpty();
    }

    @Test
    void givenAnOrderHeld_whenALaterOrderIsOnlySeenAfterItsWindowEnded_thenTheBreakerIsClosedByTheWindow() {
        store.record(ARAMEX, forcedOpen(Optional.empty()), clock.instant());
        sync.start();
        store.away = true;
        store.record(ARAMEX, forcedOpen(Optional.of(clock.instant().plusSeconds(10))), clock.instant());

        timer.advance(Duration.ofSeconds(20));
        store.away = false;
        timer.advance(FleetOverrideSync.POLL);

        assertThat(breakers.applied()).hasSize(2);
        assertThat(breakers.applied().get(1).actor()).isEqualTo(FleetOverrideSync.MAINTENANCE_WINDOW);
    }

    @Test
    void givenAnOrderAppliedHereAtOnce_whenThePollReadsIt_thenItIsNotAppliedAgain() {
        sync.start();
        FleetOverride mine = store.record(ARAMEX, forcedOpen(Optional.empty()), clock.instant());

        sync.applyNow(mine);
        timer.advance(FleetOverrideSync.POLL.multipliedBy(3));

        assertThat(breakers.applied()).hasSize(1);
    }

    @Test
    void givenAnOrderOvertakenByALaterOne_whenAppliedHereLate_thenTheLaterOneStands() {
        sync.start();
        FleetOverride mine = store.record(ARAMEX, forcedOpen(Optional.empty()), clock.instant());
        store.record(ARAMEX, CLOSE, clock.instant());
        sync.refreshSoon();

        sync.applyNow(mine);

        assertThat(breakers.snapshot(ARAMEX).orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
    }

    /** The in-memory store, made unreachable on demand. */
    private static final class SwitchableStore implements FleetOverrideStore {
        private final InMemoryFleetOverrideStore store = new InMemoryFleetOverrideStore();
        volatile boolean away;

        @Override
        public FleetOverride record(CarrierId carrier, OperatorOverride order, Instant at) {
            return store.record(carrier, order, at);
        }

        @Override
        public List<FleetOverride> latest() {
            if (away) {
                throw new FleetOverrideStoreUnavailableException("connection refused", null);
            }
            return store.latest();
        }
    }
}
