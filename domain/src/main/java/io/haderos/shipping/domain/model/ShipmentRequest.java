package io.haderos.shipping.domain.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Everything a carrier needs to create one shipment for an order.
 *
 * @param labelFormat the label format asked for; a carrier that cannot make it makes its own ({@link LabelFormat#PDF})
 */
public record ShipmentRequest(
        OrderId orderId,
        Party shipper,
        Party consignee,
        List<Parcel> parcels,
        String description,
        Money declaredValue,
        Money cashOnDelivery,
        Optional<String> service,
        LabelFormat labelFormat) {

    public static final int MAX_PARCELS = 99;
    public static final int MAX_DESCRIPTION = 200;

    public ShipmentRequest {
        Checks.required(orderId, "orderId");
        Checks.required(shipper, "shipper");
        Checks.required(consignee, "consignee");
        parcels = Checks.nonEmpty(parcels, "parcels", MAX_PARCELS);
        description = Checks.text(description, "description", MAX_DESCRIPTION);
        Checks.required(declaredValue, "declaredValue");
        Checks.required(cashOnDelivery, "cod");
        service = Checks.required(service, "service").map(s -> Checks.text(s, "service", 10));
        Checks.required(labelFormat, "labelFormat");
    }

    /** The same request, asking for labels in {@code format}. */
    public ShipmentRequest withLabelFormat(LabelFormat format) {
        return new ShipmentRequest(
                orderId, shipper, consignee, parcels, description, declaredValue, cashOnDelivery, service, format);
    }

    /** The sum of the parcels' weights. */
    public Weight totalWeight() {
        return parcels.stream().map(Parcel::weight).reduce(Weight::plus).orElseThrow();
    }

    public boolean isDomestic() {
        return shipper.address().sameCountryAs(consignee.address());
    }

    public boolean isCashOnDelivery() {
        return cashOnDelivery.amount().compareTo(BigDecimal.ZERO) > 0;
    }
}
