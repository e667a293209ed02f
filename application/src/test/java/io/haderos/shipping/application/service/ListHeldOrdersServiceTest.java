package io.haderos.shipping.application.service;

import static io.haderos.shipping.domain.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.application.port.in.HeldOrdersPage;
import io.haderos.shipping.application.port.in.ListHeldOrdersQuery;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.testing.InMemoryShipmentStore;
import io.haderos.shipping.domain.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Held orders page by page: a next place while more follow, none on the last page; abandoned claims read as held. */
class ListHeldOrdersServiceTest {

    private final MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    private final InMemoryShipmentStore store = new InMemoryShipmentStore();
    private final ListHeldOrdersService list = new ListHeldOrdersService(store, clock, Runnable::run);

    private void hold(String id) {
        OrderId order = OrderId.of(id);
        store.claim(order, Fixtures.SHOP, "fp", clock.instant());
        store.recordOutcomeUnknown(
                order, List.of(new Attempt(CarrierId.ARAMEX, AttemptOutcome.TIMEOUT, "timeout")), clock.instant());
        clock.advanceSeconds(1);
    }

    private static List<String> ids(HeldOrdersPage page) {
        return page.orders().stream().map(record -> record.orderId().value()).toList();
    }

    @Test
    void givenMoreHeldOrdersThanAPage_thenEachPageSaysWhereTheNextStarts_andTheLastSaysNothing() {
        store.claim(OrderId.of("ORD-0"), Fixtures.SHOP, "fp", clock.instant());
        clock.advance(ShipmentRecord.ABANDONED_AFTER.plusSeconds(1));
        hold("ORD-1");
        hold("ORD-2");

        HeldOrdersPage first = await(list.heldOrders(new ListHeldOrdersQuery(java.util.Optional.empty(), 2)));
        HeldOrdersPage second = await(list.heldOrders(new ListHeldOrdersQuery(first.next(), 2)));

        assertThat(ids(first)).containsExactly("ORD-0", "ORD-1");
        assertThat(first.orders().get(0).status())
                .as("an abandoned claim reads as held")
                .isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(first.next()).isPresent();
        assertThat(ids(second)).containsExactly("ORD-2");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void givenExactlyAPageOfHeldOrders_thenThereIsNoNextPage() {
        hold("ORD-1");
        hold("ORD-2");

        HeldOrdersPage page = await(list.heldOrders(new ListHeldOrdersQuery(java.util.Optional.empty(), 2)));

        assertThat(ids(page)).containsExactly("ORD-1", "ORD-2");
        assertThat(page.next()).isEmpty();
    }
}
