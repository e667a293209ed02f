package io.haderos.shipping.benchmarks.scenario.hang;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.benchmarks.driver.Exchange;
import io.haderos.shipping.benchmarks.scenario.Options;
import io.haderos.shipping.benchmarks.scenario.hang.HangAnalysis.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HangAnalysisTest {

    private static final long S = 1_000_000_000L;
    private static final HangPlan PLAN = HangPlan.from(Options.parse(List.of()));
    private static final long START = 1_000 * S;
    private static final HangTimeline TIMELINE =
            new HangTimeline(START, Instant.EPOCH, START + 20 * S, START + 80 * S, "hang");

    private final HangAnalysis analysis = new HangAnalysis(PLAN, TIMELINE);

    @Test
    void givenRequestsAnsweredLate_thenEachCountsInTheWindowOfItsIntendedStart() {
        List<Exchange> exchanges = List.of(
                rates(0, 4.9, 15.0, 200), // waited 10.1 s: the carrier timeout
                rates(1, 5.0, 5.01, 200),
                rates(2, 6.0, 36.0, Exchange.NO_ANSWER),
                new Exchange("rates", 3, at(7), at(7), Exchange.NO_ANSWER, null, Exchange.NOT_SENT));

        List<HangWindow> windows = analysis.windows(exchanges, List.of(), List.of(), List.of(), new double[0]);

        assertThat(windows).hasSize(28);
        assertThat(windows.get(0).rates().offered()).isEqualTo(1);
        assertThat(windows.get(0).rates().waitedTimeout()).isEqualTo(1);
        StreamWindow second = windows.get(1).rates();
        assertThat(second.offered()).isEqualTo(3);
        assertThat(second.ok()).isEqualTo(1);
        assertThat(second.unanswered()).isEqualTo(2);
        assertThat(second.notSent()).isEqualTo(1);
        assertThat(second.latency().count())
                .as("the unsent request has no latency")
                .isEqualTo(2);
        assertThat(second.latency().max()).isEqualTo(30 * S);
        assertThat(windows.get(4).phase()).isEqualTo("hang");
        assertThat(windows.get(16).phase()).isEqualTo("healed");
    }

    @Test
    void givenShipAnswers_thenOutcomesComeFromStatusAndTopLevelProvider() {
        byte[] smsa =
                "{\"order_id\":\"o\",\"provider\":\"smsa\",\"fallback\":true,\"attempts\":[{\"provider\":\"aramex\"}]}"
                        .getBytes(StandardCharsets.UTF_8);
        List<Exchange> exchanges = List.of(
                new Exchange("ship", 0, at(1), at(1.1), 201, smsa, null),
                new Exchange("ship", 1, at(1), at(11), 502, new byte[0], null),
                new Exchange("ship", 2, at(1), at(1.1), 503, new byte[0], null));

        List<ShipResult> ships = HangAnalysis.ships(exchanges, "BENCH-");

        assertThat(ships)
                .extracting(ShipResult::orderId, ShipResult::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("BENCH-0", ShipResult.Outcome.SMSA),
                        org.assertj.core.groups.Tuple.tuple("BENCH-1", ShipResult.Outcome.HELD),
                        org.assertj.core.groups.Tuple.tuple("BENCH-2", ShipResult.Outcome.FAILED));
    }

    @Test
    void givenPolledStates_thenEachWindowShowsTheChangesInOrder() {
        List<Sample<String>> states = List.of(
                new Sample<>(at(21), "closed"),
                new Sample<>(at(22), "open"),
                new Sample<>(at(23), "open"),
                new Sample<>(at(24), "half_open"));

        assertThat(HangAnalysis.states(states, at(20), at(25))).isEqualTo("closed → open → half_open");
        assertThat(HangAnalysis.states(states, at(25), at(30))).isEqualTo("?");
    }

    private static Exchange rates(long index, double start, double end, int status) {
        return new Exchange("rates", index, at(start), at(end), status, null, status < 0 ? "client timeout" : null);
    }

    private static long at(double seconds) {
        return START + Math.round(seconds * S);
    }
}
