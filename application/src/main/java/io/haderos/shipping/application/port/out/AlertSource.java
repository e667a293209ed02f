package io.haderos.shipping.application.port.out;

import io.haderos.shipping.domain.policy.Alert;
import java.util.List;

/**
 * A part of the gateway other than a breaker that can need an operator's attention: the audit writer with
 * a backlog, a notifier that cannot deliver. Its alerts join the breakers' in monitoring.
 */
@FunctionalInterface
public interface AlertSource {

    /** The alerts active now; empty when all is well. Must be cheap and must not block. */
    List<Alert> alerts();
}
