package io.haderos.shipping.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API's JSON: snake_case, ISO-8601 times, plain decimals, and reading without any coercion. */
class ObjectMapperResolverTest {

    private final ObjectMapper mapper = new ObjectMapperResolver().getContext(Object.class);

    record Sample(BigDecimal weightKg, Integer pieces, String city, Instant at, OffsetDateTime time) {}

    @Test
    void givenARecord_whenWritten_thenSnakeCaseIsoTimesAndPlainDecimals() throws Exception {
        Sample sample = new Sample(
                new BigDecimal("1E+3"),
                2,
                "Riyadh",
                Instant.parse("2025-12-28T10:30:00Z"),
                OffsetDateTime.parse("2025-01-02T09:15:00+03:00"));

        assertThat(mapper.writeValueAsString(sample))
                .isEqualTo("{\"weight_kg\":1000,\"pieces\":2,\"city\":\"Riyadh\","
                        + "\"at\":\"2025-12-28T10:30:00Z\",\"time\":\"2025-01-02T09:15:00+03:00\"}");
    }

    @Test
    void givenAWellTypedDocument_whenRead_thenEveryValueArrivesExactly() throws Exception {
        Sample sample = mapper.readValue("{\"weight_kg\":1.50,\"pieces\":3,\"city\":\"Dubai\"}", Sample.class);

        assertThat(sample.weightKg()).isEqualTo(new BigDecimal("1.50"));
        assertThat(sample.pieces()).isEqualTo(3);
        assertThat(sample.city()).isEqualTo("Dubai");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"weight_kg\":\"1.5\"}",
                "{\"weight_kg\":\"\"}",
                "{\"weight_kg\":true}",
                "{\"pieces\":1.0}",
                "{\"pieces\":\"1\"}",
                "{\"city\":1}",
                "{\"city\":1.5}",
                "{\"city\":false}",
                "{\"weight_kg\":[1]}"
            })
    void givenAValueOfAnotherJsonType_whenRead_thenRefusedRatherThanCoerced(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Sample.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void givenAnUnknownField_whenRead_thenRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"weight\":1}", Sample.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"pieces\":1,\"pieces\":2}",
                "{\"weight_kg\":NaN}",
                "{\"weight_kg\":Infinity}",
                "{\"city\":'x'}"
            })
    void givenTextThatIsNotStrictJson_whenRead_thenRefusedByTheParser(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Sample.class)).isInstanceOf(JsonParseException.class);
    }

    @Test
    void givenTokensAfterTheDocument_whenRead_thenRefused() {
        assertThatThrownBy(() -> mapper.readValue("{} {}", Sample.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void givenAnUntypedNumber_whenRead_thenItIsABigDecimal() throws Exception {
        assertThat(mapper.readValue("{\"x\":0.1}", Map.class).get("x")).isEqualTo(new BigDecimal("0.1"));
    }
}
