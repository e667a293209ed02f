package io.haderos.shipping.domain.model;

import static io.haderos.shipping.domain.testing.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueRecordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"XX", "sa", "SAU", "", "ZZ"})
    void givenNotAnIsoAlpha2Code_whenCreatingCountry_thenRefusedNamingTheField(String code) {
        assertRefusedNaming(() -> CountryCode.of(code), "country");
    }

    @Test
    void givenGulfCountries_thenAccepted() {
        for (String code : new String[] {"SA", "AE", "KW", "BH", "QA", "OM", "JO", "EG"}) {
            assertThat(CountryCode.of(code).value()).isEqualTo(code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1000.001", "1e400", "0.0001"})
    void givenAnImplausibleWeight_thenRefused(String kilograms) {
        assertRefusedNaming(() -> Weight.ofKilograms(kilograms), "weight");
    }

    @Test
    void givenEquivalentDecimals_thenEqualWeights() {
        assertThat(Weight.ofKilograms("1.20")).isEqualTo(Weight.ofKilograms("1.2"));
        assertThat(Weight.ofKilograms("1000").kilograms()).isEqualByComparingTo(BigDecimal.valueOf(1000));
    }

    @Test
    void givenArabicText_thenAcceptedAndCountedInCharactersNotBytes() {
        String name = "سارة أحمد";
        Address address = new Address(CountryCode.of("SA"), "جدة", "مبنى ٧، شارع العليا", "", "");

        Party party = new Party(name, "", "+966551112233", "", address);

        assertThat(party.name()).isEqualTo(name);
        assertThat(Checks.text("ج".repeat(100), "name", 100)).hasSize(100);
    }

    @Test
    void givenOverlongOrBlankText_thenRefusedNamingTheField() {
        assertRefusedNaming(() -> Address.of(CountryCode.of("SA"), "x".repeat(61)), "city");
        assertThatThrownBy(() -> Address.of(CountryCode.of("SA"), "   "))
                .hasMessageContaining("city: must not be blank");
    }

    @Test
    void givenASecret_thenKeptExactlyAsGivenAndNeverQuotedWhenRefused() {
        assertThat(Checks.secret(" pass word ", "password", 20)).isEqualTo(" pass word ");
        assertRefusedNaming(() -> Checks.secret("   ", "password", 20), "password");
        assertThatThrownBy(() -> Checks.secret("s3cret-" + "x".repeat(30), "password", 20))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void givenADuration_thenPositiveAndWithinItsBound() {
        assertThat(Checks.positive(Duration.ofMinutes(5), "timeout", Duration.ofMinutes(5)))
                .isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> Checks.positive(Duration.ZERO, "timeout"))
                .hasMessageContaining("timeout: must be positive");
        assertThatThrownBy(() -> Checks.positive(Duration.ofSeconds(-1), "timeout"))
                .hasMessageContaining("timeout: must be positive");
        assertThatThrownBy(() -> Checks.positive(Duration.ofMinutes(6), "timeout", Duration.ofMinutes(5)))
                .hasMessageContaining("timeout: must be at most 5 minutes");
        assertRefusedNaming(() -> Checks.positive(null, "connectTimeout"), "connectTimeout");
    }

    @Test
    void givenMoney_thenDecimalStringsAndIsoCurrencies() {
        assertThat(Money.of("187.45", "SAR").formattedAmount()).isEqualTo("187.45");
        assertThat(Money.of("250", "SAR").formattedAmount()).isEqualTo("250.00");
        assertThat(Money.of("1.5", "KWD").formattedAmount()).isEqualTo("1.500");
        assertThatThrownBy(() -> Money.of("12", "XYZ")).hasMessageStartingWith("currency");
        assertThatThrownBy(() -> Money.of("abc", "SAR")).hasMessageStartingWith("amount");
        assertThatThrownBy(() -> Money.of("-1", "SAR")).hasMessageStartingWith("amount");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                " 250",
                "250 ",
                "+250",
                "-0",
                "2.5e2",
                "2.5E2",
                "1,000",
                ".5",
                "5.",
                "1.2345",
                "0x10",
                "٢٥٠",
                "",
                "12345678901",
                "NaN",
                "Infinity",
                "1_000"
            })
    void givenAnAmountOutsideTheDecimalGrammar_thenRefusedNamingTheAmount(String amount) {
        assertRefusedNaming(() -> Money.of(amount, "SAR"), "amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "250", "250.00", "0.5", "1.250", "1000000000", "007"})
    void givenAnAmountInTheDecimalGrammar_thenAccepted(String amount) {
        assertThat(Money.of(amount, "SAR").amount()).isEqualByComparingTo(new BigDecimal(amount));
    }

    @Test
    void givenAnOrderOfOneClient_thenOnlyThatClientSeesIt_andAnOrderWithoutClientIsSeenByAll() {
        ClientId shop = ClientId.of("shop-web");
        ClientId other = ClientId.of("shop-app");
        java.time.Instant now = java.time.Instant.parse("2026-11-30T10:00:00Z");
        ShipmentRecord owned = ShipmentRecord.inProgress(OrderId.of("ORD-1"), shop, "fp", now);
        ShipmentRecord unowned = new ShipmentRecord(
                OrderId.of("ORD-2"),
                "fp",
                ShipmentStatus.IN_PROGRESS,
                java.util.Optional.empty(),
                false,
                java.util.List.of(),
                now,
                now,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                java.util.Optional.empty());

        assertThat(owned.isVisibleTo(shop)).isTrue();
        assertThat(owned.isVisibleTo(other)).isFalse();
        assertThat(unowned.isVisibleTo(shop)).isTrue();
        assertThat(unowned.isVisibleTo(other)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Shop", "shop_web", "shop web", "x2345678901234567890123456789012345678901", "é"})
    void givenAnInvalidClientName_thenRefusedNamingTheClient(String name) {
        assertRefusedNaming(() -> ClientId.of(name), "client");
    }

    @Test
    void givenAPartyWithoutStreetAddress_thenRefused() {
        assertRefusedNaming(
                () -> new Party("Sara", "", "+966551112233", "", Address.of(CountryCode.of("SA"), "Jeddah")),
                "address.line1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "-abc", "a b", "ORD/1", "x23456789012345678901234567890123456789012345678901234567890123456"
            })
    void givenAnInvalidOrderId_thenRefused(String id) {
        assertThatThrownBy(() -> OrderId.of(id)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenANestedRefusal_thenWithinPrefixesThePath() {
        InvalidValueException e = new InvalidValueException("country", "must be ISO").within("consignee.address");
        assertThat(e.field()).isEqualTo("consignee.address.country");
        assertThat(e.reason()).isEqualTo("must be ISO");
    }
}
