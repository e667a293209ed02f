package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.OrderId;
import java.util.Optional;

/**
 * What an operator found for a held order.
 *
 * @param trackingNumber the shipment's tracking number at the carrier, or empty when the carrier created none
 * @param carrier        the carrier holding it; by default the one whose outcome was unknown
 * @param actor          who resolves it
 * @param note           why, or where they looked
 */
public record ResolveShipmentCommand(
        OrderId orderId, Optional<String> trackingNumber, Optional<CarrierId> carrier, String actor, String note) {

    public ResolveShipmentCommand {
        Checks.required(orderId, "orderId");
        trackingNumber =
                Checks.required(trackingNumber, "trackingNumber").map(t -> Checks.text(t, "trackingNumber", 64));
        Checks.required(carrier, "carrier");
        actor = Checks.text(actor, "actor", 100);
        note = Checks.optionalText(note, "note", 500);
    }

    public static ResolveShipmentCommand found(
            OrderId orderId, String trackingNumber, Optional<CarrierId> carrier, String actor, String note) {
        return new ResolveShipmentCommand(orderId, Optional.of(trackingNumber), carrier, actor, note);
    }

    public static ResolveShipmentCommand notCreated(OrderId orderId, String actor, String note) {
        return new ResolveShipmentCommand(orderId, Optional.empty(), Optional.empty(), actor, note);
    }
}
