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

    private final ShipmentStore store;
    private final BlockingWork storeWork;
    private final Clock clock;

    /** @param storeExecutor the bounded executor for the store's blocking calls */
    public FindShipmentService(ShipmentStore store, Clock clock, Executor storeExecutor) {
        this.store = store;
        this.storeWork = new BlockingWork(storeExecutor);
        this.clock = clock;
    }

    @Override
    public CompletionStage<Optional<ShipmentRecord>> findShipment(ClientId client, OrderId orderId) {
        return storeWork.supply(() -> store.find(orderId)
                .filter(record -> record.isVisibleTo(client))
                .map(record -> record.asSeenAt(clock.instant())));
    }
}
