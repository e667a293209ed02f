package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;

import io.haderos.shipping.domain.model.OrderId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Checks on what resources receive before they translate it. */
final class RequestBodies {

    private RequestBodies() {}

    /** The body; an empty body or a JSON {@code null} is refused. */
    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException(null, "a JSON object is required as the request body");
        }
        return body;
    }

    /** The order id of the path, refused with field {@code order_id} when malformed. */
    static OrderId orderId(String value) {
        return at("", () -> OrderId.of(value));
    }

    /**
     * An instant as the API takes it, ISO-8601 with its offset ({@code 2026-03-01T03:00:00Z}, or {@code +03:00}),
     * surrounding white space ignored; refused with {@code field} when it is anything else.
     */
    static Instant instant(String value, String field) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    field, "must be an ISO-8601 instant with its offset, such as 2026-03-01T03:00:00Z");
        }
    }
}
