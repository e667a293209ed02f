package io.haderos.shipping.domain.model;

import java.math.BigDecimal;

/** Outer dimensions of a parcel in centimetres, each positive and at most {@value #MAX_CM} cm. */
public record Dimensions(BigDecimal lengthCm, BigDecimal widthCm, BigDecimal heightCm) {

    public static final int MAX_CM = 500;

    public Dimensions {
        BigDecimal max = BigDecimal.valueOf(MAX_CM);
        lengthCm = Checks.positive(lengthCm, "length", max, 1);
        widthCm = Checks.positive(widthCm, "width", max, 1);
        heightCm = Checks.positive(heightCm, "height", max, 1);
    }
}
