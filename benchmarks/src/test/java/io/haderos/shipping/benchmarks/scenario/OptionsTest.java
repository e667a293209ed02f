package io.haderos.shipping.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void givenValuesAndFlags_thenEachIsRead() {
        Options options = Options.parse(List.of("--quick", "--rates-per-second=200", "--hang=1.5"));

        assertThat(options.quick()).isTrue();
        assertThat(options.number("rates-per-second", 400, 50)).isEqualTo(200);
        assertThat(options.seconds("hang", Duration.ofSeconds(60), Duration.ofSeconds(15)))
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void givenQuickWithoutAValue_thenTheQuickDefault_elseTheFullOne() {
        assertThat(Options.parse(List.of("--quick")).integer("clients", 16, 4)).isEqualTo(4);
        assertThat(Options.parse(List.of()).integer("clients", 16, 4)).isEqualTo(16);
    }

    @Test
    void givenAnArgumentOfAnotherShape_thenRefused() {
        assertThatThrownBy(() -> Options.parse(List.of("quick"))).isInstanceOf(IllegalArgumentException.class);
    }
}
