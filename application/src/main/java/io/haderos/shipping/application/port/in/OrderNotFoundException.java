package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.OrderId;

/** No shipment is stored for the order. */
public final class OrderNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient OrderId orderId;

    public OrderNotFoundException(OrderId orderId) {
        super("no shipment is stored for order " + orderId);
        this.orderId = orderId;
    }

    public OrderId orderId() {
        return orderId;
    }
}
