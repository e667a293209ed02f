package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.model.InvalidValueException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The request is not acceptable as written: 400, naming the field at fault by its JSON path
 * ({@code consignee.address.country}, {@code parcels[0].weight_kg}), or no field when the whole body is.
 *
 * <p>Only request translation throws it, naming the field by its JSON path ({@link JsonPaths}): the core names fields
 * by their Java names. A domain {@link InvalidValueException} that escapes a use case is our bug, not the caller's,
 * and is reported as such.
 */
final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidRequestException(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    /** The JSON path of the offending field, when one field is at fault. */
    Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The reason, without the field. */
    String reason() {
        return field == null ? getMessage() : getMessage().substring(field.length() + 2);
    }

    /** {@code value}, or a refusal naming {@code path} when it is absent. */
    static <T> T required(T value, String path) {
        if (value == null) {
            throw new InvalidRequestException(path, "is required");
        }
        return value;
    }

    /**
     * A use case's failure as the caller should see it: a domain refusal of a value taken from the request becomes a
     * refusal naming that field; anything else is passed on unwrapped.
     */
    static RuntimeException naming(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof InvalidValueException invalid) {
            return new InvalidRequestException(JsonPaths.of(invalid.field()), invalid.reason());
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    /**
     * Builds a domain value from the part of the request found at {@code path} (empty for the top level),
     * turning the domain's refusal into one that names the field by its full path.
     */
    static <T> T at(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValueException e) {
            String field = JsonPaths.of(e.field());
            throw new InvalidRequestException(path.isEmpty() ? field : path + "." + field, e.reason());
        }
    }
}
