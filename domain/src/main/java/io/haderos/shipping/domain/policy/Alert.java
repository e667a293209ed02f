package io.haderos.shipping.domain.policy;

import io.haderos.shipping.domain.model.Checks;
import java.time.Instant;

/**
 * Something operators should look at now.
 *
 * @param breaker the breaker it is about, or {@value AlertPolicy#GATEWAY} for the gateway as a whole
 * @param since   when the condition began
 */
public record Alert(String breaker, Severity severity, String message, Instant since) {

    public enum Severity {
        CRITICAL,
        WARNING
    }

    public Alert {
        Checks.required(breaker, "breaker");
        Checks.required(severity, "severity");
        Checks.required(message, "message");
        Checks.required(since, "since");
    }
}
