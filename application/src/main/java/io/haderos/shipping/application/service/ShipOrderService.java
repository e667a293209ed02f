package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.application.port.in.ShipOrderUseCase;
import io.haderos.shipping.application.port.in.ShipmentOutcomeUnknownException;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.policy.FallbackPolicy;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Ships an order at most once: the store's claim decides who may ask the carriers, the chain asks them one at a time
 * under {@link FallbackPolicy} (never hedged: a shipment sent is never sent elsewhere too), and the store records how
 * it ended before the caller hears of it. Store work runs on the store's executor, carrier calls are asynchronous.
 */
public final class ShipOrderService implements ShipOrderUseCase {

    private final CarrierChain chain;
    private final ShipmentStoreWork storeWork;
    private final Party defaultShipper;
    private final Optional<FetchLabelService> labels;

    /**
     * @param carriers       in the order they are tried
     * @param defaultShipper the shipper for commands that name none
     * @param observer       sees every carrier call and every fallback
     * @param storeExecutor  the bounded executor for the store's blocking calls
     * @param labels         once a shipment is recorded, fetches in the background the labels its carrier gave only a
     *                       link to ({@link FetchLabelService#prefetch}); when empty, they wait until first asked for
     */
    public ShipOrderService(
            List<ShippingCarrier> carriers,
            FallbackPolicy policy,
            ShipmentStore store,
            Party defaultShipper,
            Clock clock,
            CarrierCallObserver observer,
            Executor storeExecutor,
            Optional<FetchLabelService> labels) {
        this.chain = new CarrierChain(carriers, policy, observer);
        this.storeWork = new ShipmentStoreWork(store, clock, storeExecutor);
        this.defaultShipper = defaultShipper;
        this.labels = labels;
    }

    @Override
    public CompletionStage<ShipOrderResult> shipOrder(ShipOrderCommand command) {
        // Built before the claim: a request the domain refuses must not leave the order claimed.
        ShipmentRequest request = command.toShipmentRequest(defaultShipper);
        String fingerprint = RequestFingerprint.of(command);
        CarrierChain chain = this.chain.boundToCaller();
        return storeWork
                .supply((store, now) -> store.claim(command.orderId(), command.client(), fingerprint, now)
                        .map(existing -> replay(existing, command, now)))
                .thenCompose(replayed -> replayed.isPresent()
                        ? CompletableFuture.completedFuture(new ShipOrderResult(replayed.get(), true))
                        : create(chain, command, request).thenApply(record -> {
                            record.shipment()
                                    .ifPresent(created ->
                                            labels.ifPresent(fetch -> fetch.prefetch(command.orderId(), created)));
                            return new ShipOrderResult(record, false);
                        }));
    }

    /** The order was claimed before: its record when {@code command} repeats the request that created it, else why not. */
    private static ShipmentRecord replay(ShipmentRecord existing, ShipOrderCommand command, Instant now) {
        if (!existing.isVisibleTo(command.client())) {
            // Checked first: another client learns only that the id is taken, nothing of the order.
            throw new OrderConflictException(existing.orderId(), OrderConflictException.Reason.ORDER_ID_TAKEN);
        }
        if (!RequestFingerprint.matches(existing.requestFingerprint(), command)) {
            throw new OrderConflictException(existing.orderId(), OrderConflictException.Reason.DIFFERENT_REQUEST);
        }
        if (existing.status() == ShipmentStatus.CREATED) {
            return existing;
        }
        throw new OrderConflictException(
                existing.orderId(),
                existing.statusAt(now) == ShipmentStatus.OUTCOME_UNKNOWN
                        ? OrderConflictException.Reason.OUTCOME_UNKNOWN
                        : OrderConflictException.Reason.IN_PROGRESS);
    }

    /** The order is claimed: ask the carriers, then record the outcome, whatever it is, before answering. */
    private CompletableFuture<ShipmentRecord> create(
            CarrierChain chain, ShipOrderCommand command, ShipmentRequest request) {
        return chain.<CreatedShipment>run(
                        CarrierOperation.CREATE_SHIPMENT, carrier -> carrier.createShipmentAsync(request))
                .handle((outcome, bug) ->
                        storeWork.supplyEvenIfFull((store, now) -> record(store, now, command, outcome, bug)))
                .thenCompose(recorded -> recorded);
    }

    private static ShipmentRecord record(
            ShipmentStore store,
            Instant now,
            ShipOrderCommand command,
            CarrierChain.Outcome<CreatedShipment> outcome,
            Throwable bug) {
        OrderId orderId = command.orderId();
        if (bug != null) {
            // A failure that is not a carrier's answer may have struck after the request left: hold the order.
            store.recordOutcomeUnknown(orderId, List.of(), now);
            throw StageFailures.rethrown(bug);
        }
        return outcome.match(
                served -> recordCreated(store, now, command, served),
                rejected -> {
                    store.release(orderId);
                    throw new RequestRejectedException(rejected.rejection(), rejected.attempts());
                },
                unknown -> {
                    store.recordOutcomeUnknown(orderId, unknown.attempts(), now);
                    throw new ShipmentOutcomeUnknownException(orderId, unknown.carrier(), unknown.attempts());
                },
                exhausted -> {
                    store.release(orderId);
                    throw new NoCarrierAvailableException(exhausted.attempts(), exhausted.retryAfter());
                });
    }

    /**
     * The carrier created it: the caller gets the shipment even if the store cannot record it now. The claim still
     * holds the order, so no second shipment can follow; an operator resolves it from the held record.
     */
    private static ShipmentRecord recordCreated(
            ShipmentStore store, Instant now, ShipOrderCommand command, CarrierChain.Served<CreatedShipment> served) {
        OrderId orderId = command.orderId();
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
                    now,
                    Optional.empty(),
                    Optional.of(command.client()),
                    Optional.empty());
        }
    }
}
