package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.ShipmentTracking;

/** A shipment's events, from the carrier that carries it, through that carrier's breaker. */
public interface TrackShipmentUseCase {

    /**
     * @throws UnknownCarrierException  no such carrier is configured
     * @throws io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException the carrier does not know it
     * @throws NoCarrierAvailableException the carrier cannot be reached now
     */
    ShipmentTracking track(CarrierId carrier, String trackingNumber);
}
