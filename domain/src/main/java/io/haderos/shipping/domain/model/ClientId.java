package io.haderos.shipping.domain.model;

import java.util.regex.Pattern;

/**
 * A client of the gateway, by the name its operators gave it ({@code shop-web}, {@code erp}): 1 to 40 lower-case
 * letters, digits or dashes. Every shipment records the client that created it, and only that client may read it or
 * ship under its order id again.
 */
public record ClientId(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

    /** The one client of a gateway that authenticates nobody: every request is made in its name. */
    public static final ClientId ANONYMOUS = new ClientId("anonymous");

    public ClientId {
        Checks.required(value, "client");
        if (!NAME.matcher(value).matches()) {
            throw new InvalidValueException("client", "must be 1 to 40 lower-case letters, digits or '-'");
        }
    }

    /** The client named {@code value}; refused, naming the field {@code client}, when it is not a valid name. */
    public static ClientId of(String value) {
        return new ClientId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
