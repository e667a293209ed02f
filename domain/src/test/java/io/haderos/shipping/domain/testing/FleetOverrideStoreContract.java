package io.haderos.shipping.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.FleetOverride;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.FleetOverrideStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The {@link FleetOverrideStore} contract, one suite for every implementation: extend it, return a fresh, empty store
 * from {@link #store()}, and from {@link #sameStoreElsewhere()} a second view of that store, as another gateway
 * instance sharing it would have.
 */
public abstract class FleetOverrideStoreContract {

    private static final Instant T0 = Instant.parse("2026-03-01T01:59:30.250Z");
    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;
    private static final OperatorOverride WINDOW = new OperatorOverride(
            CircuitState.FORCED_OPEN, "nora", "Aramex maintenance 02:00–03:00", Optional.of(T0.plusSeconds(3630)));

    /** A new, empty store for each test. */
    protected abstract FleetOverrideStore store();

    /** The store {@link #store()} last returned, as another instance sharing it sees it. */
    protected abstract FleetOverrideStore sameStoreElsewhere();

    @Test
    void givenNoOrder_thenNothingIsLatest() {
        assertThat(store().latest()).isEmpty();
    }

    @Test
    void whenAnOrderIsRecorded_thenItIsTheCarriersLatestWithRevisionOneAndReadsBackAsGiven() {
        FleetOverrideStore store = store();

        FleetOverride stored = store.record(ARAMEX, WINDOW, T0);

        assertThat(stored).isEqualTo(new FleetOverride(ARAMEX, 1, WINDOW, T0));
        assertThat(store.latest()).containsExactly(stored);
    }

    @Test
    void givenAnOrder_whenAnotherIsRecorded_thenItReplacesItUnderTheNextRevision() {
        FleetOverrideStore store = store();
        store.record(ARAMEX, WINDOW, T0);
        OperatorOverride closed = new OperatorOverride(CircuitState.CLOSED, "omar", "maintenance over");

        FleetOverride second = store.record(ARAMEX, closed, T0.plusSeconds(900));

        assertThat(second.revision()).isEqualTo(2);
        assertThat(store.latest()).containsExactly(new FleetOverride(ARAMEX, 2, closed, T0.plusSeconds(900)));
    }

    @Test
    void carriersAreIndependentAndListedByName() {
        FleetOverrideStore store = store();
        OperatorOverride disabled =
                new OperatorOverride(CircuitState.DISABLED, "nora", "breaker misbehaving", Optional.empty());

        store.record(SMSA, disabled, T0);
        store.record(ARAMEX, WINDOW, T0.plusSeconds(1));
        store.record(ARAMEX, WINDOW, T0.plusSeconds(2));

        assertThat(store.latest())
                .extracting(FleetOverride::carrier, FleetOverride::revision)
                .containsExactly(tuple(ARAMEX, 2L), tuple(SMSA, 1L));
    }

    @Test
    void anOrderRecordedThroughOneInstanceIsReadByAnother() {
        FleetOverrideStore here = store();
        FleetOverrideStore elsewhere = sameStoreElsewhere();

        FleetOverride stored = here.record(ARAMEX, WINDOW, T0);

        assertThat(elsewhere.latest()).containsExactly(stored);
        assertThat(elsewhere.record(ARAMEX, WINDOW, T0.plusSeconds(5)).revision())
                .isEqualTo(2);
    }

    @Test
    void givenManyConcurrentOrders_thenEachGetsARevisionOfItsOwnAndTheHighestIsLatest() throws Exception {
        FleetOverrideStore here = store();
        FleetOverrideStore elsewhere = sameStoreElsewhere();
        int operators = 20;
        List<Callable<FleetOverride>> orders = new ArrayList<>();
        for (int i = 0; i < operators; i++) {
            FleetOverrideStore store = i % 2 == 0 ? here : elsewhere;
            OperatorOverride order = new OperatorOverride(
                    i % 3 == 0 ? CircuitState.CLOSED : CircuitState.FORCED_OPEN, "operator-" + i, "drill");
            orders.add(() -> store.record(ARAMEX, order, T0));
        }

        List<Long> revisions =
                Race.run(orders).stream().map(FleetOverride::revision).toList();

        assertThat(revisions).doesNotHaveDuplicates().hasSize(operators).allMatch(r -> r >= 1 && r <= operators);
        assertThat(here.latest())
                .singleElement()
                .extracting(FleetOverride::revision)
                .isEqualTo((long) operators);
    }
}
