package io.haderos.shipping.domain.model;

import java.math.BigDecimal;

/** A positive weight in kilograms, at most {@value #MAX_KG} kg, with at most three decimals. */
public record Weight(BigDecimal kilograms) {

    public static final int MAX_KG = 1000;

    public Weight {
        kilograms = Checks.positive(kilograms, "weight", BigDecimal.valueOf(MAX_KG), 3);
    }

    public static Weight ofKilograms(String kilograms) {
        return new Weight(new BigDecimal(kilograms));
    }

    public Weight plus(Weight other) {
        return new Weight(kilograms.add(other.kilograms));
    }
}
