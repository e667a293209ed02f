package io.haderos.shipping.application.service;

import io.haderos.shipping.application.port.in.HeldOrdersPage;
import io.haderos.shipping.application.port.in.ListHeldOrdersQuery;
import io.haderos.shipping.application.port.in.ListHeldOrdersUseCase;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.port.out.ShipmentStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Pages through the held orders; one more than the page is read to know whether another page follows. */
public final class ListHeldOrdersService implements ListHeldOrdersUseCase {

    private final ShipmentStoreWork storeWork;

    /** @param storeExecutor the bounded executor for the store's blocking calls */
    public ListHeldOrdersService(ShipmentStore store, Clock clock, Executor storeExecutor) {
        this.storeWork = new ShipmentStoreWork(store, clock, storeExecutor);
    }

    @Override
    public CompletionStage<HeldOrdersPage> heldOrders(ListHeldOrdersQuery query) {
        return storeWork.supply((store, now) -> {
            List<ShipmentRecord> read = store.held(now, query.after(), query.limit() + 1);
            List<ShipmentRecord> page = read.subList(0, Math.min(read.size(), query.limit()));
            Optional<HeldOrderCursor> next = read.size() > query.limit()
                    ? Optional.of(HeldOrderCursor.after(page.get(page.size() - 1)))
                    : Optional.empty();
            return new HeldOrdersPage(
                    page.stream().map(record -> record.asSeenAt(now)).toList(), next);
        });
    }
}
