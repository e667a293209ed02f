package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.FindShipmentUseCase;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Reads what the store holds for an order, if the order is the asking client's to see, as it stands now: a claim
 * abandoned mid-call reads as held ({@link ShipmentRecord#statusAt}), as a repeated request is told.
 */
public final class FindShipmentService implements FindShipmentUseCase {

    private final ShipmentStoreWork storeWork;

    /** @param storeExecutor the bounded executor for the store's blocking calls */
    public FindShipmentService(ShipmentStore store, Clock clock, Executor storeExecutor) {
        this.storeWork = new ShipmentStoreWork(store, clock, storeExecutor);
    }

    @Override
    public CompletionStage<Optional<ShipmentRecord>> findShipment(ClientId client, OrderId orderId) {
        return storeWork.supply((store, now) ->
                store.find(orderId).filter(record -> record.isVisibleTo(client)).map(record -> record.asSeenAt(now)));
    }
}
