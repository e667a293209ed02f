package io.haderos.shipping.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** docs/architecture.md#retention: the periods and the cut-offs they give. */
class RetentionPeriodsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void givenTheDefaults_thenTransitionsBefore400DaysAgoAndOrdersUnchangedFor90DaysArePast() {
        RetentionPeriods periods = RetentionPeriods.DEFAULT;

        assertThat(periods.auditTrailCutoff(NOW)).isEqualTo(Instant.parse("2025-10-26T12:00:00Z"));
        assertThat(periods.personalDataCutoff(NOW)).isEqualTo(Instant.parse("2026-09-01T12:00:00Z"));
    }

    @Test
    void givenAZeroOrNegativePeriod_thenItIsRefusedByName() {
        assertThatThrownBy(() -> new RetentionPeriods(Duration.ZERO, Duration.ofDays(90)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auditTrail");
        assertThatThrownBy(() -> new RetentionPeriods(Duration.ofDays(400), Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("personalData");
    }
}
