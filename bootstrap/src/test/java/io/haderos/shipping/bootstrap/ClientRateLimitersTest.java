package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.rest.ClientRateLimits;
import io.haderos.shipping.bootstrap.GatewaySettings.RateLimit;
import io.haderos.shipping.domain.model.ClientId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each client has its own allowance: a burst at once, then the average rate. The rate here is so slow (one request
 * per 1,000 s) that no new permit can arrive while the test runs, so what it sees does not depend on timing.
 */
class ClientRateLimitersTest {

    private static final ClientId SHOP = ClientId.of("shop-web");
    private static final ClientId ERP = ClientId.of("erp");

    private final ClientRateLimits limits =
            ClientRateLimiters.of(Optional.of(new RateLimit(new BigDecimal("0.001"), 3)));

    @Test
    void givenABurstOfThree_whenAFourthRequestComes_thenItIsRefusedWithTheWaitUntilTheNextPermits() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.acquire(SHOP)).as("request %d", i + 1).isEmpty();
        }

        Optional<Duration> fourth = limits.acquire(SHOP);

        // The wait the limiter computes until its next period, not a time this test measures: a period of a burst of 3
        // at 0.001 per second is 3,000 s, and a slow machine only makes the wait shorter.
        Duration onePeriod = Duration.ofSeconds(3000);
        assertThat(fourth)
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(onePeriod));
    }

    @Test
    void givenOneClientOverItsLimit_thenAnotherClientIsStillServed() {
        for (int i = 0; i < 4; i++) {
            limits.acquire(SHOP);
        }

        assertThat(limits.acquire(ERP)).isEmpty();
        assertThat(limits.acquire(SHOP)).isPresent();
    }

    @Test
    void givenAClientWithALimitOfItsOwn_thenItHasThatOneAndAClientWithoutAnyIsNeverRefused() {
        ClientRateLimits mixed = ClientRateLimiters.of(
                Optional.of(new RateLimit(new BigDecimal("0.001"), 1)),
                java.util.Map.of(ERP, Optional.of(new RateLimit(new BigDecimal("0.001"), 5)), SHOP, Optional.empty()));

        for (int i = 0; i < 5; i++) {
            assertThat(mixed.acquire(ERP)).as("erp request %d", i + 1).isEmpty();
        }
        assertThat(mixed.acquire(ERP)).isPresent();
        for (int i = 0; i < 100; i++) {
            assertThat(mixed.acquire(SHOP)).isEmpty();
        }
        ClientId other = ClientId.of("other");
        assertThat(mixed.acquire(other)).isEmpty();
        assertThat(mixed.acquire(other)).as("the common limit, a burst of 1").isPresent();
    }

    @Test
    void givenNoLimit_thenEveryRequestIsServed() {
        ClientRateLimits none = ClientRateLimiters.of(Optional.empty());

        for (int i = 0; i < 10_000; i++) {
            assertThat(none.acquire(SHOP)).isEmpty();
        }
    }
}
