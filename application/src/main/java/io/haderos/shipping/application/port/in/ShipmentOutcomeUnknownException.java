package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.OrderId;
import java.util.List;

/**
 * A carrier may have created the shipment (timeout after sending, HTTP 500, unreadable reply). No other
 * carrier was asked, and the order is held until an operator resolves it.
 */
public final class ShipmentOutcomeUnknownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient OrderId orderId;
    private final transient CarrierId carrier;
    private final transient List<Attempt> attempts;

    public ShipmentOutcomeUnknownException(OrderId orderId, CarrierId carrier, List<Attempt> attempts) {
        super("the outcome of creating the shipment for order " + orderId + " at " + carrier
                + " is unknown; the order is held until an operator resolves it");
        this.orderId = orderId;
        this.carrier = carrier;
        this.attempts = List.copyOf(attempts);
    }

    public OrderId orderId() {
        return orderId;
    }

    public CarrierId carrier() {
        return carrier;
    }

    public List<Attempt> attempts() {
        return attempts;
    }
}
