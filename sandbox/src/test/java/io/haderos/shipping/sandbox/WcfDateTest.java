package io.haderos.shipping.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WcfDateTest {

    @Test
    void givenWcfDates_whenParsed_thenUtcMillisWhateverTheOffset() {
        assertThat(WcfDate.parse("/Date(1735725600000+0300)/")).isEqualTo(Instant.ofEpochMilli(1735725600000L));
        assertThat(WcfDate.parse("/Date(1735725600000)/")).isEqualTo(Instant.ofEpochMilli(1735725600000L));
        assertThat(WcfDate.parse("/Date(-1000-0530)/")).isEqualTo(Instant.ofEpochMilli(-1000));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-01-01T10:00:00",
                "1735725600000",
                "/Date(abc)/",
                "\\/Date(1735725600000)\\/",
                "/Date(1735725600000+03)/",
                ""
            })
    void givenOtherText_whenParsed_thenNull(String text) {
        assertThat(WcfDate.parse(text)).isNull();
    }

    @Test
    void givenInstant_whenFormatted_thenOffsetSuffix() {
        Instant instant = Instant.ofEpochMilli(1706788140000L);

        assertThat(WcfDate.format(instant, WcfDate.RIYADH)).isEqualTo("/Date(1706788140000+0300)/");
        assertThat(WcfDate.format(instant, ZoneOffset.ofHoursMinutes(-5, -30))).isEqualTo("/Date(1706788140000-0530)/");
    }
}
