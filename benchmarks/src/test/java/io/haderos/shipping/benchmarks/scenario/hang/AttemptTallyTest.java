package io.haderos.shipping.benchmarks.scenario.hang;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.benchmarks.driver.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttemptTallyTest {

    @Test
    void givenAnswersAndFailures_thenEachPathIsCountedMostFrequentFirst() {
        List<Exchange> exchanges = List.of(
                answer(
                        200,
                        "{\"provider\":\"aramex\",\"attempts\":[{\"provider\":\"aramex\",\"outcome\":\"success\"}]}"),
                answer(
                        200,
                        "{\"provider\":\"smsa\",\"attempts\":[{\"provider\":\"aramex\",\"outcome\":\"timeout\"},"
                                + "{\"provider\":\"smsa\",\"outcome\":\"success\"}]}"),
                answer(
                        200,
                        "{\"provider\":\"smsa\",\"attempts\":[{\"provider\":\"aramex\",\"outcome\":\"timeout\"},"
                                + "{\"provider\":\"smsa\",\"outcome\":\"success\"}]}"),
                answer(503, "{\"type\":\"about:blank\",\"status\":503}"),
                new Exchange("rates", 9, 0, 1, Exchange.NO_ANSWER, null, "client timeout"));

        Map<String, Long> tally = AttemptTally.of(exchanges);

        assertThat(tally.keySet().iterator().next()).isEqualTo("aramex:timeout → smsa:success");
        assertThat(tally)
                .containsEntry("aramex:timeout → smsa:success", 2L)
                .containsEntry("aramex:success", 1L)
                .containsEntry("HTTP 503", 1L)
                .containsEntry("no answer (client timeout)", 1L);
        assertThat(AttemptTally.line(tally, 1)).isEqualTo("2 × aramex:timeout → smsa:success; …");
    }

    private static Exchange answer(int status, String body) {
        return new Exchange("rates", 0, 0, 1, status, body.getBytes(StandardCharsets.UTF_8), null);
    }
}
