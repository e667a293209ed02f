package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.application.port.in.ShipOrderUseCase;
import io.haderos.shipping.application.port.in.ShipmentOutcomeUnknownException;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ships an order at most once: the store's claim decides who may ask the carriers, the chain asks them
 * under {@link FallbackPolicy}, and the store records how it ended.
 */
public final class ShipOrderService implements ShipOrderUseCase {

    private final CarrierChain chain;
    private final ShipmentStore store;
    private final Party defaultShipper;
    private final Clock clock;

    /**
     * @param carriers       in the order they are tried
     * @param defaultShipper the shipper for commands that name none
     */
    public ShipOrderService(
            List<ShippingCarrier> carriers,
            FallbackPolicy policy,
            ShipmentStore store,
            Party defaultShipper,
            Clock clock) {
        this(carriers, policy, store, defaultShipper, clock, CarrierCallObserver.none());
    }

    /**
     * @param carriers       in the order they are tried
     * @param defaultShipper the shipper for commands that name none
     * @param observer       sees every carrier call and every fallback
     */
    public ShipOrderService(
            List<ShippingCarrier> carriers,
            FallbackPolicy policy,
            ShipmentStore store,
            Party defaultShipper,
            Clock clock,
            CarrierCallObserver observer) {
        this.chain = new CarrierChain(carriers, policy, observer);
        this.store = store;
        this.defaultShipper = defaultShipper;
        this.clock = clock;
    }

    @Override
    public ShipOrderResult shipOrder(ShipOrderCommand command) {
        // Built before the claim: a request the domain refuses must not leave the order claimed.
        ShipmentRequest request = command.toShipmentRequest(defaultShipper);
        String fingerprint = command.fingerprint();
        Optional<ShipmentRecord> existing = store.claim(command.orderId(), fingerprint, clock.instant());
        if (existing.isPresent()) {
            return new ShipOrderResult(replay(existing.get(), fingerprint, clock.instant()), true);
        }
        return new ShipOrderResult(create(command.orderId(), request), false);
    }

    private static ShipmentRecord replay(ShipmentRecord existing, String fingerprint, Instant now) {
        if (!existing.requestFingerprint().equals(fingerprint)) {
            throw new OrderConflictException(existing.orderId(), OrderConflictException.Reason.DIFFERENT_REQUEST);
        }
        if (existing.status() == ShipmentStatus.CREATED) {
            return existing;
        }
        throw new OrderConflictException(
                existing.orderId(),
                existing.awaitsResolution(now)
                        ? OrderConflictException.Reason.OUTCOME_UNKNOWN
                        : OrderConflictException.Reason.IN_PROGRESS);
    }

    private ShipmentRecord create(OrderId orderId, ShipmentRequest request) {
        CarrierChain.Outcome<CreatedShipment> outcome;
        try {
            outcome = chain.run(CarrierOperation.CREATE_SHIPMENT, carrier -> carrier.createShipment(request));
        } catch (RuntimeException bug) {
            // A failure that is not a carrier's answer may have struck after the request left: hold the order.
            store.recordOutcomeUnknown(orderId, List.of(), clock.instant());
            throw bug;
        }
        if (outcome instanceof CarrierChain.Served<CreatedShipment> served) {
            return recordCreated(orderId, served);
        }
        if (outcome instanceof CarrierChain.OutcomeUnknown<CreatedShipment> unknown) {
            store.recordOutcomeUnknown(orderId, unknown.attempts(), clock.instant());
            throw new ShipmentOutcomeUnknownException(orderId, unknown.carrier(), unknown.attempts());
        }
        store.release(orderId);
        if (outcome instanceof CarrierChain.Rejected<CreatedShipment> rejected) {
            throw new RequestRejectedException(rejected.rejection(), rejected.attempts());
        }
        CarrierChain.Exhausted<CreatedShipment> exhausted = (CarrierChain.Exhausted<CreatedShipment>) outcome;
        throw new NoCarrierAvailableException(exhausted.attempts(), exhausted.retryAfter());
    }

    /**
     * The carrier created it: the caller gets the shipment even if the store cannot record it now. The claim
     * still holds the order, so no second shipment can follow; an operator resolves it from the held record.
     */
    private ShipmentRecord recordCreated(OrderId orderId, CarrierChain.Served<CreatedShipment> served) {
        Instant now = clock.instant();
        try {
            store.recordCreated(orderId, served.value(), served.fallback(), served.attempts(), now);
            return store.find(orderId).orElseThrow();
        } catch (ShipmentStoreUnavailableException e) {
            return new ShipmentRecord(
                    orderId,
                    "unrecorded",
                    ShipmentStatus.CREATED,
                    Optional.of(served.value()),
                    served.fallback(),
                    served.attempts(),
                    now,
                    now);
        }
    }
}
