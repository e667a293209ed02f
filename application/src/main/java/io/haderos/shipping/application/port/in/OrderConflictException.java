package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.OrderId;

/** The order cannot be shipped by this request now; {@link #reason()} says why. */
public final class OrderConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The order was already shipped, or is being shipped, with a different request body. */
        DIFFERENT_REQUEST,
        /** Another request for the same order is asking carriers right now. */
        IN_PROGRESS,
        /** An earlier attempt's outcome is unknown; an operator must resolve it first. */
        OUTCOME_UNKNOWN,
        /** An operator tried to resolve an order that is not held. */
        NOT_AWAITING_RESOLUTION,
        /** Another client's order already has this id; nothing else about it is told. */
        ORDER_ID_TAKEN
    }

    private final transient OrderId orderId;
    private final Reason reason;

    public OrderConflictException(OrderId orderId, Reason reason) {
        super(describe(orderId, reason));
        this.orderId = orderId;
        this.reason = reason;
    }

    public OrderId orderId() {
        return orderId;
    }

    public Reason reason() {
        return reason;
    }

    private static String describe(OrderId orderId, Reason reason) {
        return switch (reason) {
            case DIFFERENT_REQUEST -> "order " + orderId + " was already submitted with a different request";
            case IN_PROGRESS -> "order " + orderId + " is being shipped by another request; retry shortly";
            case OUTCOME_UNKNOWN ->
                "order " + orderId
                        + " is held: an earlier attempt's outcome is unknown and must be resolved by an operator";
            case NOT_AWAITING_RESOLUTION ->
                "order " + orderId
                        + " does not await resolution: only an order whose outcome is unknown can be resolved";
            case ORDER_ID_TAKEN -> "order id " + orderId + " is taken by another client; choose another id";
        };
    }
}
