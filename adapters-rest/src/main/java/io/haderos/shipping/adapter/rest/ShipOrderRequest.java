package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;
import static io.haderos.shipping.adapter.rest.InvalidRequestException.required;

import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Party;
import io.haderos.shipping.domain.model.ShipmentRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /orders/{order_id}/ship} (docs/architecture.md#rest-contract). {@code shipper} is optional (the
 * configured shipper is used without it), {@code cod} too (none: zero in the declared value's currency),
 * {@code service}, and {@code label_format} ({@code pdf}, the default, or {@code zpl}).
 */
record ShipOrderRequest(
        PartyRequest shipper,
        PartyRequest consignee,
        List<ParcelRequest> parcels,
        String description,
        MoneyRequest declaredValue,
        MoneyRequest cod,
        String service,
        String labelFormat) {

    ShipOrderCommand toCommand(OrderId orderId, ClientId client) {
        Optional<Party> sender = Optional.ofNullable(shipper).map(s -> s.toDomain("shipper"));
        Party receiver = required(consignee, "consignee").toDomain("consignee");
        List<Parcel> pieces = toParcels();
        Money declared = required(declaredValue, "declared_value").toDomain("declared_value");
        Money cashOnDelivery = cod == null ? new Money(BigDecimal.ZERO, declared.currency()) : cod.toDomain("cod");
        LabelFormat format =
                labelFormat == null ? LabelFormat.PDF : at("", () -> LabelFormat.of(labelFormat, "label_format"));
        return at(
                "",
                () -> new ShipOrderCommand(
                        orderId,
                        sender,
                        receiver,
                        pieces,
                        description,
                        declared,
                        cashOnDelivery,
                        Optional.ofNullable(service),
                        client,
                        format));
    }

    private List<Parcel> toParcels() {
        if (parcels == null) {
            return null; // the command names the missing field
        }
        if (parcels.size() > ShipmentRequest.MAX_PARCELS) {
            throw new InvalidRequestException(
                    "parcels", "must not have more than " + ShipmentRequest.MAX_PARCELS + " entries");
        }
        List<Parcel> pieces = new ArrayList<>(parcels.size());
        for (int i = 0; i < parcels.size(); i++) {
            String path = "parcels[" + i + "]";
            pieces.add(required(parcels.get(i), path).toDomain(path));
        }
        return pieces;
    }
}
