package io.haderos.shipping.application.port.in;

import java.util.concurrent.CompletionStage;

/** Creates the shipment for an order, at most once per order id. */
public interface ShipOrderUseCase {

    /**
     * Completes with the created (or replayed) shipment, or fails with one of: {@link OrderConflictException} (the
     * order id is another client's, or the order is already claimed by a different request, in progress, or held with
     * an unknown outcome),
     * {@link RequestRejectedException} (a carrier rejected the request's content),
     * {@link ShipmentOutcomeUnknownException} (a carrier may have created the shipment; the order is now held),
     * {@link NoCarrierAvailableException} (no carrier could serve; nothing was created), or
     * {@link io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException} (nothing is shipped without the
     * store). Never blocks the calling thread.
     *
     * @throws io.haderos.shipping.domain.model.InvalidValueException at once, when the command cannot make a
     *     shipment request (nothing is claimed)
     */
    CompletionStage<ShipOrderResult> shipOrder(ShipOrderCommand command);
}
