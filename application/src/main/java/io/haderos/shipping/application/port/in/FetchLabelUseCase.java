package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.OrderId;
import java.util.concurrent.CompletionStage;

/** An order's shipping labels, to print or print again. */
public interface FetchLabelUseCase {

    /**
     * Completes with the order's created shipment, every label with its bytes: those stored with it, or, when some are
     * missing, those its carrier gives again (then stored). Only the carrier that created the shipment is asked,
     * through its breaker, never another; stored labels are served without asking it, even while it is down. Never
     * blocks the calling thread.
     *
     * <p>Fails with {@link OrderNotFoundException} when nothing is stored for the order or it is another client's
     * (the same answer: another client's order does not exist for this one); {@link LabelNotFoundException} when no
     * shipment was created or the carrier has no label for it; {@link NoCarrierAvailableException} when labels are
     * missing and the carrier cannot be asked now; or
     * {@link io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException}.
     */
    CompletionStage<CreatedShipment> labels(ClientId client, OrderId orderId);
}
