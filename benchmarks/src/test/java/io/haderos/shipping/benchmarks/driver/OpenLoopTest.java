package io.haderos.shipping.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void givenFourHundredPerSecond_thenRequestsAreDueEvery2Point5Milliseconds() {
        OpenLoop.Stream stream = new OpenLoop.Stream("rates", 400, false, i -> null);

        assertThat(stream.intendedStart(1_000, 0)).isEqualTo(1_000);
        assertThat(stream.intendedStart(1_000, 1)).isEqualTo(1_000 + 2_500_000);
        assertThat(stream.intendedStart(0, 400)).isEqualTo(1_000_000_000L);
    }

    @Test
    void givenAFractionalRate_thenNoDriftOverLongRuns() {
        OpenLoop.Stream stream = new OpenLoop.Stream("ship", 3, false, i -> null);

        assertThat(stream.intendedStart(0, 3 * 3600)).isEqualTo(3_600_000_000_000L);
    }

    @Test
    void givenNoRate_thenRefused() {
        assertThatThrownBy(() -> new OpenLoop.Stream("x", 0, false, i -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpuShareIsCpuOverWallTimesCores() {
        CpuUsage usage = new CpuUsage(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1), 2);

        assertThat(usage.share()).isEqualTo(0.25);
        assertThat(usage.microsPer(1000)).isEqualTo(500.0);
        assertThat(usage.microsPer(0)).isZero();
    }
}
