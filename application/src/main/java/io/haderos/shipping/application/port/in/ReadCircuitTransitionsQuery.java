package io.haderos.shipping.application.port.in;

import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.model.InvalidValueException;

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
public record ReadCircuitTransitionsQuery(CarrierId carrier, Optional<Instant> since, Optional<Instant> until,
                                          int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public ReadCircuitTransitionsQuery {
        Checks.required(carrier, "carrier");
        Checks.required(since, "since");
        Checks.required(until, "until");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
            throw new InvalidValueException("until", "must not be before since");
        }
    }

    /** The carrier's latest {@value #DEFAULT_LIMIT} transitions. */
    public static ReadCircuitTransitionsQuery latest(CarrierId carrier) {
        return new ReadCircuitTransitionsQuery(carrier, Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }
}
