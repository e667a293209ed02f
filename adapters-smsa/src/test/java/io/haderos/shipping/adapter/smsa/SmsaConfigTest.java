package io.haderos.shipping.adapter.smsa;

import static io.haderos.shipping.adapter.smsa.SmsaFixture.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsaConfigTest {

    private static SmsaConfig.Builder valid() {
        return SmsaConfig.builder().baseUrl(SmsaConfig.SANDBOX_URL).apiKey(API_KEY);
    }

    @Test
    void givenOnlyUrlAndKey_whenBuilt_thenEveryOtherSettingHasItsDocumentedDefault() {
        SmsaConfig config = valid().build();

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://ecomapis-sandbox.azurewebsites.net"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.circuitBreaker()).isEqualTo(CircuitBreakerSettings.DEFAULTS);
        assertThat(config.tariffFile()).isEmpty();
        assertThat(config.domesticServiceCode()).isEqualTo("EDDL");
        assertThat(config.internationalServiceCode()).isEqualTo("EIDL");
        assertThat(config.retailId()).isEqualTo("0");
        assertThat(config.vatPaid()).isTrue();
        assertThat(config.dutyPaid()).isFalse();
        assertThat(config.clock().getZone()).isEqualTo(SmsaConfig.KSA);
    }

    @Test
    void givenAConfig_whenPrinted_thenTheApiKeyIsRedacted() {
        SmsaConfig config = valid().tariffFile(Path.of("/etc/smsa/tariff.csv")).build();

        assertThat(config.toString())
                .doesNotContain(API_KEY)
                .contains("apiKey=***")
                .contains("baseUrl=https://ecomapis-sandbox.azurewebsites.net")
                .contains("/etc/smsa/tariff.csv");
    }

    @Test
    void givenABaseUrlWithTrailingSlashes_whenBuilt_thenTheyAreRemovedButAPathPrefixIsKept() {
        assertThat(valid().baseUrl("http://localhost:8003/").build().baseUrl())
                .isEqualTo(URI.create("http://localhost:8003"));
        assertThat(valid().baseUrl("https://proxy.example/smsa//").build().baseUrl())
                .isEqualTo(URI.create("https://proxy.example/smsa"));
    }

    @Test
    void givenAConfig_whenCopiedWithToBuilder_thenEqual() {
        SmsaConfig config = valid().timeout(Duration.ofSeconds(3))
                .retailId("RUH01")
                .dutyPaid(true)
                .build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("baseUrl", "is required", b -> b.baseUrl((URI) null)),
                bad(
                        "baseUrl",
                        "must be an absolute http or https URL",
                        b -> b.baseUrl("ftp://ecomapis.smsaexpress.com")),
                bad("baseUrl", "must be an absolute http or https URL", b -> b.baseUrl("/api")),
                bad("baseUrl", "must not have a query or fragment", b -> b.baseUrl("https://h.example/?x=1")),
                bad("baseUrl", "must not have a query or fragment", b -> b.baseUrl("https://h.example/#x")),
                bad("baseUrl", "must not contain user info", b -> b.baseUrl("https://u:" + API_KEY + "@h.example/")),
                bad("baseUrl", "is not a valid URL", b -> b.baseUrl("http://bad host")),
                bad("apiKey", "is required", b -> b.apiKey(null)),
                bad("apiKey", "must not be blank", b -> b.apiKey("  ")),
                bad("apiKey", "must be 1 to 512 printable ASCII", b -> b.apiKey(API_KEY + " \n")),
                bad("apiKey", "must be 1 to 512 printable ASCII", b -> b.apiKey("a\u00e9" + API_KEY)),
                bad("apiKey", "must not contain control characters", b -> b.apiKey(API_KEY + "\u0007" + API_KEY)),
                bad("apiKey", "must be at most 512 characters", b -> b.apiKey(API_KEY.repeat(30))),
                bad("connectTimeout", "must be positive", b -> b.connectTimeout(Duration.ZERO)),
                bad("connectTimeout", "is required", b -> b.connectTimeout(null)),
                bad("timeout", "must be positive", b -> b.timeout(Duration.ofSeconds(-1))),
                bad("timeout", "must be at most 5 minutes", b -> b.timeout(Duration.ofMinutes(6))),
                bad("circuitBreaker", "is required", b -> b.circuitBreaker(null)),
                bad("domesticServiceCode", "must be 2 to 10 upper-case", b -> b.domesticServiceCode("eddl")),
                bad("internationalServiceCode", "must be 2 to 10 upper-case", b -> b.internationalServiceCode("E")),
                bad("retailId", "must be 1 to 20 letters or digits", b -> b.retailId("RUH 01")),
                bad("retailId", "is required", b -> b.retailId(null)),
                bad("clock", "is required", b -> b.clock(null)),
                bad("probeAwb", "must be 1 to 64 letters", b -> b.probeAwb("../track")));
    }

    private static Arguments bad(String field, String reason, UnaryOperator<SmsaConfig.Builder> change) {
        return Arguments.of(field, reason, change);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalid")
    void givenAnInvalidSetting_whenBuilt_thenRefusedNamingItWithoutShowingTheKey(
            String field, String reason, UnaryOperator<SmsaConfig.Builder> change) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).startsWith(reason);
                })
                .hasMessageStartingWith(field + ": " + reason)
                .hasMessageNotContaining(API_KEY);
    }

    /** The library's surface is one adapter class and one config record (with its builder). */
    @Test
    void givenTheAdapterPackage_whenInspected_thenOnlyTheCarrierAndTheConfigArePublic() throws Exception {
        File packageDir = new File(Objects.requireNonNull(SmsaConfig.class.getResource("SmsaConfig.class"))
                        .toURI())
                .getParentFile();
        String[] publicTypes = Arrays.stream(
                        Objects.requireNonNull(packageDir.list((dir, name) -> name.endsWith(".class"))))
                .map(name ->
                        SmsaConfig.class.getPackageName() + "." + name.substring(0, name.length() - ".class".length()))
                .map(SmsaConfigTest::load)
                .filter(type -> Modifier.isPublic(type.getModifiers()))
                .map(Class::getName)
                .sorted()
                .toArray(String[]::new);

        assertThat(publicTypes)
                .containsExactly(
                        SmsaConfig.class.getName(),
                        SmsaConfig.Builder.class.getName(),
                        SmsaShippingCarrier.class.getName());
        // Its own and those it inherits from the shared base; the port's waiting forms and Object's are not its own.
        assertThat(Arrays.stream(SmsaShippingCarrier.class.getMethods())
                        .filter(method -> method.getDeclaringClass() != Object.class
                                && method.getDeclaringClass() != ShippingCarrier.class)
                        .map(Method::getName)
                        .distinct()
                        .sorted())
                .containsExactly(
                        "circuitBreaker",
                        "create",
                        "createShipmentAsync",
                        "findByReferenceAsync",
                        "id",
                        "labelsAsync",
                        "probeAsync",
                        "quoteRatesAsync",
                        "toString",
                        "trackAsync");
        assertThat(Optional.of(SmsaShippingCarrier.class.getModifiers()).map(Modifier::isFinal))
                .contains(true);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SmsaConfigTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
