package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.FindShipmentUseCase;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Reads what the store holds for an order, if the order is the asking client's to see. */
public final class FindShipmentService implements FindShipmentUseCase {

    private final ShipmentStore store;
    private final BlockingWork storeWork;

    /** @param storeExecutor the bounded executor for the store's blocking calls */
    public FindShipmentService(ShipmentStore store, Executor storeExecutor) {
        this.store = store;
        this.storeWork = new BlockingWork(storeExecutor);
    }

    @Override
    public CompletionStage<Optional<ShipmentRecord>> findShipment(ClientId client, OrderId orderId) {
        return storeWork.supply(() -> store.find(orderId).filter(record -> record.isVisibleTo(client)));
    }
}
