package io.haderos.shipping.domain.model;

/**
 * A value that the domain refuses, with the name of the field it came from.
 *
 * <p>Adapters that build domain values from outside input prefix {@link #field()} with their own
 * path (for example {@code consignee.address.country}) so the caller learns exactly what to fix.
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The offending field, as named by the record that refused it. */
    public String field() {
        return field;
    }

    /** The reason, without the field name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    /** The same refusal seen from an enclosing value: {@code prefix.field}. */
    public InvalidValueException within(String prefix) {
        return new InvalidValueException(prefix + "." + field, reason());
    }
}
