package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.FetchLabelUseCase;
import io.haderos.shipping.application.port.in.LabelNotFoundException;
import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.OrderNotFoundException;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.application.port.out.CarrierCallObserver;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves an order's labels from the store, and asks the carrier that created the shipment for any that are missing
 * (then stores them). Also fetches, soon after a shipment is created and off the ship call's path, labels the carrier
 * gave only a link to ({@link #prefetch}), retrying a few times while the carrier cannot answer.
 */
public final class FetchLabelService implements FetchLabelUseCase {

    /** How long {@link #prefetch} waits before each further try, after the first fails for want of the carrier. */
    public static final List<Duration> PREFETCH_RETRIES =
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2));

    private final List<ShippingCarrier> carriers;
    private final ShipmentStore store;
    private final CarrierCallObserver observer;
    private final BlockingWork storeWork;
    private final ScheduledExecutorService scheduler;

    /**
     * @param carriers      the carriers that may have created shipments; each label is asked of its own only
     * @param observer      sees every label fetch like any other carrier call
     * @param storeExecutor the bounded executor for the store's blocking calls
     * @param scheduler     runs the prefetch's retries
     */
    public FetchLabelService(
            List<ShippingCarrier> carriers,
            ShipmentStore store,
            CarrierCallObserver observer,
            Executor storeExecutor,
            ScheduledExecutorService scheduler) {
        this.carriers = List.copyOf(carriers);
        this.store = store;
        this.observer = observer;
        this.storeWork = new BlockingWork(storeExecutor);
        this.scheduler = scheduler;
    }

    @Override
    public CompletionStage<CreatedShipment> labels(ClientId client, OrderId orderId) {
        CarrierCallObserver bound = observer.boundToCaller();
        return storeWork
                .supply(() -> store.find(orderId).filter(record -> record.isVisibleTo(client)))
                .thenCompose(found -> {
                    ShipmentRecord record = found.orElseThrow(() -> new OrderNotFoundException(orderId));
                    CreatedShipment shipment = record.shipment()
                            .orElseThrow(() -> new LabelNotFoundException(
                                    orderId, "no shipment was created (status " + record.status() + ")"));
                    if (record.personalDataErasedAt().isPresent()) {
                        // Fetching them again would undo the erasure.
                        throw new LabelNotFoundException(
                                orderId,
                                "its labels were erased with its personal data at "
                                        + record.personalDataErasedAt().get());
                    }
                    if (shipment.hasAllLabels()) {
                        return CompletableFuture.completedFuture(shipment);
                    }
                    return fetch(orderId, shipment, bound).thenApply(labels -> {
                        if (labels.isEmpty()) {
                            throw new LabelNotFoundException(
                                    orderId, shipment.carrier() + " has no label for " + shipment.trackingNumber());
                        }
                        return shipment.withLabels(labels);
                    });
                });
    }

    /**
     * Fetches {@code shipment}'s labels from its carrier in the background when some are missing (a carrier that gave
     * only a link): returns at once. While the carrier cannot answer (down, breaker open) it tries again after each of
     * {@link #PREFETCH_RETRIES}; after that, or when the carrier has none, the labels are fetched when first asked for.
     */
    public void prefetch(OrderId orderId, CreatedShipment shipment) {
        if (!shipment.hasAllLabels()) {
            attempt(orderId, shipment, 0);
        }
    }

    private void attempt(OrderId orderId, CreatedShipment shipment, int retries) {
        fetch(orderId, shipment, observer).whenComplete((labels, failure) -> {
            if (failure != null
                    && StageFailures.cause(failure) instanceof NoCarrierAvailableException
                    && retries < PREFETCH_RETRIES.size()) {
                scheduler.schedule(
                        () -> attempt(orderId, shipment, retries + 1),
                        PREFETCH_RETRIES.get(retries).toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * The carrier's labels for the shipment, stored: empty when the carrier has none (or does not know the shipment,
     * refuses to print it, or is no longer configured). Labels the store cannot take now are still served.
     */
    private CompletableFuture<List<Label>> fetch(
            OrderId orderId, CreatedShipment shipment, CarrierCallObserver observer) {
        Optional<ShippingCarrier> carrier =
                carriers.stream().filter(c -> c.id().equals(shipment.carrier())).findFirst();
        if (carrier.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CarrierRead.call(
                        shipment.carrier(),
                        CarrierOperation.FETCH_LABEL,
                        observer,
                        () -> carrier.get().labelsAsync(shipment.trackingNumber()))
                .exceptionally(failure -> {
                    Throwable cause = StageFailures.cause(failure);
                    // The carrier does not know the shipment, or refuses to print it: either way it has no label.
                    if (cause instanceof TrackingNumberNotFoundException || cause instanceof RequestRejectedException) {
                        return List.of();
                    }
                    throw StageFailures.rethrown(failure);
                })
                .thenCompose(labels -> labels.isEmpty()
                        ? CompletableFuture.completedFuture(labels)
                        : storeWork.supply(() -> stored(orderId, labels)));
    }

    private List<Label> stored(OrderId orderId, List<Label> labels) {
        try {
            return store.storeLabels(orderId, labels);
        } catch (ShipmentStoreUnavailableException e) {
            return labels.stream().filter(label -> label.defect().isEmpty()).toList();
        }
    }
}
