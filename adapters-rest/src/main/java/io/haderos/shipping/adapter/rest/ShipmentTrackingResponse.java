package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.model.TrackingEvent;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code {"provider","tracking","delivered","events":[{"code","description","location","time"}]}}, newest
 * event first; {@code time} is ISO-8601 with the carrier's offset, absent texts are null.
 */
record ShipmentTrackingResponse(String provider, String tracking, boolean delivered, List<Event> events) {

    static ShipmentTrackingResponse from(ShipmentTracking tracking) {
        return new ShipmentTrackingResponse(
                tracking.carrier().value(),
                tracking.trackingNumber(),
                tracking.delivered(),
                tracking.events().stream().map(Event::from).toList());
    }

    record Event(String code, String description, String location, OffsetDateTime time) {

        static Event from(TrackingEvent event) {
            return new Event(orNull(event.code()), orNull(event.description()), orNull(event.location()), event.at());
        }

        private static String orNull(String text) {
            return text.isEmpty() ? null : text;
        }
    }
}
