package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.model.ClientId;
import java.time.Duration;
import java.util.Optional;

/**
 * How many requests each client may send (docs/architecture.md#security). Asked once per authenticated API request;
 * a refusal is answered 429 with {@code Retry-After}. The gateway implements it with one resilience4j
 * {@code RateLimiter} per client.
 */
@FunctionalInterface
public interface ClientRateLimits {

    /**
     * Takes one request from {@code client}'s allowance without waiting.
     *
     * @return empty when the request may go on; otherwise how long until the client may send again
     */
    Optional<Duration> acquire(ClientId client);

    /** No limit for anyone. */
    static ClientRateLimits unlimited() {
        return client -> Optional.empty();
    }
}
