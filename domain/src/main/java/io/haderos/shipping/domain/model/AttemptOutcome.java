package io.haderos.shipping.domain.model;

/** The outcome of asking one carrier, as reported to clients (in lower case). */
public enum AttemptOutcome {
    SUCCESS,
    /** Not attempted: the carrier's circuit breaker is open. */
    CIRCUIT_OPEN,
    /** Could not connect: nothing was sent. */
    CONNECTION_REFUSED,
    /** The connection broke after the request was sent. */
    CONNECTION_LOST,
    /** The carrier said it did not process the request (HTTP 502/503). */
    SERVICE_UNAVAILABLE,
    /** No answer in time. */
    TIMEOUT,
    /** The carrier failed while processing (HTTP 500 and the like). */
    SERVER_ERROR,
    /** An answer that is not what the protocol promises (a maintenance page instead of JSON). */
    UNREADABLE_REPLY,
    /** The carrier answered with an error we do not recognise as the caller's fault. */
    CARRIER_ERROR,
    /** The carrier rejected the request's content: the caller must fix it. */
    REJECTED,
    /** The carrier refused our credentials or account: an operator must fix the configuration. */
    CONFIGURATION_ERROR,
    /** The carrier does not know the tracking number. */
    NOT_FOUND,
    /** Still unanswered past the operation's slow-call threshold: counted as a carrier fault. */
    SLOW,
    /** Not attempted: as many calls as the carrier's bulkhead allows are already in flight. */
    BUSY,
    /** Overtaken: another carrier, asked after the hedge delay, answered first. */
    HEDGED
}
