package io.haderos.shipping.domain.model;

import java.util.Optional;

/** One physical piece of a shipment. */
public record Parcel(Weight weight, Optional<Dimensions> dimensions) {

    public Parcel {
        Checks.required(weight, "weight");
        Checks.required(dimensions, "dimensions");
    }

    public static Parcel of(Weight weight) {
        return new Parcel(weight, Optional.empty());
    }
}
