package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A carrier that quotes, creates and tracks shipments, and gives their labels again.
 *
 * <p>The asynchronous methods are the port: they return at once, never block the calling thread on the
 * network, and complete on whichever thread finishes the carrier's work: for an HTTP carrier the thread where its
 * client completes the exchange (the common {@code ForkJoinPool} for the JDK's {@code HttpClient}), for an answer
 * known locally the calling thread. Stages on them must not block: blocking work goes to an executor. A failure
 * completes the future exceptionally with a {@link CarrierException}: {@link CarrierUnavailableException} for
 * carrier faults (the breaker counts them), {@link CarrierRejectedException} when the carrier refused the
 * request's content, {@link CarrierConfigurationException} when it refused our credentials, and
 * {@link TrackingNumberNotFoundException} for an unknown tracking number. The synchronous methods wait for the
 * asynchronous ones and throw the same exceptions; they are for embedders whose own code is synchronous.
 */
public interface ShippingCarrier {

    CarrierId id();

    /** Prices the request; at least one quote on success. Safe to repeat. */
    CompletableFuture<List<RateQuote>> quoteRatesAsync(RateRequest request);

    /** Creates a shipment. Not idempotent at the carrier: never retry blindly. */
    CompletableFuture<CreatedShipment> createShipmentAsync(ShipmentRequest request);

    /** The shipment's events, newest first. Safe to repeat. */
    CompletableFuture<ShipmentTracking> trackAsync(String trackingNumber);

    /**
     * The labels of a shipment this carrier created, fetched again, with their bytes: in the format the shipment was
     * created with where the carrier keeps it. Safe to repeat; it passes the carrier's breaker like any call.
     *
     * <p>The default is for carriers that cannot give labels again: they have none to give.
     *
     * @return the labels, ordered by parcel; empty when the carrier has none for the shipment
     */
    default CompletableFuture<List<Label>> labelsAsync(String trackingNumber) {
        return CompletableFuture.completedFuture(List.of());
    }

    /**
     * The shipments the carrier holds under our reference for {@code orderId} (the order id is sent as the shipment's
     * reference when it is created), for settling an order whose creation's outcome is unknown. A read: safe to repeat,
     * passes the carrier's breaker like tracking. Completes with an empty list when the carrier knows none.
     */
    CompletableFuture<List<CreatedShipment>> findByReferenceAsync(OrderId orderId);

    /**
     * Sends a call that reaches the carrier and is safe to repeat, so that a breaker waiting for a trial gets one
     * when no client call comes: a quote for a configured route, a query of a known shipment.
     *
     * @return the call, which completes normally when the carrier answered it; empty when the carrier knows of
     *     nothing it could safely ask
     */
    Optional<CompletableFuture<Void>> probeAsync();

    /** {@link #quoteRatesAsync}, waiting for the answer. */
    default List<RateQuote> quoteRates(RateRequest request) {
        return await(quoteRatesAsync(request));
    }

    /** {@link #createShipmentAsync}, waiting for the answer. */
    default CreatedShipment createShipment(ShipmentRequest request) {
        return await(createShipmentAsync(request));
    }

    /** {@link #findByReferenceAsync}, waiting for the answer. */
    default List<CreatedShipment> findByReference(OrderId orderId) {
        return await(findByReferenceAsync(orderId));
    }

    /** {@link #trackAsync}, waiting for the answer. */
    default ShipmentTracking track(String trackingNumber) {
        return await(trackAsync(trackingNumber));
    }

    /** {@link #labelsAsync}, waiting for the answer. */
    default List<Label> labels(String trackingNumber) {
        return await(labelsAsync(trackingNumber));
    }

    /**
     * Waits for {@code call} and returns its value, or throws the exception it failed with (a
     * {@link CarrierException}, not wrapped).
     */
    static <T> T await(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
