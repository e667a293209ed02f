package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.InvalidRequestException.at;
import static io.haderos.shipping.adapter.rest.InvalidRequestException.required;

import io.haderos.shipping.application.port.in.OverrideCircuitBreakerCommand;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import java.util.stream.Collectors;

/**
 * {@code {"state":"forced_open|disabled|closed","reason":"…","actor":"…"}}; {@code actor} is optional and
 * defaults to {@value #DEFAULT_ACTOR}.
 */
record CircuitStateOverrideRequest(String state, String reason, String actor) {

    static final String DEFAULT_ACTOR = "operator";

    private static final String STATES = OperatorOverride.TARGETS.stream()
            .map(CircuitTransitionsResponse::name)
            .sorted()
            .collect(Collectors.joining(", "));

    OverrideCircuitBreakerCommand toCommand(CarrierId carrier) {
        CircuitState target = target(required(state, "state"));
        String why = required(reason, "reason");
        return at(
                "",
                () -> new OverrideCircuitBreakerCommand(carrier, target, actor == null ? DEFAULT_ACTOR : actor, why));
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
