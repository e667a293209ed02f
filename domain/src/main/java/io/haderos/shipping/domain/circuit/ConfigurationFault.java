package io.haderos.shipping.domain.circuit;

import io.haderos.shipping.domain.model.Checks;
import java.time.Instant;

/**
 * The carrier refused our credentials or account (Aramex ERR01, SMSA 401). Breakers do not count it as an
 * outage, but operators must hear of it: it stays on the breaker's snapshot until the carrier next succeeds.
 *
 * @param detail what the carrier said, without secrets
 * @param since  when it was first seen since the last success
 */
public record ConfigurationFault(String detail, Instant since) {

    public ConfigurationFault {
        detail = Checks.optionalText(detail, "detail", 500);
        Checks.required(since, "since");
    }
}
