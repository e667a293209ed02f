package io.haderos.shipping.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a stand-in misbehaves; the wire name is the lower-case constant name. */
enum FaultMode {
    /** Normal carrier behaviour. */
    HEALTHY,
    /** The listener is closed: connection refused. */
    DOWN,
    /** HTTP 503 with an HTML page: the request was not processed. */
    UNAVAILABLE,
    /** HTTP 500: the outcome is unknown. */
    ERROR,
    /** Normal answer after the configured latency. */
    SLOW,
    /** HTTP 200 with an HTML maintenance page instead of JSON. */
    GARBAGE,
    /** The carrier's own validation error (a caller fault) on every operation. */
    REJECT,
    /**
     * The connection is accepted and the request read and counted, but never answered: the client
     * waits until it gives up. A hung request stays open after the mode changes; it is dropped (its
     * connection closed, still unanswered) by {@code down}, by closing the sandbox, or after
     * {@link HeldExchanges#HANG_LIMIT_MS}, whichever comes first.
     */
    HANG;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FaultMode> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(value)).findFirst();
    }

    static String wireNames() {
        return Arrays.stream(values()).map(FaultMode::wireName).collect(Collectors.joining(", "));
    }
}
