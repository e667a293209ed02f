package io.haderos.shipping.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * An operator's answer for an order whose outcome was unknown: what they found at the carrier.
 *
 * @param found the shipment the carrier holds for the order, or empty when it created none
 * @param actor who resolved it, for the record
 * @param note  why, or where they looked (may be empty)
 */
public record ShipmentResolution(Optional<CreatedShipment> found, String actor, String note, Instant at) {

    public ShipmentResolution {
        Checks.required(found, "found");
        actor = Checks.text(actor, "actor", 100);
        note = Checks.optionalText(note, "note", 500);
        Checks.required(at, "at");
    }

    public boolean created() {
        return found.isPresent();
    }
}
