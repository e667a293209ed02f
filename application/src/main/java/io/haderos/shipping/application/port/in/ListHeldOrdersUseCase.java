package io.haderos.shipping.application.port.in;

import java.util.concurrent.CompletionStage;

/**
 * The orders only a person (or the reconciler) can move on: their creation's outcome is unknown, or their claim was
 * abandoned by a process that died mid-call. For operators, who resolve them.
 */
public interface ListHeldOrdersUseCase {

    /**
     * Completes with the page asked for, or fails with
     * {@link io.haderos.shipping.domain.port.out.ShipmentStoreUnavailableException}. Never blocks the calling thread.
     */
    CompletionStage<HeldOrdersPage> heldOrders(ListHeldOrdersQuery query);
}
