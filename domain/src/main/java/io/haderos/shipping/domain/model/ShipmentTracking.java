package io.haderos.shipping.domain.model;

import java.util.Comparator;
import java.util.List;

/** A shipment's tracking history, newest event first. */
public record ShipmentTracking(
        CarrierId carrier, String trackingNumber, boolean delivered, List<TrackingEvent> events) {

    public ShipmentTracking {
        Checks.required(carrier, "carrier");
        trackingNumber = Checks.text(trackingNumber, "trackingNumber", 64);
        events = Checks.required(events, "events").stream()
                .sorted(Comparator.comparing(TrackingEvent::at).reversed())
                .toList();
    }
}
