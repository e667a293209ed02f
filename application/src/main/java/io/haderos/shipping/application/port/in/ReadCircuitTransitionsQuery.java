package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.TransitionHistory;
import java.time.Instant;
import java.util.Optional;

/**
 * Which of a carrier's recorded transitions to read: those that occurred in [{@code since}, {@code until}),
 * newest first, at most {@code limit}.
 *
 * @param since inclusive lower bound on the occurrence time; empty for no bound
 * @param until exclusive upper bound on the occurrence time; empty for no bound; not before {@code since}
 * @param limit 1 to {@value #MAX_LIMIT}
 */
public record ReadCircuitTransitionsQuery(
        CarrierId carrier, Optional<Instant> since, Optional<Instant> until, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = TransitionHistory.MAX_LIMIT;

    public ReadCircuitTransitionsQuery {
        TransitionHistory.checkQuery(carrier, since, until, limit);
    }

    /** The carrier's latest {@value #DEFAULT_LIMIT} transitions. */
    public static ReadCircuitTransitionsQuery latest(CarrierId carrier) {
        return new ReadCircuitTransitionsQuery(carrier, Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }
}
