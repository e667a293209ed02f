package io.haderos.shipping.bootstrap.metrics;

import io.haderos.shipping.adapter.rest.AccessObserver;
import io.haderos.shipping.domain.model.ClientId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gateway_auth_refusals_total{kind,reason}} and {@code gateway_rate_limited_requests_total{client}}: every
 * request the API turned away at its door (docs/architecture.md#security). The counters of every kind and reason, and
 * of every configured client, exist at zero from the start. Tag values are a fixed set, never taken from a request.
 */
final class AccessMetrics implements AccessObserver {

    private final Map<Kind, Map<Reason, Counter>> refusals = new EnumMap<>(Kind.class);
    private final Map<ClientId, Counter> limited;
    private final MeterRegistry registry;

    AccessMetrics(MeterRegistry registry, List<ClientId> clients) {
        this.registry = registry;
        for (Kind kind : Kind.values()) {
            Map<Reason, Counter> byReason = new EnumMap<>(Reason.class);
            for (Reason reason : Reason.values()) {
                if (reason == Reason.DISABLED && kind != Kind.ADMIN) {
                    continue; // only operator actions can be disabled
                }
                byReason.put(
                        reason,
                        Counter.builder("gateway.auth.refusals")
                                .description("Requests refused for their credentials: no, a malformed or an unknown"
                                        + " bearer token, or an operator action while none is configured")
                                .tag("kind", kind.tag())
                                .tag("reason", reason.tag())
                                .register(registry));
            }
            refusals.put(kind, byReason);
        }
        this.limited = new java.util.concurrent.ConcurrentHashMap<>();
        clients.forEach(this::limitedCounter);
    }

    @Override
    public void refused(Kind kind, Reason reason) {
        Counter counter = refusals.get(kind).get(reason);
        if (counter != null) {
            counter.increment();
        }
    }

    @Override
    public void rateLimited(ClientId client) {
        limitedCounter(client).increment();
    }

    private Counter limitedCounter(ClientId client) {
        return limited.computeIfAbsent(
                client,
                id -> Counter.builder("gateway.rate.limited.requests")
                        .description("Requests answered 429: the client was over its rate limit")
                        .tag("client", id.value())
                        .register(registry));
    }
}
