package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;

import io.haderos.shipping.domain.model.Dimensions;
import io.haderos.shipping.domain.model.Parcel;
import io.haderos.shipping.domain.model.Weight;
import java.math.BigDecimal;
import java.util.Optional;

/** {@code {"weight_kg":1.2,"dimensions_cm":{…}?}}. */
record ParcelRequest(BigDecimal weightKg, DimensionsRequest dimensionsCm) {

    Parcel toDomain(String path) {
        Weight weight = at(path, () -> new Weight(weightKg));
        Optional<Dimensions> dimensions =
                Optional.ofNullable(dimensionsCm).map(d -> d.toDomain(path + ".dimensions_cm"));
        return new Parcel(weight, dimensions);
    }
}
