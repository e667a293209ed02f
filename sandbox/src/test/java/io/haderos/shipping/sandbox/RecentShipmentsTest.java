package io.haderos.shipping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentShipmentsTest {

    private final RecentShipments<String> shipments = new RecentShipments<>(2);

    @Test
    void givenShipmentWithSeveralKeys_whenLookedUp_thenFoundByEach() {
        shipments.add("first", List.of("231200000001", "231200000002"));

        assertThat(shipments.find("231200000001")).hasValue("first");
        assertThat(shipments.find("231200000002")).hasValue("first");
        assertThat(shipments.find("231200000003")).isEmpty();
    }

    @Test
    void givenFullStore_whenOneMoreAdded_thenTheOldestIsForgottenWithAllItsKeys() {
        shipments.add("first", List.of("a1", "a2"));
        shipments.add("second", List.of("b1"));

        shipments.add("third", List.of("c1"));

        assertThat(shipments.size()).isEqualTo(2);
        assertThat(shipments.find("a1")).isEmpty();
        assertThat(shipments.find("a2")).isEmpty();
        assertThat(shipments.find("b1")).hasValue("second");
        assertThat(shipments.matching(s -> true)).containsExactly("second", "third");
    }

    @Test
    void givenSeveralShipments_whenFiltered_thenMatchesOldestFirst() {
        RecentShipments<String> many = new RecentShipments<>(RecentShipments.CAPACITY);
        many.add("ORD-1 first", List.of("1"));
        many.add("ORD-2", List.of("2"));
        many.add("ORD-1 second", List.of("3"));

        assertThat(many.matching(s -> s.startsWith("ORD-1"))).containsExactly("ORD-1 first", "ORD-1 second");
    }
}
