package io.haderos.shipping.adapter.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.domain.model.InvalidValueException;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theDefaultWaitsOneSecondDoublingToFiveMinutesForTenAttempts() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertThat(policy.maxAttempts()).isEqualTo(10);
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(policy.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givenDelaysNearTheLimit_thenDoublingNeverOverflows() {
        RetryPolicy policy = new RetryPolicy(RetryPolicy.MAX_DELAY, RetryPolicy.MAX_DELAY, 1000);

        assertThat(policy.delayAfter(1)).isEqualTo(RetryPolicy.MAX_DELAY);
        assertThat(policy.delayAfter(1000)).isEqualTo(RetryPolicy.MAX_DELAY);
        assertThat(new RetryPolicy(Duration.ofNanos(1), RetryPolicy.MAX_DELAY, 10).delayAfter(Integer.MAX_VALUE))
                .isEqualTo(RetryPolicy.MAX_DELAY);
    }

    @Test
    void givenValuesOutOfRange_thenTheConstructorNamesTheField() {
        assertRefusedNaming(() -> new RetryPolicy(null, Duration.ofSeconds(1), 1), "initialDelay");
        assertRefusedNaming(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 1), "initialDelay");
        assertRefusedNaming(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 1), "maxDelay");
        assertRefusedNaming(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofDays(2), 1), "maxDelay");
        assertRefusedNaming(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0), "maxAttempts");
        assertRefusedNaming(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1001), "maxAttempts");
    }

    private static void assertRefusedNaming(ThrowingCallable construction, String field) {
        assertThatThrownBy(construction)
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith(field + ":");
    }
}
