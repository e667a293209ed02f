package io.haderos.shipping.domain.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A shipment that a carrier has created.
 *
 * @param trackingNumber        the shipment-level waybill (Aramex {@code ID}, SMSA {@code sawb})
 * @param parcelTrackingNumbers per-parcel waybills where the carrier issues them (SMSA), else empty
 * @param labels                its labels, ordered by parcel, all in one format: one per parcel where the carrier
 *                              issues them per parcel (SMSA), else one for the whole shipment (Aramex); empty when
 *                              the carrier gave none
 */
public record CreatedShipment(
        CarrierId carrier, String trackingNumber, List<String> parcelTrackingNumbers, List<Label> labels) {

    public CreatedShipment {
        Checks.required(carrier, "carrier");
        trackingNumber = Checks.text(trackingNumber, "trackingNumber", 64);
        parcelTrackingNumbers = List.copyOf(Checks.required(parcelTrackingNumbers, "parcelTrackingNumbers"));
        labels = Checks.required(labels, "labels").stream()
                .sorted(Comparator.comparingInt(Label::parcel))
                .toList();
        for (int i = 1; i < labels.size(); i++) {
            if (labels.get(i).parcel() == labels.get(i - 1).parcel()) {
                throw new InvalidValueException(
                        "labels", "two labels for parcel " + labels.get(i).parcel());
            }
            if (labels.get(i).format() != labels.get(0).format()) {
                throw new InvalidValueException("labels", "a shipment's labels share one format");
            }
        }
    }

    /** A shipment without labels. */
    public CreatedShipment(CarrierId carrier, String trackingNumber, List<String> parcelTrackingNumbers) {
        this(carrier, trackingNumber, parcelTrackingNumbers, List.of());
    }

    /** The format its labels were made in; empty when it has none. */
    public Optional<LabelFormat> labelFormat() {
        return labels.stream().map(Label::format).findFirst();
    }

    /** Whether some label's bytes are still to be fetched from the carrier. */
    public boolean hasUnfetchedLabels() {
        return labels.stream().anyMatch(label -> !label.isFetched());
    }

    /**
     * Whether every label is here with its bytes: there is at least one, none waits to be fetched, and a carrier that
     * issues a label per parcel has one for each parcel. Otherwise the carrier is asked for them again.
     */
    public boolean hasAllLabels() {
        return !labels.isEmpty() && !hasUnfetchedLabels() && labels.size() >= parcelTrackingNumbers.size();
    }

    /** The same shipment with {@code replacement} as its labels. */
    public CreatedShipment withLabels(List<Label> replacement) {
        return new CreatedShipment(carrier, trackingNumber, parcelTrackingNumbers, replacement);
    }
}
