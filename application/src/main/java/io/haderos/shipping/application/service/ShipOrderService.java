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
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.ShippingCarrier;

import java.time.Clock;
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
    public ShipOrderService(List<ShippingCarrier> carriers, FallbackPolicy policy, ShipmentStore store,
                            Party defaultShipper, Clock clock) {
        this(carriers, policy, store, defaultShipper, clock, CarrierCallObserver.none());
    }

    /**
     * @param carriers       in the order they are tried
     * @param defaultShipper the shipper for commands that name none
     * @param observer       sees every carrier call and every fallback
     */
    public ShipOrderService(List<ShippingCarrier> carriers, FallbackPolicy policy, ShipmentStore store,
                            Party defaultShipper, Clock clock, CarrierCallObserver observer) {
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
            return new ShipOrderResult(replay(existing.get(), fingerprint), true);
        }
        return new ShipOrderResult(create(command.orderId(), request), false);
    }

    private static ShipmentRecord replay(ShipmentRecord existing, String fingerprint) {
        if (!existing.requestFingerprint().equals(fingerprint)) {
            throw new OrderConflictException(existing.orderId(), OrderConflictException.Reason.DIFFERENT_REQUEST);
        }
        return switch (existing.status()) {
            case CREATED -> existing;
            case IN_PROGRESS -> throw new OrderConflictException(existing.orderId(),
                    OrderConflictException.Reason.IN_PROGRESS);
            case OUTCOME_UNKNOWN -> throw new OrderConflictException(existing.orderId(),
                    OrderConflictException.Reason.OUTCOME_UNKNOWN);
        };
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
            store.recordCreated(orderId, served.value(), served.fallback(), served.attempts(), clock.instant());
            return store.find(orderId).orElseThrow();
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
}
