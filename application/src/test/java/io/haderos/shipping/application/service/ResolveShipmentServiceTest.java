package io.haderos.shipping.application.service;

import static io.haderos.shipping.application.service.Fixtures.fault;
import static io.haderos.shipping.application.service.Fixtures.shipCommand;
import static io.haderos.shipping.domain.testing.Await.await;
import static io.haderos.shipping.domain.testing.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.OrderNotFoundException;
import io.haderos.shipping.application.port.in.ResolveShipmentCommand;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.InMemoryShipmentStore;
import io.haderos.shipping.domain.testing.MutableClock;
import io.haderos.shipping.domain.testing.ScriptedCarrier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An operator resolves an order held after an unknown outcome; the order then replays or ships again. */
class ResolveShipmentServiceTest {

    private static final OrderId ORDER = OrderId.of("ORD-42");

    private final ScriptedCarrier aramex = new ScriptedCarrier(CarrierId.ARAMEX);
    private final ScriptedCarrier smsa = new ScriptedCarrier(CarrierId.SMSA);
    private final InMemoryShipmentStore store = new InMemoryShipmentStore();
    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final ShipOrderService ship = Fixtures.shipOrder(List.of(aramex, smsa), store, clock);
    private final ResolveShipmentService resolve = new ResolveShipmentService(store, clock, Runnable::run);

    private void holdTheOrder() {
        aramex.thenFail(() -> fault(CarrierId.ARAMEX, Reason.TIMEOUT));
        catchThrowable(() -> await(ship.shipOrder(shipCommand(ORDER.value(), "1.2"))));
        assertThat(store.find(ORDER).orElseThrow().status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
    }

    @Test
    void givenAHeldOrder_whenTheOperatorFoundTheShipment_thenRepeatsReplayItWithoutAskingACarrier() {
        holdTheOrder();
        clock.advanceSeconds(300);

        ShipmentRecord resolved = await(resolve.resolve(ResolveShipmentCommand.found(
                ORDER, "30123456789", Optional.empty(), "nora@haderos.io", "found in the Aramex portal")));

        assertThat(resolved.status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(resolved.shipment().orElseThrow().carrier())
                .as("defaults to the carrier asked")
                .isEqualTo(CarrierId.ARAMEX);
        assertThat(resolved.shipment().orElseThrow().trackingNumber()).isEqualTo("30123456789");
        assertThat(resolved.resolution().orElseThrow().actor()).isEqualTo("nora@haderos.io");
        ShipOrderResult replay = await(ship.shipOrder(shipCommand(ORDER.value(), "1.2")));
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.record().shipment().orElseThrow().trackingNumber()).isEqualTo("30123456789");
        assertThat(aramex.calls()).isEqualTo(1);
        assertThat(smsa.calls()).isZero();
    }

    @Test
    void givenAHeldOrder_whenTheOperatorFoundNothing_thenTheNextRequestShipsIt() {
        holdTheOrder();

        ShipmentRecord resolved =
                await(resolve.resolve(ResolveShipmentCommand.notCreated(ORDER, "nora", "not in the portal")));

        assertThat(resolved.status()).isEqualTo(ShipmentStatus.NOT_CREATED);
        ShipOrderResult retried = await(ship.shipOrder(shipCommand(ORDER.value(), "1.2")));
        assertThat(retried.replayed()).isFalse();
        assertThat(retried.record().status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(retried.record().attempts()).extracting(Attempt::outcome).containsExactly(AttemptOutcome.SUCCESS);
        assertThat(aramex.calls()).isEqualTo(2);
    }

    @Test
    void theOperatorMayNameAnotherCarrier() {
        holdTheOrder();

        ShipmentRecord resolved = await(resolve.resolve(
                ResolveShipmentCommand.found(ORDER, "231200021000", Optional.of(CarrierId.SMSA), "nora", "")));

        assertThat(resolved.shipment().orElseThrow().carrier()).isEqualTo(CarrierId.SMSA);
        assertThat(resolved.fallback()).isTrue();
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertThat(catchThrowable(() -> await(resolve.resolve(ResolveShipmentCommand.notCreated(ORDER, "nora", "")))))
                .isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void aShippedOrderCannotBeResolved() {
        await(ship.shipOrder(shipCommand(ORDER.value(), "1.2")));

        Throwable thrown =
                catchThrowable(() -> await(resolve.resolve(ResolveShipmentCommand.notCreated(ORDER, "nora", ""))));

        assertThat(thrown)
                .isInstanceOfSatisfying(
                        OrderConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(OrderConflictException.Reason.NOT_AWAITING_RESOLUTION));
        assertThat(store.find(ORDER).orElseThrow().status()).isEqualTo(ShipmentStatus.CREATED);
    }

    @Test
    void anAbandonedClaimWithNoAttemptsNeedsTheCarrierNamed() {
        store.claim(ORDER, Fixtures.SHOP, "fp", clock.instant());
        clock.advance(ShipmentRecord.ABANDONED_AFTER.plusSeconds(1));

        Throwable thrown = catchThrowable(() -> await(
                resolve.resolve(ResolveShipmentCommand.found(ORDER, "30123456789", Optional.empty(), "nora", ""))));

        assertRefusedNaming(thrown, "carrier");
        assertThat(await(resolve.resolve(ResolveShipmentCommand.found(
                                ORDER, "30123456789", Optional.of(CarrierId.ARAMEX), "nora", "")))
                        .status())
                .isEqualTo(ShipmentStatus.CREATED);
    }
}
