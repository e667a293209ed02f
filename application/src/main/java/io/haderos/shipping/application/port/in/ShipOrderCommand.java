package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRequest;
import java.util.List;
import java.util.Optional;

/**
 * Ship an order. The shipper is the configured default unless the caller gives one.
 *
 * @param client      the client asking: the order becomes its, and no other client may ship under its id
 * @param labelFormat the label format asked for ({@link LabelFormat#PDF} unless the request names one); a carrier
 *                    that cannot make it makes PDF
 */
public record ShipOrderCommand(
        OrderId orderId,
        Optional<Party> shipper,
        Party consignee,
        List<Parcel> parcels,
        String description,
        Money declaredValue,
        Money cashOnDelivery,
        Optional<String> service,
        ClientId client,
        LabelFormat labelFormat) {

    public ShipOrderCommand {
        Checks.required(orderId, "orderId");
        Checks.required(shipper, "shipper");
        Checks.required(consignee, "consignee");
        parcels = Checks.nonEmpty(parcels, "parcels", ShipmentRequest.MAX_PARCELS);
        description = Checks.text(description, "description", ShipmentRequest.MAX_DESCRIPTION);
        Checks.required(declaredValue, "declaredValue");
        Checks.required(cashOnDelivery, "cashOnDelivery");
        service = Checks.required(service, "service").map(s -> Checks.text(s, "service", 10));
        Checks.required(client, "client");
        Checks.required(labelFormat, "labelFormat");
    }

    /** The carrier request, with {@code defaultShipper} where the command names none. */
    public ShipmentRequest toShipmentRequest(Party defaultShipper) {
        return new ShipmentRequest(
                orderId,
                shipper.orElse(defaultShipper),
                consignee,
                parcels,
                description,
                declaredValue,
                cashOnDelivery,
                service,
                labelFormat);
    }
}
