package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.OrderId;

/** The order's shipment has no label: none is stored and its carrier has none, or no shipment was created. */
public final class LabelNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient OrderId orderId;

    public LabelNotFoundException(OrderId orderId, String reason) {
        super("no label for order " + orderId + ": " + reason);
        this.orderId = orderId;
    }

    public OrderId orderId() {
        return orderId;
    }
}
