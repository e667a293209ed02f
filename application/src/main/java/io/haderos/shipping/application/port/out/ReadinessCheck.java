package io.haderos.shipping.application.port.out;

import java.util.Optional;

/**
 * Something the gateway cannot serve without (its database), checked when asked whether it is ready.
 * Carriers are not such a thing: when one is down, another takes over.
 */
public interface ReadinessCheck {

    /** Names the dependency in the readiness report, e.g. {@code database}. */
    String name();

    /** Empty when the dependency answers; otherwise what is wrong, in words fit for a probe (no secret). */
    Optional<String> problem();
}
