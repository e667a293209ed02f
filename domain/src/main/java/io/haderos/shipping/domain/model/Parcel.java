package io.haderos.shipping.domain.model;

import java.util.Optional;

/** One physical piece of a shipment. */
public record Parcel(Weight weight, Optional<Dimensions> dimensions) {

    public Parcel {
        Checks.required(weight, "weight_kg");
        Checks.required(dimensions, "dimensions_cm");
    }

    public static Parcel of(Weight weight) {
        return new Parcel(weight, Optional.empty());
    }
}
