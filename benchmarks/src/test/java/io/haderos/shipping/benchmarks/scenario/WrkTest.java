package io.haderos.shipping.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.benchmarks.driver.CpuUsage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WrkTest {

    private static final CpuUsage CPU = new CpuUsage(Duration.ofSeconds(3), Duration.ofSeconds(30), 2);

    @Test
    void givenALatencyReport_thenRateErrorsAndPercentilesAreRead() {
        String output = """
                Running 30s test @ http://127.0.0.1:8000/api/v1/integrations/shipping/rates
                  2 threads and 16 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency    18.21ms    3.10ms  61.20ms   80.00%
                    Req/Sec   441.20     35.11   520.00     70.00%
                  Latency Distribution
                     50%   17.90ms
                     75%   19.50ms
                     90%   21.80ms
                     99%  812.00us
                  26472 requests in 30.01s, 7.01MB read
                  Socket errors: connect 0, read 2, write 0, timeout 1
                  Non-2xx or 3xx responses: 4
                Requests/sec:    882.14
                Transfer/sec:    239.27KB
                """;

        Wrk.Result result = Wrk.parse(output, CPU);

        assertThat(result.requestsPerSecond()).isEqualTo(882.14);
        assertThat(result.latency().p50()).isEqualTo(17_900_000L);
        assertThat(result.latency().p99()).isEqualTo(812_000L);
        assertThat(result.errors()).isEqualTo(7);
        assertThat(result.cpu().share()).isEqualTo(0.05);
    }

    @Test
    void givenSomethingElse_thenRefused() {
        assertThatThrownBy(() -> Wrk.parse("wrk: command not understood", CPU))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
