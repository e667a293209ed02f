package io.haderos.shipping.domain.model;

import java.util.regex.Pattern;

/** A carrier's stable, lower-case name, such as {@code aramex} or {@code smsa}. */
public record CarrierId(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public static final CarrierId ARAMEX = new CarrierId("aramex");
    public static final CarrierId SMSA = new CarrierId("smsa");

    public CarrierId {
        Checks.required(value, "carrier");
        if (!NAME.matcher(value).matches()) {
            throw new InvalidValueException("carrier", "must be a lower-case name like 'aramex' (got '" + value + "')");
        }
    }

    public static CarrierId of(String value) {
        return new CarrierId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
