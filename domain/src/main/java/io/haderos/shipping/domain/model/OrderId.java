package io.haderos.shipping.domain.model;

import java.util.regex.Pattern;

/** The platform's order identifier: 1 to 64 letters, digits, dots, dashes or underscores. */
public record OrderId(String value) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public OrderId {
        Checks.required(value, "orderId");
        if (!ID.matcher(value).matches()) {
            throw new InvalidValueException(
                    "orderId", "must be 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
