package io.haderos.shipping.bootstrap;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.haderos.shipping.adapter.rest.ClientRateLimits;
import io.haderos.shipping.bootstrap.GatewaySettings.RateLimit;
import io.haderos.shipping.domain.model.ClientId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each client's rate limit (docs/architecture.md#rate-limits) on one resilience4j {@link RateLimiter} per client: a
 * client may send {@code burst} requests per period of {@code burst / perSecond} seconds, so {@code perSecond} on
 * average and never more than {@code burst} at once after a quiet period. A refused request does not wait: the caller
 * is told how long until the next period gives it new permits. A client may have a limit of its own, or none.
 */
final class ClientRateLimiters implements ClientRateLimits {

    private final Optional<RateLimit> everyone;
    private final Map<ClientId, Optional<RateLimit>> ownLimits;
    /** Per client with a limit; a client without one never gets an entry. */
    private final Map<ClientId, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();

    private ClientRateLimiters(Optional<RateLimit> everyone, Map<ClientId, Optional<RateLimit>> ownLimits) {
        this.everyone = everyone;
        this.ownLimits = Map.copyOf(ownLimits);
    }

    /** {@code everyone}'s limit (none when empty), except for the clients of {@code ownLimits}. */
    static ClientRateLimits of(Optional<RateLimit> everyone, Map<ClientId, Optional<RateLimit>> ownLimits) {
        if (everyone.isEmpty() && ownLimits.values().stream().allMatch(Optional::isEmpty)) {
            return ClientRateLimits.unlimited();
        }
        return new ClientRateLimiters(everyone, ownLimits);
    }

    /** The same limit for every client. */
    static ClientRateLimits of(Optional<RateLimit> everyone) {
        return of(everyone, Map.of());
    }

    @Override
    public Optional<Duration> acquire(ClientId client) {
        Optional<RateLimit> limit = ownLimits.getOrDefault(client, everyone);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        AtomicRateLimiter limiter = limiters.computeIfAbsent(
                client, id -> new AtomicRateLimiter("client-" + id.value(), config(limit.get())));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(
                Duration.ofNanos(Math.max(1, limiter.getDetailedMetrics().getNanosToWait())));
    }

    private static RateLimiterConfig config(RateLimit limit) {
        long periodNanos = BigDecimal.valueOf(limit.burst())
                .multiply(BigDecimal.valueOf(1_000_000_000L))
                .divide(limit.perSecond(), 0, RoundingMode.CEILING)
                .longValueExact();
        return RateLimiterConfig.custom()
                .limitForPeriod(limit.burst())
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1, periodNanos)))
                .timeoutDuration(Duration.ZERO)
                .build();
    }
}
