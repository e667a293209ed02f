package io.haderos.shipping.adapter.jdbi;

import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.application.service.ShipOrderService;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.policy.RetentionPeriods;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The retention (docs/architecture.md#retention) on a fresh database of {@link #kind()}: what is past its period goes,
 * in batches, and an erased order still answers its retries as before.
 */
abstract class JdbiDataRetentionContract {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final RetentionPeriods PERIODS = RetentionPeriods.DEFAULT;
    private static final ClientId SHOP = ClientId.of("shop-web");
    private static final String PHONE = "+966551112233";

    private final MutableClock clock = new MutableClock(T0);

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    private Database database;
    private JdbiDataRetention retention;
    private JdbiShipmentStore store;

    abstract TestDatabases.Kind kind();

    @BeforeEach
    void openDatabase() {
        database = databases.open(kind());
        retention = new JdbiDataRetention(database.jdbi());
        store = new JdbiShipmentStore(database.jdbi());
    }

    @Test
    void givenTransitionsEitherSideOfTheAuditPeriod_whenRetentionRuns_thenOnlyTheOldOnesAreDeleted_inBatches() {
        CircuitTransitionTable table = openings("gw-old", CarrierId.ARAMEX, 5);
        clock.advance(Duration.ofDays(2));
        table.insert(
                "gw-new",
                List.of(event(CarrierId.ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, clock.instant())),
                clock);
        clock.advance(Duration.ofDays(399));
        Instant cutoff = PERIODS.auditTrailCutoff(clock.instant());

        assertThat(retention.deleteTransitionsBefore(cutoff, 2)).isEqualTo(2);
        assertThat(retention.deleteTransitionsBefore(cutoff, 2)).isEqualTo(2);
        assertThat(retention.deleteTransitionsBefore(cutoff, 2)).isEqualTo(1);
        assertThat(retention.deleteTransitionsBefore(cutoff, 2)).isZero();

        assertThat(table.transitions(CarrierId.ARAMEX, Optional.empty(), Optional.empty(), 100))
                .extracting(recorded -> recorded.instanceId())
                .containsExactly("gw-new");
    }

    @Test
    void givenAnInstanceLongGone_whenRetentionRuns_thenItsRecordGoes_andALiveOneStays() {
        JdbiGatewayInstances instances = new JdbiGatewayInstances(database.jdbi());
        instances.started(GatewayInstance.starting("gw-gone", "gw", T0));
        instances.stopped("gw-gone", T0.plusSeconds(60));
        instances.started(GatewayInstance.starting("gw-live", "gw", T0));
        clock.advance(Duration.ofDays(401));
        instances.seen("gw-live", clock.instant());

        retention.deleteTransitionsBefore(PERIODS.auditTrailCutoff(clock.instant()), 10);

        assertThat(instances.all()).extracting(GatewayInstance::instanceId).containsExactly("gw-live");
    }

    @Test
    void givenAnInstanceThatDiedJustAfterATransition_whenOnlyItsHeartbeatIsPastThePeriod_thenItsRecordStaysWithIt() {
        JdbiGatewayInstances instances = new JdbiGatewayInstances(database.jdbi());
        instances.started(GatewayInstance.starting("gw-died", "gw", T0));
        Instant opened = T0.plus(Duration.ofHours(1));
        new CircuitTransitionTable(database.jdbi())
                .insert(
                        "gw-died",
                        List.of(event(CarrierId.ARAMEX, 1, CircuitState.CLOSED, CircuitState.OPEN, opened)),
                        clock);
        // Its last heartbeat was at T0; the cut-off falls between that and the opening it left behind.
        clock.advance(Duration.ofDays(400).plus(Duration.ofMinutes(30)));

        retention.deleteTransitionsBefore(PERIODS.auditTrailCutoff(clock.instant()), 10);

        assertThat(instances.all()).extracting(GatewayInstance::instanceId).containsExactly("gw-died");
        clock.advance(Duration.ofHours(1));
        retention.deleteTransitionsBefore(PERIODS.auditTrailCutoff(clock.instant()), 10);
        assertThat(instances.all()).isEmpty();
    }

    @Test
    void givenAnOrderPastThePersonalDataPeriod_whenErased_thenItsIdempotencyRecordStays_andItSaysItWasErased() {
        ShipOrderService service = shipOrder();
        ShipOrderResult shipped = service.shipOrder(command("ORD-OLD", "Sara Ahmed"))
                .toCompletableFuture()
                .join();
        assertThat(shipped.record().attempts()).extracting(Attempt::detail).anyMatch(d -> d.contains(PHONE));
        clock.advance(Duration.ofDays(89));
        ShipOrderResult recent = service.shipOrder(command("ORD-RECENT", "Omar Saleh"))
                .toCompletableFuture()
                .join();
        clock.advance(Duration.ofDays(2));

        int erased =
                retention.erasePersonalDataBefore(PERIODS.personalDataCutoff(clock.instant()), clock.instant(), 10);

        assertThat(erased).isEqualTo(1);
        ShipmentRecord old = store.find(OrderId.of("ORD-OLD")).orElseThrow();
        assertThat(old.personalDataErasedAt()).contains(clock.instant());
        assertThat(old.attempts())
                .extracting(Attempt::carrier, Attempt::outcome, Attempt::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CarrierId.ARAMEX, AttemptOutcome.SERVICE_UNAVAILABLE, ""),
                        org.assertj.core.groups.Tuple.tuple(CarrierId.SMSA, AttemptOutcome.SUCCESS, ""));
        ShipmentRecord before = shipped.record();
        assertThat(old.requestFingerprint()).isEqualTo(before.requestFingerprint());
        assertThat(old.status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(old.shipment()).isEqualTo(before.shipment());
        assertThat(old.client()).contains(SHOP);
        assertThat(old.createdAt()).isEqualTo(before.createdAt());
        assertThat(old.updatedAt()).isEqualTo(before.updatedAt());
        assertThat(store.find(OrderId.of("ORD-RECENT"))).contains(recent.record());

        ShipOrderResult retried = service.shipOrder(command("ORD-OLD", "Sara Ahmed"))
                .toCompletableFuture()
                .join();
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.record()).isEqualTo(old);
        Throwable changed = catchThrowable(() -> service.shipOrder(command("ORD-OLD", "Someone Else"))
                .toCompletableFuture()
                .join());
        assertThat(changed)
                .hasCauseInstanceOf(OrderConflictException.class)
                .cause()
                .satisfies(e -> assertThat(((OrderConflictException) e).reason())
                        .isEqualTo(OrderConflictException.Reason.DIFFERENT_REQUEST));
        assertThat(retention.erasePersonalDataBefore(PERIODS.personalDataCutoff(clock.instant()), clock.instant(), 10))
                .isZero();
    }

    @Test
    void givenAnOrderWithLabelsAndAResolutionNote_whenErased_thenBothGo_andTheResolutionItselfStays() {
        OrderId orderId = OrderId.of("ORD-HELD");
        store.claim(orderId, SHOP, "v2:fp", T0);
        store.recordOutcomeUnknown(orderId, List.of(), T0);
        CreatedShipment found = new CreatedShipment(
                CarrierId.ARAMEX,
                "30123456789",
                List.of(),
                List.of(Label.at(1, LabelFormat.PDF, URI.create("https://labels.example/30123.pdf"))
                        .withContent("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))));
        store.resolve(orderId, new ShipmentResolution(Optional.of(found), "ops-amal", "called Sara on " + PHONE, T0));
        assertThat(store.find(orderId).orElseThrow().shipment().orElseThrow().labels())
                .hasSize(1);
        clock.advance(Duration.ofDays(91));

        retention.erasePersonalDataBefore(PERIODS.personalDataCutoff(clock.instant()), clock.instant(), 10);

        ShipmentRecord erased = store.find(orderId).orElseThrow();
        assertThat(erased.shipment()).hasValueSatisfying(s -> {
            assertThat(s.trackingNumber()).isEqualTo("30123456789");
            assertThat(s.labels()).isEmpty();
        });
        assertThat(store.storeLabels(orderId, found.labels())).isEmpty();
        assertThat(store.find(orderId).orElseThrow().shipment().orElseThrow().labels())
                .isEmpty();
        assertThat(erased.resolution()).hasValueSatisfying(r -> {
            assertThat(r.actor()).isEqualTo("ops-amal");
            assertThat(r.created()).isTrue();
            assertThat(r.note()).isEmpty();
        });
        assertThat(erased.personalDataErasedAt()).isPresent();
    }

    @Test
    void givenAnErasedOrderFoundNotCreated_whenItsClientShipsItAgain_thenTheNewClaimHoldsItsDataUntilItIsOldItself() {
        OrderId orderId = OrderId.of("ORD-AGAIN");
        store.claim(orderId, SHOP, "v2:fp", T0);
        store.recordOutcomeUnknown(orderId, List.of(), T0);
        store.resolve(orderId, new ShipmentResolution(Optional.empty(), "ops-amal", "", T0));
        clock.advance(Duration.ofDays(91));
        retention.erasePersonalDataBefore(PERIODS.personalDataCutoff(clock.instant()), clock.instant(), 10);
        assertThat(store.find(orderId).orElseThrow().personalDataErasedAt()).isPresent();

        assertThat(store.claim(orderId, SHOP, "v2:fp-2", clock.instant())).isEmpty();

        assertThat(store.find(orderId).orElseThrow().personalDataErasedAt()).isEmpty();
        assertThat(retention.erasePersonalDataBefore(PERIODS.personalDataCutoff(clock.instant()), clock.instant(), 10))
                .isZero();
    }

    @Test
    void givenManyOldOrders_whenTwoInstancesEraseAtOnce_thenEachOrderIsErasedOnce() throws Exception {
        for (int i = 0; i < 30; i++) {
            OrderId orderId = OrderId.of("ORD-" + i);
            store.claim(orderId, SHOP, "v2:fp", T0);
            store.recordOutcomeUnknown(
                    orderId,
                    List.of(new Attempt(CarrierId.ARAMEX, AttemptOutcome.TIMEOUT, "no answer for " + PHONE)),
                    T0);
        }
        clock.advance(Duration.ofDays(91));
        Instant cutoff = PERIODS.personalDataCutoff(clock.instant());
        JdbiDataRetention other = new JdbiDataRetention(database.jdbi());
        Instant now = clock.instant();

        int erased = bothAtOnce(
                () -> retention.erasePersonalDataBefore(cutoff, now, 3),
                () -> other.erasePersonalDataBefore(cutoff, now.plusMillis(1), 3));

        assertThat(erased).isEqualTo(30);
        for (int i = 0; i < 30; i++) {
            ShipmentRecord record = store.find(OrderId.of("ORD-" + i)).orElseThrow();
            assertThat(record.personalDataErasedAt()).isPresent();
            assertThat(record.attempts()).extracting(Attempt::detail).containsOnly("");
        }
    }

    @Test
    void givenManyOldTransitions_whenTwoInstancesDeleteAtOnce_thenEachIsDeletedOnce() throws Exception {
        openings("gw-old", CarrierId.SMSA, 30);
        clock.advance(Duration.ofDays(401));
        Instant cutoff = PERIODS.auditTrailCutoff(clock.instant());
        JdbiDataRetention other = new JdbiDataRetention(database.jdbi());

        int deleted = bothAtOnce(
                () -> retention.deleteTransitionsBefore(cutoff, 3), () -> other.deleteTransitionsBefore(cutoff, 3));

        assertThat(deleted).isEqualTo(30);
        assertThat(new CircuitTransitionTable(database.jdbi())
                        .transitions(CarrierId.SMSA, Optional.empty(), Optional.empty(), 100))
                .isEmpty();
    }

    /** {@code count} transitions of {@code instanceId}'s breaker of {@code carrier}, all at {@code T0}. */
    private CircuitTransitionTable openings(String instanceId, CarrierId carrier, int count) {
        CircuitTransitionTable table = new CircuitTransitionTable(database.jdbi());
        table.insert(
                instanceId,
                IntStream.rangeClosed(1, count)
                        .mapToObj(n -> event(carrier, n, CircuitState.CLOSED, CircuitState.OPEN, T0))
                        .toList(),
                clock);
        return table;
    }

    /**
     * Two instances, each on its own thread, calling their batch until it finds nothing left: what both removed
     * together.
     */
    private static int bothAtOnce(IntSupplier firstBatch, IntSupplier secondBatch) throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> first = () -> untilNoneLeft(firstBatch);
            Callable<Integer> second = () -> untilNoneLeft(secondBatch);
            List<Future<Integer>> runs = instances.invokeAll(List.of(first, second), 60, TimeUnit.SECONDS);
            return runs.get(0).get() + runs.get(1).get();
        } finally {
            instances.shutdownNow();
        }
    }

    private static int untilNoneLeft(IntSupplier batch) {
        int total = 0;
        int removed;
        do {
            removed = batch.getAsInt();
            total += removed;
        } while (removed > 0);
        return total;
    }

    /** Aramex is away (its answer repeats the consignee's phone, as carriers' messages may), SMSA creates it. */
    private ShipOrderService shipOrder() {
        ScriptedCarrier aramex = new ScriptedCarrier(CarrierId.ARAMEX)
                .alwaysFail(() -> new CarrierUnavailableException(
                        CarrierId.ARAMEX,
                        CarrierUnavailableException.Reason.SERVICE_UNAVAILABLE,
                        "503 for consignee " + PHONE));
        ScriptedCarrier smsa = new ScriptedCarrier(CarrierId.SMSA);
        Party warehouse = party("HaderOS Warehouse", "+966112223344");
        return new ShipOrderService(
                List.of(aramex, smsa),
                new FallbackPolicy(),
                store,
                warehouse,
                clock,
                CarrierCallObserver.none(),
                Runnable::run,
                Optional.empty());
    }

    private static ShipOrderCommand command(String orderId, String consigneeName) {
        return new ShipOrderCommand(
                OrderId.of(orderId),
                Optional.empty(),
                party(consigneeName, PHONE),
                List.of(Parcel.of(Weight.ofKilograms("1.2"))),
                "Cotton T-shirts",
                Money.of("250.00", "SAR"),
                Money.of("0", "SAR"),
                Optional.empty(),
                SHOP,
                LabelFormat.PDF);
    }

    private static Party party(String name, String phone) {
        return new Party(
                name,
                "",
                phone,
                "someone@example.com",
                new Address(CountryCode.of("SA"), "Jeddah", "Building 7, Al Olaya St", "Apt 12", "23434"));
    }
}
