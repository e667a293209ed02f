package io.haderos.shipping.domain.port.out;

import java.util.Objects;

/**
 * One message from a carrier about a rejected request.
 *
 * @param code    the carrier's code ({@code ERR52}) or the field it names ({@code ConsigneeAddress.City})
 * @param message the carrier's words
 */
public record CarrierMessage(String code, String message) {

    public CarrierMessage {
        code = Objects.requireNonNullElse(code, "");
        message = Objects.requireNonNullElse(message, "");
    }
}
