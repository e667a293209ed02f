package io.haderos.shipping.domain.port.out;

import io.haderos.shipping.domain.model.CarrierId;
import java.time.Instant;
import java.util.Optional;

/**
 * The outages of each carrier across every gateway instance sharing the store, so that the fleet tells people of each
 * outage once (docs/architecture.md#one-notice-per-fleet): the first live instance whose breaker stops a carrier's
 * calls begins the fleet's outage and sends the opening notice; the last live one whose breaker serves again ends it
 * and sends the recovery. Instances that died or stopped (no heartbeat within the timeout) keep no outage open.
 *
 * <p>Bound to one instance. Operations are blocking and fail with a {@link RuntimeException} when the store cannot
 * be reached; the caller then tells people itself rather than not at all.
 */
public interface FleetOutages {

    /**
     * This instance's breaker of {@code carrier} stopped serving calls at {@code at}: it joins the carrier's outage.
     *
     * @return true when this instance begins the fleet's outage (no other live instance is in one): it sends the
     *     opening notice
     */
    boolean joined(CarrierId carrier, Instant at);

    /**
     * This instance's breaker of {@code carrier} serves calls again at {@code at}: it leaves the carrier's outage.
     *
     * @return when the fleet's outage began, if this instance was the last live one in it: the fleet's outage is over
     *     and this instance sends the recovery notice; empty otherwise
     */
    Optional<Instant> left(CarrierId carrier, Instant at);
}
