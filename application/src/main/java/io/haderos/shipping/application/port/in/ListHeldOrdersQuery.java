package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.HeldOrderCursor;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.util.Optional;

/**
 * One page of the held orders.
 *
 * @param after the place the page starts after ({@link HeldOrdersPage#next} of the page before); empty for the first
 * @param limit 1 to {@value #MAX_LIMIT} orders
 */
public record ListHeldOrdersQuery(Optional<HeldOrderCursor> after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ListHeldOrdersQuery {
        Checks.required(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be from 1 to " + MAX_LIMIT);
        }
    }

    public static ListHeldOrdersQuery first() {
        return new ListHeldOrdersQuery(Optional.empty(), DEFAULT_LIMIT);
    }
}
