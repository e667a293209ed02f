package io.haderos.shipping.application.service;

import static io.haderos.shipping.application.service.Fixtures.circuitOpen;
import static io.haderos.shipping.application.service.Fixtures.fault;
import static io.haderos.shipping.application.service.Fixtures.rejected;
import static io.haderos.shipping.application.service.Fixtures.sameRequest;
import static io.haderos.shipping.application.service.Fixtures.shipCommand;
import static io.haderos.shipping.domain.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.application.port.in.ShipmentOutcomeUnknownException;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.HeldOrderSummary;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentResolution;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException;
import io.haderos.shipping.domain.testing.ForwardingShipmentStore;
import io.haderos.shipping.domain.testing.InMemoryShipmentStore;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/architecture.md#fallback-policy for creating shipments, and the idempotency per order id. */
class ShipOrderServiceTest {

    private final ScriptedCarrier aramex = new ScriptedCarrier(CarrierId.ARAMEX);
    private final ScriptedCarrier smsa = new ScriptedCarrier(CarrierId.SMSA);
    private final InMemoryShipmentStore store = new InMemoryShipmentStore();
    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final ShipOrderService service = Fixtures.shipOrder(List.of(aramex, smsa), store, clock);

    @Test
    void givenAramexHealthy_whenShipping_thenCreatedAtAramexAndStoredAsTheClients() {
        ShipOrderResult result = await(service.shipOrder(shipCommand("ORD-1", "1.2")));

        assertThat(result.replayed()).isFalse();
        assertThat(result.record().status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(result.record().shipment())
                .hasValueSatisfying(s -> assertThat(s.carrier()).isEqualTo(CarrierId.ARAMEX));
        assertThat(store.find(OrderId.of("ORD-1"))).contains(result.record());
        assertThat(result.record().client()).contains(Fixtures.SHOP);
    }

    @ParameterizedTest
    @EnumSource(
            value = Reason.class,
            names = {"CIRCUIT_OPEN", "CONNECTION_REFUSED", "SERVICE_UNAVAILABLE", "CARRIER_ERROR", "BUSY"})
    void givenAramexDidNotProcessTheRequest_whenShipping_thenSmsaCreatesIt(Reason reason) {
        aramex.thenFail(() ->
                reason == Reason.CIRCUIT_OPEN ? circuitOpen(CarrierId.ARAMEX, 60) : fault(CarrierId.ARAMEX, reason));

        ShipOrderResult result = await(service.shipOrder(shipCommand("ORD-2", "1.2")));

        assertThat(result.record().shipment())
                .hasValueSatisfying(s -> assertThat(s.carrier()).isEqualTo(CarrierId.SMSA));
        assertThat(result.record().fallback()).isTrue();
        assertThat(result.record().attempts()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = Reason.class,
            names = {"TIMEOUT", "SERVER_ERROR", "UNREADABLE_REPLY", "CONNECTION_LOST", "SLOW"})
    void givenAramexOutcomeUnknown_whenShipping_thenSmsaIsNeverAskedAndTheOrderIsHeld(Reason reason) {
        aramex.thenFail(() -> fault(CarrierId.ARAMEX, reason));

        Throwable thrown = catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-3", "1.2"))));

        assertThat(thrown)
                .isInstanceOfSatisfying(
                        ShipmentOutcomeUnknownException.class,
                        e -> assertThat(e.carrier()).isEqualTo(CarrierId.ARAMEX));
        assertThat(smsa.calls()).isZero();
        assertThat(store.find(OrderId.of("ORD-3")))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN));
    }

    @Test
    void givenAramexSlowToCreate_whenItHasNotAnswered_thenSmsaIsNotAsked_andItsOwnOutcomeDecides() {
        aramex.thenHold();
        CompletionStage<ShipOrderResult> pending = service.shipOrder(shipCommand("ORD-SLOW", "1.2"));

        assertThat(pending.toCompletableFuture()).isNotDone();
        assertThat(smsa.calls()).isZero();
        aramex.held().get(0).succeed();

        assertThat(await(pending).record().shipment())
                .hasValueSatisfying(s -> assertThat(s.carrier()).isEqualTo(CarrierId.ARAMEX));
        assertThat(smsa.calls()).isZero();
    }

    @Test
    void givenARecoveringAramexRefusingShipments_whenShipping_thenSmsaCreatesItWithNothingHeld() {
        aramex.thenFail(() -> CarrierUnavailableException.trialUnderway(CarrierId.ARAMEX, Duration.ofSeconds(1)));

        ShipOrderResult result = await(service.shipOrder(shipCommand("ORD-TRIAL", "1.2")));

        assertThat(result.record().shipment())
                .hasValueSatisfying(s -> assertThat(s.carrier()).isEqualTo(CarrierId.SMSA));
        assertThat(result.record().attempts())
                .extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.CIRCUIT_OPEN, AttemptOutcome.SUCCESS);
    }

    @Test
    void givenAHeldOrder_whenRepeated_thenConflictAndNoCarrierIsAsked() {
        aramex.thenFail(() -> fault(CarrierId.ARAMEX, Reason.TIMEOUT));
        catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-4", "1.2"))));
        int aramexCalls = aramex.calls();

        Throwable thrown = catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-4", "1.2"))));

        assertConflict(thrown, OrderConflictException.Reason.OUTCOME_UNKNOWN);
        assertThat(aramex.calls()).isEqualTo(aramexCalls);
        assertThat(smsa.calls()).isZero();
    }

    @Test
    void givenAShippedOrder_whenTheSameRequestRepeats_thenReplayedWithoutANewShipment() {
        ShipOrderResult first = await(service.shipOrder(shipCommand("ORD-5", "1.2")));

        ShipOrderResult again = await(service.shipOrder(shipCommand("ORD-5", "1.20")));

        assertThat(again.replayed()).isTrue();
        assertThat(again.record()).isEqualTo(first.record());
        assertThat(aramex.shipmentsCreated()).isEqualTo(1);
    }

    @Test
    void givenAnotherClientsOrder_whenShippedUnderTheSameId_thenConflictOrderIdTakenAndNothingIsAsked() {
        ShipOrderResult first = await(service.shipOrder(shipCommand("ORD-13", "1.2")));

        Throwable thrown = catchThrowable(() -> await(service.shipOrder(
                sameRequest(shipCommand("ORD-13", "1.2"), ClientId.of("shop-app"), LabelFormat.PDF))));

        assertConflict(thrown, OrderConflictException.Reason.ORDER_ID_TAKEN);
        assertThat(thrown.getMessage())
                .doesNotContain(
                        "aramex", first.record().shipment().orElseThrow().trackingNumber());
        assertThat(aramex.shipmentsCreated()).isEqualTo(1);
        assertThat(store.find(OrderId.of("ORD-13")).orElseThrow().client()).contains(Fixtures.SHOP);
    }

    @Test
    void givenAnOrderStoredBeforeClientsWereRecorded_whenAnyClientRepeatsTheRequest_thenItReplays() {
        ShipOrderCommand command = shipCommand("ORD-14", "1.2");
        ShipmentRecord legacy = new ShipmentRecord(
                        command.orderId(),
                        RequestFingerprint.of(command),
                        ShipmentStatus.IN_PROGRESS,
                        Optional.empty(),
                        false,
                        List.of(),
                        clock.instant(),
                        clock.instant(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())
                .created(
                        new CreatedShipment(CarrierId.ARAMEX, "30123456789", List.of()),
                        false,
                        List.of(Attempt.success(CarrierId.ARAMEX)),
                        clock.instant());
        ShipmentStore legacyStore = new ShipmentStore() {
            @Override
            public Optional<ShipmentRecord> claim(OrderId orderId, ClientId client, String fingerprint, Instant now) {
                return Optional.of(legacy);
            }

            @Override
            public void recordCreated(
                    OrderId orderId, CreatedShipment shipment, boolean fallback, List<Attempt> attempts, Instant now) {
                throw new AssertionError("a replay records nothing");
            }

            @Override
            public void recordOutcomeUnknown(OrderId orderId, List<Attempt> attempts, Instant now) {
                throw new AssertionError("a replay records nothing");
            }

            @Override
            public List<Label> storeLabels(OrderId orderId, List<Label> labels) {
                throw new AssertionError("a replay records nothing");
            }

            @Override
            public void release(OrderId orderId) {
                throw new AssertionError("a replay records nothing");
            }

            @Override
            public Optional<ShipmentRecord> resolve(OrderId orderId, ShipmentResolution resolution) {
                throw new AssertionError("a replay records nothing");
            }

            @Override
            public Optional<ShipmentRecord> find(OrderId orderId) {
                return Optional.of(legacy);
            }

            @Override
            public List<ShipmentRecord> held(Instant now, Optional<HeldOrderCursor> after, int limit) {
                return List.of();
            }

            @Override
            public HeldOrderSummary heldSummary(Instant now) {
                return HeldOrderSummary.NONE;
            }
        };
        ShipOrderService legacyService = Fixtures.shipOrder(List.of(aramex, smsa), legacyStore, clock);

        ShipOrderResult again =
                await(legacyService.shipOrder(sameRequest(command, ClientId.of("shop-app"), LabelFormat.PDF)));

        assertThat(again.replayed()).isTrue();
        assertThat(again.record()).isEqualTo(legacy);
        assertThat(aramex.calls()).isZero();
    }

    @Test
    void givenAShippedOrder_whenADifferentRequestArrives_thenConflict() {
        await(service.shipOrder(shipCommand("ORD-6", "1.2")));

        Throwable thrown = catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-6", "2.5"))));

        assertConflict(thrown, OrderConflictException.Reason.DIFFERENT_REQUEST);
        assertThat(aramex.shipmentsCreated()).isEqualTo(1);
    }

    @Test
    void givenACallerFault_whenShipping_thenRejectedAndTheOrderMayBeRetriedWithAFixedRequest() {
        aramex.thenFail(() -> rejected(CarrierId.ARAMEX));

        Throwable thrown = catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-7", "1.2"))));

        assertThat(thrown).isInstanceOf(RequestRejectedException.class);
        assertThat(smsa.calls()).isZero();
        assertThat(store.find(OrderId.of("ORD-7"))).isEmpty();
        assertThat(await(service.shipOrder(shipCommand("ORD-7", "1.3")))
                        .record()
                        .status())
                .isEqualTo(ShipmentStatus.CREATED);
    }

    @Test
    void givenEveryCarrierUnavailable_whenShipping_thenNothingIsHeldAndALaterRetrySucceeds() {
        aramex.thenFail(() -> circuitOpen(CarrierId.ARAMEX, 60));
        smsa.thenFail(() -> fault(CarrierId.SMSA, Reason.CONNECTION_REFUSED));

        Throwable thrown = catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-8", "1.2"))));

        assertThat(thrown).isInstanceOf(NoCarrierAvailableException.class);
        assertThat(store.find(OrderId.of("ORD-8"))).isEmpty();
        assertThat(await(service.shipOrder(shipCommand("ORD-8", "1.2"))).replayed())
                .isFalse();
    }

    @Test
    void givenAnOrderStoredBeforeFingerprintVersionTwo_whenTheSameRequestIsRetried_thenItReplays() {
        ShipOrderCommand command = shipCommand("ORD-V1", "1.2");
        OrderId order = command.orderId();
        store.claim(order, Fixtures.SHOP, RequestFingerprint.version1(command), clock.instant());
        store.recordCreated(
                order,
                new CreatedShipment(CarrierId.ARAMEX, "30123456789", List.of()),
                false,
                List.of(Attempt.success(CarrierId.ARAMEX)),
                clock.instant());

        ShipOrderResult retried = await(service.shipOrder(command));
        Throwable different = catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-V1", "2.5"))));

        assertThat(retried.replayed()).isTrue();
        assertThat(retried.record().shipment().orElseThrow().trackingNumber()).isEqualTo("30123456789");
        assertThat(different).isInstanceOf(OrderConflictException.class);
        assertThat(aramex.calls()).isZero();
    }

    @Test
    void givenAnOrderInProgress_whenAnotherRequestArrives_thenConflictInProgress() {
        claimedByAnotherProcess(shipCommand("ORD-9", "1.2"));
        clock.advance(ShipmentRecord.ABANDONED_AFTER);

        Throwable thrown = catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-9", "1.2"))));

        assertConflict(thrown, OrderConflictException.Reason.IN_PROGRESS);
        assertThat(aramex.calls()).isZero();
    }

    @Test
    void givenAClaimAbandonedByADeadProcess_whenAnotherRequestArrives_thenTheOrderIsHeldForAnOperator() {
        claimedByAnotherProcess(shipCommand("ORD-11", "1.2"));
        clock.advance(ShipmentRecord.ABANDONED_AFTER.plusMillis(1));

        Throwable thrown = catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-11", "1.2"))));

        assertConflict(thrown, OrderConflictException.Reason.OUTCOME_UNKNOWN);
        assertThat(aramex.calls()).isZero();
    }

    @Test
    void givenTheStoreFailsAfterTheCarrierCreatedTheShipment_thenTheCallerStillGetsItAndTheOrderStaysClaimed() {
        ShipmentStore failingAfterClaim = new ForwardingShipmentStore(store) {
            @Override
            public void recordCreated(
                    OrderId orderId, CreatedShipment shipment, boolean fallback, List<Attempt> attempts, Instant now) {
                throw new ShipmentStoreUnavailableException("database away", null);
            }
        };
        ShipOrderService withFailingStore = Fixtures.shipOrder(List.of(aramex, smsa), failingAfterClaim, clock);

        ShipOrderResult result = await(withFailingStore.shipOrder(shipCommand("ORD-12", "1.2")));

        assertThat(result.record().shipment())
                .hasValueSatisfying(s -> assertThat(s.carrier()).isEqualTo(CarrierId.ARAMEX));
        assertThat(store.find(OrderId.of("ORD-12")))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ShipmentStatus.IN_PROGRESS));
        assertThat(catchThrowable(() -> await(withFailingStore.shipOrder(shipCommand("ORD-12", "1.2")))))
                .isInstanceOf(OrderConflictException.class);
        assertThat(aramex.calls()).isEqualTo(1);
    }

    @Test
    void givenAnUnexpectedFailure_whenShipping_thenTheOrderIsHeldRatherThanLeftInProgress() {
        aramex.thenFail(() -> new IllegalStateException("adapter bug after sending"));

        catchThrowable(() -> await(service.shipOrder(shipCommand("ORD-10", "1.2"))));

        assertThat(store.find(OrderId.of("ORD-10")))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN));
        assertThat(smsa.calls()).isZero();
    }

    private static void assertConflict(Throwable thrown, OrderConflictException.Reason reason) {
        assertThat(thrown)
                .isInstanceOfSatisfying(
                        OrderConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** The order of {@code command} claimed now, as by a process that has not finished (or will not) shipping it. */
    private void claimedByAnotherProcess(ShipOrderCommand command) {
        store.claim(command.orderId(), Fixtures.SHOP, RequestFingerprint.of(command), clock.instant());
    }
}
