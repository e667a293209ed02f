package io.haderos.shipping.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void givenOneToHundred_whenSummarised_thenNearestRankPercentiles() {
        long[] values = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();

        LatencySummary summary = LatencySummary.of(values);

        assertThat(summary).isEqualTo(new LatencySummary(100, 50, 99, 100));
        assertThat(values[0]).as("input left unsorted").isEqualTo(100);
    }

    @Test
    void givenOneSlowRequestInHundred_thenP99IsTheFastOnesAndMaxTheSlowOne() {
        long[] values = LongStream.range(0, 100).map(i -> i == 42 ? 10_000 : 5).toArray();

        LatencySummary summary = LatencySummary.of(values);

        assertThat(summary.p99()).isEqualTo(5);
        assertThat(summary.max()).isEqualTo(10_000);
    }

    @Test
    void givenTwoSlowRequestsInHundred_thenP99IsSlow() {
        long[] values = LongStream.range(0, 100).map(i -> i < 2 ? 10_000 : 5).toArray();

        assertThat(LatencySummary.of(values).p99()).isEqualTo(10_000);
    }

    @Test
    void givenOneValue_thenEveryPercentileIsIt() {
        assertThat(LatencySummary.of(new long[] {7})).isEqualTo(new LatencySummary(1, 7, 7, 7));
    }

    @Test
    void givenNothing_thenEmpty() {
        assertThat(LatencySummary.of(new long[0]).isEmpty()).isTrue();
        assertThatThrownBy(() -> LatencySummary.percentile(new long[0], 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
