package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Ship an order. The shipper is the configured default unless the caller gives one.
 */
public record ShipOrderCommand(
        OrderId orderId,
        Optional<Party> shipper,
        Party consignee,
        List<Parcel> parcels,
        String description,
        Money declaredValue,
        Money cashOnDelivery,
        Optional<String> service) {

    public ShipOrderCommand {
        Checks.required(orderId, "orderId");
        Checks.required(shipper, "shipper");
        Checks.required(consignee, "consignee");
        parcels = Checks.nonEmpty(parcels, "parcels", ShipmentRequest.MAX_PARCELS);
        description = Checks.text(description, "description", ShipmentRequest.MAX_DESCRIPTION);
        Checks.required(declaredValue, "declaredValue");
        Checks.required(cashOnDelivery, "cashOnDelivery");
        service = Checks.required(service, "service").map(s -> Checks.text(s, "service", 10));
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
                service);
    }

    /**
     * Identifies the request's content: two commands with the same fingerprint ask for the same shipment.
     * Built from the validated values, so formatting differences ({@code 1.20} vs {@code 1.2}) do not matter.
     */
    public String fingerprint() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
