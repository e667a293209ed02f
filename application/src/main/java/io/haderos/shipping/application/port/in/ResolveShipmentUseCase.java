package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.ShipmentRecord;
import java.util.concurrent.CompletionStage;

/**
 * An operator says what they found at the carrier for an order held because its outcome was unknown (or its
 * claim was abandoned by a process that died mid-call): the shipment, or that none was created.
 */
public interface ResolveShipmentUseCase {

    /**
     * Completes with the order's record once resolved ({@code CREATED} replays the shipment found,
     * {@code NOT_CREATED} lets the next request ship the order), or fails with {@link OrderNotFoundException} (no
     * shipment is stored for the order), {@link OrderConflictException} ({@code NOT_AWAITING_RESOLUTION}: the order
     * is not held), or {@link io.haderos.shipping.domain.model.InvalidValueException} ({@code provider} is needed).
     * Never blocks the calling thread.
     */
    CompletionStage<ShipmentRecord> resolve(ResolveShipmentCommand command);
}
