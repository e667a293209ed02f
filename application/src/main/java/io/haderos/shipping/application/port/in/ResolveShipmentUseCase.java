package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.ShipmentRecord;

/**
 * An operator says what they found at the carrier for an order held because its outcome was unknown (or its
 * claim was abandoned by a process that died mid-call): the shipment, or that none was created.
 */
public interface ResolveShipmentUseCase {

    /**
     * @return the order's record once resolved: {@code CREATED} replays the shipment found, {@code NOT_CREATED}
     *         lets the next request ship the order
     * @throws OrderNotFoundException  when no shipment is stored for the order
     * @throws OrderConflictException  ({@code NOT_AWAITING_RESOLUTION}) when the order is not held
     */
    ShipmentRecord resolve(ResolveShipmentCommand command);
}
