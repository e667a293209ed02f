package io.haderos.shipping.domain.model;

import java.time.OffsetDateTime;

/** One scan or status update of a shipment, normalized across carriers. */
public record TrackingEvent(String code, String description, String location, OffsetDateTime at) {

    public TrackingEvent {
        code = Checks.optionalText(code, "code", 40);
        description = Checks.optionalText(description, "description", 500);
        location = Checks.optionalText(location, "location", 200);
        Checks.required(at, "at");
    }
}
