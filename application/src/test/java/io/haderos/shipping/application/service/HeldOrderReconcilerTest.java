package io.haderos.shipping.application.service;

import static io.haderos.shipping.application.service.Fixtures.fault;
import static io.haderos.shipping.application.service.Fixtures.shipCommand;
import static io.haderos.shipping.domain.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.application.port.in.ListHeldOrdersQuery;
import io.haderos.shipping.application.port.out.ReconcilerObserver;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.InMemoryShipmentStore;
import io.haderos.shipping.domain.testing.ManualScheduler;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler looks held orders up at their carriers by reference, on a scheduler the test moves: what a carrier
 * knows is resolved created by the reconciler; what it does not know stays held for a person.
 */
class HeldOrderReconcilerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Duration ALERT_AGE = Duration.ofMinutes(15);
    private static final OrderId KNOWN = OrderId.of("ORD-KNOWN");
    private static final OrderId UNKNOWN = OrderId.of("ORD-UNKNOWN");

    private final MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final ScriptedCarrier aramex = new ScriptedCarrier(CarrierId.ARAMEX);
    private final ScriptedCarrier smsa = new ScriptedCarrier(CarrierId.SMSA);
    private final InMemoryShipmentStore store = new InMemoryShipmentStore();
    private final FakeCircuitBreakers breakers =
            new FakeCircuitBreakers(clock.instant(), CarrierId.ARAMEX, CarrierId.SMSA);
    private final ShipOrderService ship = Fixtures.shipOrder(List.of(aramex, smsa), store, clock);
    private final HeldOrderWatch watch = new HeldOrderWatch(store, ALERT_AGE, clock);
    private final List<ShipmentRecord> resolved = new CopyOnWriteArrayList<>();
    private final List<String> stillHeld = new CopyOnWriteArrayList<>();
    private final List<String> ambiguous = new CopyOnWriteArrayList<>();
    private final HeldOrderReconciler reconciler = new HeldOrderReconciler(
                    store,
                    List.of(aramex, smsa),
                    breakers,
                    new ResolveShipmentService(store, clock, Runnable::run),
                    watch,
                    new ReconcilerObserver() {
                        @Override
                        public void resolved(ShipmentRecord record) {
                            resolved.add(record);
                        }

                        @Override
                        public void ambiguous(OrderId orderId, CarrierId carrier, int shipments) {
                            ambiguous.add(orderId + " at " + carrier + ": " + shipments);
                        }

                        @Override
                        public void stillHeld(OrderId orderId, CarrierId carrier, String why) {
                            stillHeld.add(orderId + " at " + carrier + ": " + why);
                        }
                    },
                    INTERVAL,
                    scheduler,
                    Runnable::run,
                    clock)
            .start();

    @AfterEach
    void stop() {
        reconciler.close();
    }

    /** Ships {@code order}; Aramex times out, so its outcome is unknown and the order is held. */
    private void holdAtAramex(OrderId order) {
        aramex.thenFail(() -> fault(CarrierId.ARAMEX, Reason.TIMEOUT));
        catchThrowable(() -> await(ship.shipOrder(shipCommand(order.value(), "1.2"))));
        assertThat(store.find(order).orElseThrow().status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
    }

    @Test
    void givenOneOrderTheCarrierKnowsByReferenceAndOneItDoesNot_thenTheFirstIsResolvedCreatedAndTheOtherStaysHeld() {
        holdAtAramex(KNOWN);
        holdAtAramex(UNKNOWN);
        aramex.knowsByReference(KNOWN, "30100000042");

        scheduler.advance(INTERVAL);

        ShipmentRecord known = store.find(KNOWN).orElseThrow();
        assertThat(known.status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(known.shipment().orElseThrow().carrier()).isEqualTo(CarrierId.ARAMEX);
        assertThat(known.shipment().orElseThrow().trackingNumber()).isEqualTo("30100000042");
        ShipmentResolution resolution = known.resolution().orElseThrow();
        assertThat(resolution.actor()).isEqualTo(HeldOrderReconciler.ACTOR);
        assertThat(resolution.created()).isTrue();
        assertThat(resolution.at()).isEqualTo(clock.instant());
        assertThat(resolved).extracting(ShipmentRecord::orderId).containsExactly(KNOWN);
        assertThat(store.find(UNKNOWN).orElseThrow().status())
                .as("never resolved not_created by the reconciler")
                .isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(smsa.lookupsByReference())
                .as("only the carrier attempted is asked")
                .isZero();
        assertThat(watch.count()).as("refreshed after the pass").isEqualTo(1);
        assertThat(await(new ListHeldOrdersService(store, clock, Runnable::run).heldOrders(ListHeldOrdersQuery.first()))
                        .orders())
                .extracting(ShipmentRecord::orderId)
                .containsExactly(UNKNOWN);
    }

    @Test
    void givenSeveralHeldOrders_thenThePassAsksForOneAtATime_soThatItNeverCrowdsTheCarriersBulkhead() {
        holdAtAramex(KNOWN);
        holdAtAramex(UNKNOWN);
        aramex.knowsByReference(KNOWN, "30100000042");
        aramex.knowsByReference(UNKNOWN, "30100000043");
        aramex.thenHold().thenHold();

        scheduler.advance(INTERVAL);
        assertThat(aramex.held()).as("the second look-up waits for the first").hasSize(1);

        aramex.held().get(0).succeed();
        assertThat(aramex.held()).hasSize(2);
        aramex.held().get(1).succeed();

        assertThat(resolved).extracting(ShipmentRecord::orderId).containsExactlyInAnyOrder(KNOWN, UNKNOWN);
    }

    @Test
    void givenTheCarrierHoldsSeveralShipmentsUnderTheReference_thenTheOrderStaysHeldForAPerson() {
        holdAtAramex(KNOWN);
        aramex.knowsByReference(KNOWN, "30100000042", "30100000043");

        scheduler.advance(INTERVAL);

        assertThat(store.find(KNOWN).orElseThrow().status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(resolved).isEmpty();
        assertThat(ambiguous).containsExactly(KNOWN + " at aramex: 2");
        assertThat(smsa.lookupsByReference())
                .as("the carrier attempted answered: no other is asked")
                .isZero();
    }

    @Test
    void givenTheCarriersBreakerIsOpen_thenItIsNotAskedAndTheOrderStaysHeld_untilTheBreakerCloses() {
        holdAtAramex(KNOWN);
        aramex.knowsByReference(KNOWN, "30100000042");
        breakers.set(CarrierId.ARAMEX, CircuitState.OPEN, 3);

        scheduler.advance(INTERVAL);

        assertThat(aramex.lookupsByReference()).isZero();
        assertThat(store.find(KNOWN).orElseThrow().status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(stillHeld).singleElement().asString().contains("breaker is open");

        breakers.set(CarrierId.ARAMEX, CircuitState.CLOSED, 0);
        scheduler.advance(INTERVAL);

        assertThat(aramex.lookupsByReference()).isEqualTo(1);
        assertThat(store.find(KNOWN).orElseThrow().status()).isEqualTo(ShipmentStatus.CREATED);
    }

    @Test
    void givenTheLookUpFails_thenTheOrderStaysHeldAndIsAskedAgainAtTheNextPass() {
        holdAtAramex(KNOWN);
        aramex.knowsByReference(KNOWN, "30100000042");
        aramex.thenFail(() -> fault(CarrierId.ARAMEX, Reason.SERVER_ERROR));

        scheduler.advance(INTERVAL);
        assertThat(store.find(KNOWN).orElseThrow().status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);

        scheduler.advance(INTERVAL);
        assertThat(store.find(KNOWN).orElseThrow().status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(aramex.lookupsByReference()).isEqualTo(2);
    }

    @Test
    void givenAClaimAbandonedBeforeItsAttemptsWereRecorded_thenEveryCarrierIsAskedInOrder() {
        store.claim(KNOWN, Fixtures.SHOP, "fp", clock.instant());
        smsa.knowsByReference(KNOWN, "231200000007");
        scheduler.advance(ShipmentRecord.ABANDONED_AFTER.plus(INTERVAL));

        ShipmentRecord record = store.find(KNOWN).orElseThrow();
        assertThat(record.status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(record.shipment().orElseThrow().carrier()).isEqualTo(CarrierId.SMSA);
        assertThat(aramex.lookupsByReference()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void givenAnotherInstanceResolvedTheOrderFirst_thenLosingTheRaceChangesNothing() {
        holdAtAramex(KNOWN);
        aramex.knowsByReference(KNOWN, "30100000042");
        // The other instance's resolution lands while this one is asking the carrier.
        aramex.thenHold();

        scheduler.advance(INTERVAL);
        store.resolve(
                KNOWN,
                new ShipmentResolution(
                        Optional.of(new io.haderos.shipping.domain.model.CreatedShipment(
                                CarrierId.ARAMEX, "30100000042", List.of())),
                        "reconciler",
                        "the other instance",
                        clock.instant()));
        aramex.held().get(0).succeed();

        ShipmentRecord record = store.find(KNOWN).orElseThrow();
        assertThat(record.resolution().orElseThrow().note()).isEqualTo("the other instance");
        assertThat(resolved).isEmpty();
        assertThat(stillHeld).isEmpty();
    }

    @Test
    void givenAnOrderHeldLongerThanTheAlertAge_thenMonitoringAlertsUntilItIsResolved() {
        holdAtAramex(UNKNOWN);
        scheduler.advance(INTERVAL);
        assertThat(watch.alerts()).as("held one minute").isEmpty();
        assertThat(watch.count()).isEqualTo(1);

        scheduler.advance(ALERT_AGE);

        assertThat(watch.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Alert.Severity.WARNING);
            assertThat(alert.message()).contains("1 held order");
        });
        assertThat(watch.oldestAgeSeconds()).isGreaterThan(ALERT_AGE.toSeconds());

        aramex.knowsByReference(UNKNOWN, "30100000043");
        scheduler.advance(INTERVAL);

        assertThat(watch.alerts()).isEmpty();
        assertThat(watch.count()).isZero();
        assertThat(watch.oldestAgeSeconds()).isZero();
    }
}
