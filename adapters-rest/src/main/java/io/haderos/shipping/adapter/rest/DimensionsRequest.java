package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;

import io.haderos.shipping.domain.model.Dimensions;
import java.math.BigDecimal;

/** {@code {"length":30,"width":20,"height":10}} in centimetres. */
record DimensionsRequest(BigDecimal length, BigDecimal width, BigDecimal height) {

    Dimensions toDomain(String path) {
        return at(path, () -> new Dimensions(length, width, height));
    }
}
