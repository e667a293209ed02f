package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.ListHeldOrdersUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /orders?status=outcome_unknown&limit=&after=}: the held-order list of {@link HeldOrdersResource}, also
 * beside the order resources ({@code /orders/{order_id}/…}), where operators' runbooks look for it.
 */
@Singleton
@Path("/orders")
@AdminOnly
public final class HeldOrdersUnderOrdersResource {

    private final HeldOrdersResource list;

    @Inject
    public HeldOrdersUnderOrdersResource(ListHeldOrdersUseCase heldOrders) {
        this.list = new HeldOrdersResource(heldOrders);
    }

    /** As {@link HeldOrdersResource#list}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<HeldOrdersResponse> list(
            @QueryParam("status") String status, @QueryParam("limit") String limit, @QueryParam("after") String after) {
        return list.list(status, limit, after);
    }
}
