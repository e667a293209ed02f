package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;

import io.haderos.shipping.domain.model.OrderId;

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
}
