package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.application.port.in.ListHeldOrdersQuery;
import io.haderos.shipping.application.port.in.ListHeldOrdersUseCase;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code GET /orders?status=outcome_unknown&limit=&after=}: the held orders, oldest first, for operators
 * ({@link AdminOnly}) who resolve them (docs/architecture.md#held-orders).
 */
@Singleton
@Path("/orders")
@AdminOnly
public final class HeldOrdersResource {

    /** The one status that can be listed: orders held because their outcome is unknown (abandoned claims too). */
    static final String HELD = "outcome_unknown";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");

    private final ListHeldOrdersUseCase heldOrders;

    @Inject
    public HeldOrdersResource(ListHeldOrdersUseCase heldOrders) {
        this.heldOrders = heldOrders;
    }

    /**
     * @param status required, {@value #HELD}
     * @param limit  1 to {@value ListHeldOrdersQuery#MAX_LIMIT}; {@value ListHeldOrdersQuery#DEFAULT_LIMIT} when empty
     *               or absent
     * @param after  the {@code next} of the page before; empty or absent for the first page
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<HeldOrdersResponse> list(
            @QueryParam("status") String status, @QueryParam("limit") String limit, @QueryParam("after") String after) {
        if (status == null || status.isBlank()) {
            throw new InvalidRequestException("status", "is required: " + HELD + " lists the held orders");
        }
        if (!HELD.equals(status.strip())) {
            throw new InvalidRequestException("status", "must be " + HELD + ": only held orders are listed");
        }
        int max = limit(limit);
        Optional<HeldOrderCursor> from =
                after == null || after.isBlank() ? Optional.empty() : Optional.of(HeldOrderCursors.decode(after));
        return heldOrders.heldOrders(new ListHeldOrdersQuery(from, max)).thenApply(HeldOrdersResponse::from);
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return ListHeldOrdersQuery.DEFAULT_LIMIT;
        }
        String digits = value.strip();
        if (!WHOLE_NUMBER.matcher(digits).matches()
                || Integer.parseInt(digits) < 1
                || Integer.parseInt(digits) > ListHeldOrdersQuery.MAX_LIMIT) {
            throw new InvalidRequestException(
                    "limit", "must be a whole number from 1 to " + ListHeldOrdersQuery.MAX_LIMIT);
        }
        return Integer.parseInt(digits);
    }
}
