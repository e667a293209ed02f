package io.haderos.shipping.domain.model;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A shipment that a carrier has created.
 *
 * @param trackingNumber        the shipment-level waybill (Aramex {@code ID}, SMSA {@code sawb})
 * @param parcelTrackingNumbers per-parcel waybills where the carrier issues them (SMSA), else empty
 * @param labelUrl              where the label can be fetched, if the carrier gives a link
 */
public record CreatedShipment(
        CarrierId carrier, String trackingNumber, List<String> parcelTrackingNumbers, Optional<URI> labelUrl) {

    public CreatedShipment {
        Checks.required(carrier, "carrier");
        trackingNumber = Checks.text(trackingNumber, "trackingNumber", 64);
        parcelTrackingNumbers = List.copyOf(Checks.required(parcelTrackingNumbers, "parcelTrackingNumbers"));
        Checks.required(labelUrl, "labelUrl");
    }
}
