package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-03-01T03:00:00Z, 2026-03-01T03:00:00Z",
        "2026-03-01T06:00:00+03:00, 2026-03-01T03:00:00Z",
        "' 2026-03-01T03:00:00.5Z ', 2026-03-01T03:00:00.5Z"
    })
    void givenAnInstantWithItsOffset_whenRead_thenItIsThatInstant(String value, Instant expected) {
        assertThat(RequestBodies.instant(value, "until")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"2026-03-01T03:00:00", "2026-03-01", "1772334000", "tomorrow", ""})
    void givenAnythingElse_whenRead_thenRefusedNamingTheFieldAndShowingTheForm(String value) {
        InvalidRequestException refused =
                catchThrowableOfType(() -> RequestBodies.instant(value, "since"), InvalidRequestException.class);

        assertThat(refused.field()).contains("since");
        assertThat(refused.reason())
                .isEqualTo("must be an ISO-8601 instant with its offset, such as 2026-03-01T03:00:00Z");
    }
}
