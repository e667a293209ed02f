package io.haderos.shipping.adapter.carrierhttp;

import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.policy.CarrierOperation;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What a carrier library's {@link ShippingCarrier} does alike whatever the carrier: it checks a call's argument, then
 * passes the call through the carrier's circuit breaker to the carrier's {@link Client}, which knows the vendor. An
 * argument that fails its check fails at once, before the breaker, and is not counted.
 *
 * <p>Quotes and the breaker's trial ({@link #probeAsync()}) differ between carriers and are each subclass's own; so is
 * what each call means at the vendor, which each subclass describes.
 */
public abstract class BreakerGuardedCarrier implements ShippingCarrier {

    /** The longest tracking number a carrier is asked about. */
    private static final int MAX_TRACKING_NUMBER = 64;

    /**
     * A carrier's calls without a breaker: each maps its argument to the vendor's request, and completes with the
     * reply as a domain value or fails with exactly one {@link io.haderos.shipping.domain.port.out.CarrierException}.
     */
    public interface Client {

        /** Creates one shipment. */
        CompletableFuture<CreatedShipment> createShipment(ShipmentRequest request);

        /** The events of the shipment with this (checked) tracking number. */
        CompletableFuture<ShipmentTracking> track(String trackingNumber);

        /** The labels of the shipment with this (checked) tracking number. */
        CompletableFuture<List<Label>> labels(String trackingNumber);

        /** The shipments the carrier holds under this order id, sent as the shipment's reference. */
        CompletableFuture<List<CreatedShipment>> findByReference(String reference);
    }

    private final CarrierId id;
    private final CarrierCircuitBreaker breaker;
    private final Client client;

    /**
     * A carrier whose calls pass {@code breaker} on their way to {@code client}.
     *
     * @param id      the carrier, which {@link #id()} answers
     * @param breaker the breaker for {@code id}, already checked to be for it
     * @param client  the carrier's calls without a breaker
     */
    protected BreakerGuardedCarrier(CarrierId id, CarrierCircuitBreaker breaker, Client client) {
        this.id = Objects.requireNonNull(id, "id");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The breaker in front of every call.
     *
     * @return the breaker; its {@code snapshot()} is what monitoring shows
     */
    public final CarrierCircuitBreaker circuitBreaker() {
        return breaker;
    }

    /** Always the carrier this instance was created for. */
    @Override
    public final CarrierId id() {
        return id;
    }

    /**
     * Creates one shipment through the breaker ({@link CarrierOperation#CREATE_SHIPMENT}); see the carrier's class
     * description for what the carrier does with it.
     *
     * @throws NullPointerException when {@code request} is null (before the breaker: not counted)
     */
    @Override
    public CompletableFuture<CreatedShipment> createShipmentAsync(ShipmentRequest request) {
        Objects.requireNonNull(request, "request");
        return breaker.callAsync(CarrierOperation.CREATE_SHIPMENT, () -> client.createShipment(request));
    }

    /**
     * The shipment's events, newest first, through the breaker ({@link CarrierOperation#TRACK_SHIPMENT}); see the
     * carrier's class description for what the carrier does with it.
     *
     * @throws io.haderos.shipping.domain.model.InvalidValueException when {@code trackingNumber} is null, blank or
     *     longer than 64 characters (before the breaker: not counted)
     */
    @Override
    public final CompletableFuture<ShipmentTracking> trackAsync(String trackingNumber) {
        String checked = Checks.text(trackingNumber, "tracking", MAX_TRACKING_NUMBER);
        return breaker.callAsync(CarrierOperation.TRACK_SHIPMENT, () -> client.track(checked));
    }

    /**
     * The shipment's labels again, through the breaker ({@link CarrierOperation#FETCH_LABEL}); see the carrier's
     * class description for what the carrier does with it.
     *
     * @throws io.haderos.shipping.domain.model.InvalidValueException when {@code trackingNumber} is null, blank or
     *     longer than 64 characters (before the breaker: not counted)
     */
    @Override
    public final CompletableFuture<List<Label>> labelsAsync(String trackingNumber) {
        String checked = Checks.text(trackingNumber, "tracking", MAX_TRACKING_NUMBER);
        return breaker.callAsync(CarrierOperation.FETCH_LABEL, () -> client.labels(checked));
    }

    /**
     * The shipments the carrier holds under the order id, through the breaker like tracking
     * ({@link CarrierOperation#TRACK_SHIPMENT}); see the carrier's class description for what the carrier does with
     * it.
     *
     * @throws NullPointerException when {@code orderId} is null (before the breaker: not counted)
     */
    @Override
    public final CompletableFuture<List<CreatedShipment>> findByReferenceAsync(OrderId orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return breaker.callAsync(CarrierOperation.TRACK_SHIPMENT, () -> client.findByReference(orderId.value()));
    }

    /** The carrier's class and its breaker's current state; never any configuration value. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + breaker.snapshot().state() + "]";
    }
}
