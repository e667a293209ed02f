package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ShipmentTracking;
import java.util.concurrent.CompletionStage;

/** A shipment's events, from the carrier that carries it, through that carrier's breaker. */
public interface TrackShipmentUseCase {

    /**
     * Completes with the shipment's events, or fails with
     * {@link io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException} (the carrier does not know it) or
     * {@link NoCarrierAvailableException} (the carrier cannot be reached now) or {@link RequestRejectedException} (the
     * carrier refused the number as malformed). Never blocks the calling thread.
     *
     * @throws UnknownCarrierException at once, when no such carrier is configured
     */
    CompletionStage<ShipmentTracking> track(CarrierId carrier, String trackingNumber);
}
