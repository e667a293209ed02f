package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;
import static io.haderos.shipping.adapter.rest.InvalidRequestException.required;

import io.haderos.shipping.application.port.in.OverrideCircuitBreakerCommand;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code {"state":"forced_open|disabled|closed","reason":"…","actor":"…","until":"2026-03-01T03:00:00Z"}};
 * {@code actor} is optional and defaults to {@value #DEFAULT_ACTOR}; {@code until}, optional and only for
 * {@code forced_open} and {@code disabled}, is an ISO-8601 instant when the order ends by itself (a maintenance
 * window), in the future and at most 30 days ahead.
 */
record CircuitStateOverrideRequest(String state, String reason, String actor, String until) {

    static final String DEFAULT_ACTOR = "operator";

    private static final String STATES = OperatorOverride.TARGETS.stream()
            .map(CircuitTransitionsResponse::name)
            .sorted()
            .collect(Collectors.joining(", "));

    OverrideCircuitBreakerCommand toCommand(CarrierId carrier) {
        CircuitState target = target(required(state, "state"));
        String why = required(reason, "reason");
        Optional<Instant> end = Optional.ofNullable(until).map(value -> RequestBodies.instant(value, "until"));
        return at(
                "",
                () -> new OverrideCircuitBreakerCommand(
                        carrier, target, actor == null ? DEFAULT_ACTOR : actor, why, end));
    }

    private static CircuitState target(String name) {
        for (CircuitState candidate : OperatorOverride.TARGETS) {
            if (CircuitTransitionsResponse.name(candidate).equals(name)) {
                return candidate;
            }
        }
        throw new InvalidRequestException("state", "must be one of " + STATES);
    }
}
