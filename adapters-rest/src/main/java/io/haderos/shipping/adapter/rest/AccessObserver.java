package io.haderos.shipping.adapter.rest;

import io.haderos.shipping.domain.model.ClientId;
import java.util.Locale;

/**
 * Sees every request the API turns away at its door: a refused authentication and a client over its rate limit
 * (docs/architecture.md#security). The gateway counts them as metrics. Called on the request's thread: it must return
 * at once and must not throw.
 */
public interface AccessObserver {

    /** Whose authentication was refused. */
    enum Kind {
        /** A client of the shipping API (rates, ship, order reads, tracking). */
        CLIENT,
        /** An operator action (overrides, resolutions). */
        ADMIN;

        /** The name as a metric tag: {@code client}, {@code admin}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why an authentication was refused. */
    enum Reason {
        /** No {@code Authorization} header. */
        MISSING,
        /** An {@code Authorization} header that is not one {@code Bearer <token>}. */
        MALFORMED,
        /** A bearer token that is no client's (for a client) or not the admin token (for an operator). */
        UNKNOWN_TOKEN,
        /** An operator action while none is possible: no {@code admin.token} is configured. */
        DISABLED;

        /** The name as a metric tag: {@code missing}, {@code unknown_token}, … */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An authentication of {@code kind} was refused for {@code reason}. */
    void refused(Kind kind, Reason reason);

    /** {@code client} sent a request beyond its rate limit; it was answered 429. */
    void rateLimited(ClientId client);

    /** An observer that ignores everything. */
    static AccessObserver none() {
        return new AccessObserver() {
            @Override
            public void refused(Kind kind, Reason reason) {}

            @Override
            public void rateLimited(ClientId client) {}
        };
    }
}
