package io.haderos.shipping.adapter.aramex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AramexConfigTest {

    private static final String PASSWORD = "Pa55-w0rd!secret";
    private static final String PIN = "543210";

    private static AramexConfig.Builder valid() {
        return AramexConfig.builder()
                .baseUrl("https://ws.aramex.net/ShippingAPI.V2/")
                .userName("api.user@example.com")
                .password(PASSWORD)
                .accountNumber("60500123")
                .accountPin(PIN)
                .accountEntity("RUH")
                .accountCountryCode("SA");
    }

    @Test
    void givenOnlyUrlAndCredentials_whenBuilding_thenDefaultsApply() {
        AramexConfig config = valid().build();

        assertThat(config.version()).isEqualTo("v1.0");
        assertThat(config.source()).isEqualTo(OptionalInt.empty());
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.circuitBreaker()).isEqualTo(CircuitBreakerSettings.DEFAULTS);
        assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void givenTimeoutShorterThanDefaultConnectTimeout_whenBuilding_thenConnectTimeoutFollowsTimeout() {
        AramexConfig config = valid().timeout(Duration.ofMillis(200)).build();

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void givenBaseUrlWithAndWithoutTrailingSlash_whenBuilding_thenBothEndWithOneSlash() {
        URI withSlash =
                valid().baseUrl("https://ws.aramex.net/ShippingAPI.V2/").build().baseUrl();
        URI withoutSlash =
                valid().baseUrl("https://ws.aramex.net/ShippingAPI.V2").build().baseUrl();

        assertThat(withoutSlash).isEqualTo(withSlash).isEqualTo(AramexConfig.PRODUCTION_BASE_URL);
        assertThat(withSlash
                        .resolve("Shipping/Service_1_0.svc/json/CreateShipments")
                        .toString())
                .isEqualTo("https://ws.aramex.net/ShippingAPI.V2/Shipping/Service_1_0.svc/json/CreateShipments");
    }

    @Test
    void givenLowerCaseEntityAndCountry_whenBuilding_thenUpperCased() {
        AramexConfig config =
                valid().accountEntity("ruh").accountCountryCode("sa").build();

        assertThat(config.accountEntity()).isEqualTo("RUH");
        assertThat(config.accountCountryCode()).isEqualTo("SA");
    }

    @Test
    void givenConfig_whenPrinted_thenNeitherPasswordNorPinAppears() {
        AramexConfig config = valid().build();

        assertThat(config.toString())
                .doesNotContain(PASSWORD)
                .doesNotContain(PIN)
                .contains("password=***", "accountPin=***", "userName=api.user@example.com", "accountNumber=60500123");
    }

    @Test
    void givenMissingPassword_whenBuilding_thenTheFieldIsNamed() {
        InvalidValueException failure = catchThrowableOfType(
                InvalidValueException.class, () -> valid().password(null).build());

        assertThat(failure.field()).isEqualTo("password");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "baseUrl",
                "userName",
                "password",
                "accountNumber",
                "accountPin",
                "accountEntity",
                "accountCountryCode",
                "version",
                "timeout",
                "circuitBreaker",
                "clock"
            })
    void givenOneRequiredComponentMissing_whenBuilding_thenThatComponentIsNamed(String field) {
        UnaryOperator<AramexConfig.Builder> remove = switch (field) {
            case "baseUrl" -> b -> b.baseUrl((URI) null);
            case "userName" -> b -> b.userName(" ");
            case "password" -> b -> b.password("");
            case "accountNumber" -> b -> b.accountNumber(null);
            case "accountPin" -> b -> b.accountPin("  ");
            case "accountEntity" -> b -> b.accountEntity(null);
            case "accountCountryCode" -> b -> b.accountCountryCode("");
            case "version" -> b -> b.version(" ");
            case "timeout" -> b -> b.timeout(null);
            case "circuitBreaker" -> b -> b.circuitBreaker(null);
            case "clock" -> b -> b.clock(null);
            default -> throw new IllegalArgumentException(field);
        };

        assertThatThrownBy(() -> remove.apply(valid()).build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ws.aramex.net/ShippingAPI.V2",
                "ftp://ws.aramex.net/",
                "https://ws.aramex.net/?a=b",
                "https://ws.aramex.net/#x",
                "https:///no-host",
                "not a url"
            })
    void givenUnusableBaseUrl_whenBuilding_thenBaseUrlIsNamed(String url) {
        assertThatThrownBy(() -> valid().baseUrl(url).build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"));
    }

    @Test
    void givenCredentialsInBaseUrl_whenBuilding_thenRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> valid().baseUrl("https://user:" + PASSWORD + "@ws.aramex.net/")
                        .build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"))
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void givenConnectTimeoutLongerThanTimeout_whenBuilding_thenConnectTimeoutIsNamed() {
        assertThatThrownBy(() -> valid().timeout(Duration.ofSeconds(2))
                        .connectTimeout(Duration.ofSeconds(3))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("connectTimeout"));
    }

    @Test
    void givenTimeoutsOutOfRange_whenBuilding_thenTheTimeoutIsNamed() {
        assertThatThrownBy(() -> valid().timeout(Duration.ZERO).build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("timeout"));
        assertThatThrownBy(() -> valid().timeout(Duration.ofMinutes(6)).build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("timeout"));
        assertThatThrownBy(() -> valid().connectTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("connectTimeout"));
    }

    @Test
    void givenMalformedEntityCountryOrSource_whenBuilding_thenTheFieldIsNamed() {
        assertThatThrownBy(() -> valid().accountEntity("RIYADH").build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("accountEntity"));
        assertThatThrownBy(() -> valid().accountCountryCode("SAU").build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("accountCountryCode"));
        assertThatThrownBy(() -> valid().source(-1).build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("source"));
    }

    @Test
    void givenWrongSecretsInValidation_whenRefused_thenMessageDoesNotContainThem() {
        assertThatThrownBy(() -> valid().accountEntity(PIN).build()).hasMessageNotContaining(PIN);
    }

    @Test
    void givenCredentialsWithSurroundingSpaces_whenBuilding_thenNamesAreTrimmedAndSecretsKeptAsGiven() {
        AramexConfig config = valid().userName("  api.user@example.com ")
                .accountNumber(" 60500123 ")
                .password(" " + PASSWORD + " ")
                .build();

        assertThat(config.userName()).isEqualTo("api.user@example.com");
        assertThat(config.accountNumber()).isEqualTo("60500123");
        assertThat(config.password()).isEqualTo(" " + PASSWORD + " ");
    }

    @Test
    void givenSecretsThatBreakTheRules_whenBuilding_thenRefusedNamingTheFieldWithoutEchoingThem() {
        assertThatThrownBy(() -> valid().password(PASSWORD.repeat(20)).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.reason()).isEqualTo("must be at most 256 characters");
                })
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> valid().accountPin(PIN + "\u0007").build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("accountPin");
                    assertThat(e.reason()).isEqualTo("must not contain control characters");
                })
                .hasMessageNotContaining(PIN);
    }
}
