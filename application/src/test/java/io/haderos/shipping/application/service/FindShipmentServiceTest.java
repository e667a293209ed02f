package io.haderos.shipping.application.service;

import static io.haderos.shipping.application.service.Fixtures.SHOP;
import static io.haderos.shipping.domain.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentRecord;
import io.haderos.shipping.domain.model.ShipmentStatus;
import io.haderos.shipping.domain.testing.InMemoryShipmentStore;
import io.haderos.shipping.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An order is read by the client that created it; to every other client it does not exist. */
class FindShipmentServiceTest {

    private static final OrderId ORDER = OrderId.of("ORD-21");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final InMemoryShipmentStore store = new InMemoryShipmentStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final FindShipmentService find = new FindShipmentService(store, clock, Runnable::run);

    @Test
    void givenAClientsOrder_whenThatClientReadsIt_thenItIsFound() {
        store.claim(ORDER, SHOP, "fp", NOW);

        Optional<ShipmentRecord> found = await(find.findShipment(SHOP, ORDER));

        assertThat(found).map(ShipmentRecord::status).contains(ShipmentStatus.IN_PROGRESS);
    }

    @Test
    void givenAClientsOrder_whenAnotherClientReadsIt_thenNothingIsFound() {
        store.claim(ORDER, SHOP, "fp", NOW);

        assertThat(await(find.findShipment(ClientId.of("shop-app"), ORDER))).isEmpty();
        assertThat(await(find.findShipment(ClientId.ANONYMOUS, ORDER))).isEmpty();
    }

    @Test
    void givenNoOrder_whenRead_thenNothingIsFound() {
        assertThat(await(find.findShipment(SHOP, ORDER))).isEmpty();
    }

    @Test
    void givenAClaimAbandonedByADeadProcess_whenRead_thenItReadsAsHeld_asARepeatedRequestIsTold() {
        store.claim(ORDER, SHOP, "fp", NOW);
        clock.advance(ShipmentRecord.ABANDONED_AFTER);
        assertThat(await(find.findShipment(SHOP, ORDER)))
                .as("a live claim")
                .map(ShipmentRecord::status)
                .contains(ShipmentStatus.IN_PROGRESS);

        clock.advance(Duration.ofMillis(1));

        ShipmentRecord read = await(find.findShipment(SHOP, ORDER)).orElseThrow();
        assertThat(read.status()).isEqualTo(ShipmentStatus.OUTCOME_UNKNOWN);
        assertThat(read.heldSince()).isEqualTo(NOW);
    }
}
