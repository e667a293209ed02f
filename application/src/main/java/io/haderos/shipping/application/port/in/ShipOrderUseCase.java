package io.haderos.shipping.application.port.in;

/** Creates the shipment for an order, at most once per order id. */
public interface ShipOrderUseCase {

    /**
     * @throws OrderConflictException        the order is already claimed by a different request, in progress,
     *                                       or held with an unknown outcome
     * @throws RequestRejectedException      a carrier rejected the request's content
     * @throws ShipmentOutcomeUnknownException a carrier may have created the shipment; the order is now held
     * @throws NoCarrierAvailableException   no carrier could serve; nothing was created
     */
    ShipOrderResult shipOrder(ShipOrderCommand command);
}
