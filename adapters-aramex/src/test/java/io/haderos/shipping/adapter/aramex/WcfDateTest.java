package io.haderos.shipping.adapter.aramex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WcfDateTest {

    private static final Instant NEW_YEAR_0700_UTC = Instant.parse("2025-01-01T07:00:00Z");

    @Test
    void givenInstantAndRiyadhOffset_whenFormatting_thenMillisAreUtcAndOffsetIsAppended() {
        assertThat(WcfDate.format(NEW_YEAR_0700_UTC, ZoneOffset.ofHours(3))).isEqualTo("/Date(1735714800000+0300)/");
    }

    @Test
    void givenUtcAndNegativeAndHalfHourOffsets_whenFormatting_thenSignAndMinutesAreWritten() {
        assertThat(WcfDate.format(NEW_YEAR_0700_UTC, ZoneOffset.UTC)).isEqualTo("/Date(1735714800000+0000)/");
        assertThat(WcfDate.format(NEW_YEAR_0700_UTC, ZoneOffset.ofHoursMinutes(-3, -30)))
                .isEqualTo("/Date(1735714800000-0330)/");
        assertThat(WcfDate.format(NEW_YEAR_0700_UTC, ZoneOffset.ofHoursMinutes(5, 45)))
                .isEqualTo("/Date(1735714800000+0545)/");
    }

    @Test
    void givenCapturedTrackingDate_whenParsing_thenInstantAndOffsetAreKept() {
        OffsetDateTime parsed = WcfDate.parse("/Date(1706788140000+0300)/");

        assertThat(parsed.toInstant()).isEqualTo(Instant.ofEpochMilli(1706788140000L));
        assertThat(parsed.getOffset()).isEqualTo(ZoneOffset.ofHours(3));
        assertThat(parsed).isEqualTo(OffsetDateTime.parse("2024-02-01T14:49:00+03:00"));
    }

    @Test
    void givenSlashEscapedForm_whenParsing_thenSameAsPlainForm() {
        assertThat(WcfDate.parse("\\/Date(1706788140000+0300)\\/"))
                .isEqualTo(WcfDate.parse("/Date(1706788140000+0300)/"));
    }

    @Test
    void givenNoOffset_whenParsing_thenUtc() {
        assertThat(WcfDate.parse("/Date(1735714800000)/")).isEqualTo(OffsetDateTime.parse("2025-01-01T07:00:00Z"));
    }

    @Test
    void givenNegativeEpochAndNegativeOffset_whenParsing_thenBothAreHonoured() {
        OffsetDateTime parsed = WcfDate.parse("/Date(-86400000-0500)/");

        assertThat(parsed.toInstant()).isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
        assertThat(parsed.getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    void givenAnyFormattedValue_whenParsedBack_thenRoundTrips() {
        ZoneOffset offset = ZoneOffset.ofHoursMinutes(-9, -30);
        Instant instant = Instant.parse("2031-07-15T23:59:59.123Z");

        OffsetDateTime parsed = WcfDate.parse(WcfDate.format(instant, offset));

        assertThat(parsed.toInstant()).isEqualTo(instant);
        assertThat(parsed.getOffset()).isEqualTo(offset);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2016-05-31T16:00:00",
                "/Date()/",
                "/Date(abc)/",
                "Date(1735714800000)",
                "/Date(1735714800000+03)/",
                "/Date(1735714800000+0360)/",
                "/Date(1735714800000+1900)/",
                "/Date(99999999999999999999)/"
            })
    void givenNotAWcfDate_whenParsing_thenIllegalArgument(String text) {
        assertThatThrownBy(() -> WcfDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNull_whenParsing_thenIllegalArgument() {
        assertThatThrownBy(() -> WcfDate.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
