package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;
import static io.haderos.shipping.adapter.rest.InvalidRequestException.required;

import io.haderos.shipping.application.port.in.ResolveShipmentCommand;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.model.OrderId;
import java.util.Optional;

/**
 * {@code POST /orders/{order_id}/shipment/resolution}: what an operator found at the carrier for a held order,
 * {@code {"outcome":"created","tracking":"30123456789","provider":"aramex","reason":"…","actor":"…"}} or
 * {@code {"outcome":"not_created","reason":"…"}}. {@code provider} defaults to the carrier whose outcome was
 * unknown; {@code actor} to {@value #DEFAULT_ACTOR}.
 */
record ShipmentResolutionRequest(String outcome, String tracking, String provider, String reason, String actor) {

    static final String DEFAULT_ACTOR = "operator";

    ResolveShipmentCommand toCommand(OrderId orderId) {
        String who = actor == null ? DEFAULT_ACTOR : actor;
        return switch (required(outcome, "outcome")) {
            case "created" -> {
                String trackingNumber = required(tracking, "tracking");
                Optional<CarrierId> carrier = Optional.ofNullable(provider).map(ShipmentResolutionRequest::carrier);
                yield at("", () -> ResolveShipmentCommand.found(orderId, trackingNumber, carrier, who, reason));
            }
            case "not_created" -> {
                if (tracking != null || provider != null) {
                    throw new InvalidRequestException(
                            tracking != null ? "tracking" : "provider",
                            "must be absent when the outcome is not_created");
                }
                yield at("", () -> ResolveShipmentCommand.notCreated(orderId, who, reason));
            }
            default -> throw new InvalidRequestException("outcome", "must be \"created\" or \"not_created\"");
        };
    }

    private static CarrierId carrier(String name) {
        try {
            return CarrierId.of(name);
        } catch (InvalidValueException e) {
            throw new InvalidRequestException("provider", e.reason());
        }
    }
}
