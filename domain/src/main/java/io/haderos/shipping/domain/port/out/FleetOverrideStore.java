package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.circuit.FleetOverride;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import java.time.Instant;
import java.util.List;

/**
 * The operators' orders for the breakers of every gateway instance sharing the store
 * (docs/architecture.md#fleet-overrides): for each carrier, its latest order. Every instance reads it at start-up and
 * follows it while running. Operations fail with {@link FleetOverrideStoreUnavailableException} when the store cannot
 * be reached.
 */
public interface FleetOverrideStore {

    /**
     * Stores {@code order} as the carrier's latest, given at {@code at}, under the next revision: one more than the
     * carrier's latest, 1 for its first. Atomic: of concurrent orders for one carrier each gets a revision of its own,
     * and the highest is the latest.
     *
     * @return the order as stored
     */
    FleetOverride record(CarrierId carrier, OperatorOverride order, Instant at);

    /** The latest order of each carrier that has one, by carrier name. */
    List<FleetOverride> latest();
}
