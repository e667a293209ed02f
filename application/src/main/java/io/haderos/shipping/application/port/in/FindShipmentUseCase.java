package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What the gateway has stored for an order, as the client asking may see it. */
public interface FindShipmentUseCase {

    /**
     * Completes with what is stored, empty when nothing is or when the order is another client's
     * ({@link ShipmentRecord#isVisibleTo}); or fails with
     * {@link io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException}. Never blocks the calling thread.
     */
    CompletionStage<Optional<ShipmentRecord>> findShipment(ClientId client, OrderId orderId);
}
