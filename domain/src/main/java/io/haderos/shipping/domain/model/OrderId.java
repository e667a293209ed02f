package io.haderos.shipping.domain.model;

import java.util.regex.Pattern;

/** The platform's order identifier: 1 to 64 letters, digits, dots, dashes or underscores. */
public record OrderId(String value) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public OrderId {
        Checks.required(value, "orderId");
        if (!isWellFormed(value)) {
            throw new InvalidValueException(
                    "orderId", "must be 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
    }

    /** Whether {@code value} is a well-formed order id, without the exception {@link #of} throws when not. */
    public static boolean isWellFormed(String value) {
        return value != null && ID.matcher(value).matches();
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
