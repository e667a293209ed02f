package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import java.util.List;

/**
 * A carrier that quotes, creates and tracks shipments.
 *
 * <p>Every method reports failure with a {@link CarrierException}: {@link CarrierUnavailableException}
 * for carrier faults (the breaker counts them), {@link CarrierRejectedException} when the carrier refused
 * the request's content, {@link CarrierConfigurationException} when it refused our credentials, and
 * {@link TrackingNumberNotFoundException} for an unknown tracking number.
 */
public interface ShippingCarrier {

    CarrierId id();

    /** Prices the request; at least one quote on success. Safe to repeat. */
    List<RateQuote> quoteRates(RateRequest request);

    /** Creates a shipment. Not idempotent at the carrier: never retry blindly. */
    CreatedShipment createShipment(ShipmentRequest request);

    /** The shipment's events, newest first. */
    ShipmentTracking track(String trackingNumber);
}
