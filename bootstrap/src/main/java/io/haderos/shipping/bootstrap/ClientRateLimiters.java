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
 * is told how long until the next period gives it new permits.
 */
final class ClientRateLimiters implements ClientRateLimits {

    private final RateLimiterConfig config;
    private final Map<ClientId, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();

    ClientRateLimiters(RateLimit limit) {
        long periodNanos = BigDecimal.valueOf(limit.burst())
                .multiply(BigDecimal.valueOf(1_000_000_000L))
                .divide(limit.perSecond(), 0, RoundingMode.CEILING)
                .longValueExact();
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.burst())
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1, periodNanos)))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Limits of {@code limit}, or none. */
    static ClientRateLimits of(Optional<RateLimit> limit) {
        return limit.<ClientRateLimits>map(ClientRateLimiters::new).orElseGet(ClientRateLimits::unlimited);
    }

    @Override
    public Optional<Duration> acquire(ClientId client) {
        AtomicRateLimiter limiter =
                limiters.computeIfAbsent(client, id -> new AtomicRateLimiter("client-" + id.value(), config));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(
                Duration.ofNanos(Math.max(1, limiter.getDetailedMetrics().getNanosToWait())));
    }
}
