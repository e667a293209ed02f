package io.haderos.shipping.adapter.smsa;

import static io.haderos.shipping.adapter.smsa.SmsaFixture.AE;
import static io.haderos.shipping.adapter.smsa.SmsaFixture.SA;
import static io.haderos.shipping.adapter.smsa.SmsaFixture.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rates from a tariff table, because SMSA offers merchants no rate API. */
class SmsaTariffTest {

    private static final SmsaTariff EXAMPLE = SmsaTariff.load(Optional.empty());

    private static RateQuote onlyQuote(SmsaTariff tariff, RateRequest request) {
        List<RateQuote> quotes = tariff.quote(request);
        assertThat(quotes).hasSize(1);
        return quotes.get(0);
    }

    @Nested
    class BundledExample {

        @ParameterizedTest(name = "{0}/{1} -> {2}/{3}, {4} kg = {6} {5}")
        @CsvSource({
            "SA, Riyadh,    SA, Jeddah,     1,     EDDL, 23.00",
            "SA, Riyadh,    SA, Jeddah,     2.3,   EDDL, 29.00",
            "SA, Riyadh,    SA, Riyadh,     0.5,   EDDL, 18.00",
            "SA, Jeddah,    SA, Dammam,     10,    EDDL, 50.00",
            "SA, Al-Khobar, SA, riyadh,     1,     EDDL, 23.00",
            "SA, Riyadh,    SA, Abha,       5,     EDDL, 44.00",
            "SA, Tabuk,     SA, Abha,       1,     EDDL, 30.00",
            "SA, Riyadh,    AE, Dubai,      3,     EIDL, 85.00",
            "SA, Jeddah,    KW, Kuwait City, 1,    EIDL, 60.00",
            "SA, Dammam,    BH, Manama,     1.5,   EIDL, 64.00",
            "SA, Riyadh,    QA, Doha,       2,     EIDL, 76.00",
            "SA, Abha,      OM, Muscat,     4,     EIDL, 119.00",
        })
        void givenAKnownRoute_whenQuoted_thenPricesExactlyInSar(
                String fromCountry,
                String fromCity,
                String toCountry,
                String toCity,
                String kg,
                String service,
                String amount) {
            RateQuote quote = onlyQuote(
                    EXAMPLE, rate(CountryCode.of(fromCountry), fromCity, CountryCode.of(toCountry), toCity, kg));

            assertThat(quote.carrier()).isEqualTo(CarrierId.SMSA);
            assertThat(quote.service()).isEqualTo(service);
            assertThat(quote.price().currency().getCurrencyCode()).isEqualTo("SAR");
            assertThat(quote.price().formattedAmount()).isEqualTo(amount);
        }

        @Test
        void givenAPlaceOutsideTheTariff_whenQuoted_thenRejectedNamingThePlace() {
            CarrierRejectedException rejected = catchThrowableOfType(
                    CarrierRejectedException.class,
                    () -> EXAMPLE.quote(rate(SA, "Riyadh", CountryCode.of("EG"), "Cairo", "1")));

            assertThat(rejected.messages()).singleElement().satisfies(message -> {
                assertThat(message.code()).isEqualTo("destination.city");
                assertThat(message.message()).contains("EG/Cairo");
            });
        }

        @Test
        void givenARouteWithoutRate_whenQuoted_thenRejectedNamingTheZones() {
            CarrierRejectedException rejected = catchThrowableOfType(
                    CarrierRejectedException.class, () -> EXAMPLE.quote(rate(AE, "Dubai", SA, "Riyadh", "1")));

            assertThat(rejected.messages()).extracting(CarrierMessage::code).containsExactly("destination");
            assertThat(rejected.getMessage()).contains("zone AE").contains("zone RUH");
        }

        @Test
        void givenAServiceNotOfferedOnTheRoute_whenQuoted_thenRejectedListingWhatIsOffered() {
            RateRequest request = new RateRequest(
                    Address.of(SA, "Riyadh"),
                    Address.of(SA, "Jeddah"),
                    Weight.ofKilograms("1"),
                    1,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("EIDL"));

            CarrierRejectedException rejected =
                    catchThrowableOfType(CarrierRejectedException.class, () -> EXAMPLE.quote(request));

            assertThat(rejected.messages()).extracting(CarrierMessage::code).containsExactly("service");
            assertThat(rejected.getMessage()).contains("offered: EDDL");
        }
    }

    @Nested
    class Rounding {

        @ParameterizedTest(name = "{0} kg -> {1} kg")
        @CsvSource({"0.001, 1", "0.5, 1", "1, 1", "1.000, 1", "1.001, 2", "2, 2", "2.999, 3", "999.5, 1000"})
        void givenAWeight_whenCharged_thenEveryStartedKilogramCounts(String kg, int charged) {
            assertThat(SmsaTariff.chargeableKilograms(Weight.ofKilograms(kg))).isEqualTo(charged);
        }

        @Test
        void givenFirstAndExtraKilogramPrices_whenQuoted_thenFirstKgPlusEachStartedExtraKg() {
            SmsaTariff tariff = SmsaTariff.parse("inline", """
                    zone,A,SA,*
                    rate,A,A,EDDL,20.50,3.25,SAR
                    """.getBytes(StandardCharsets.UTF_8));

            assertThat(onlyQuote(tariff, rate(SA, "X", SA, "Y", "1")).price().amount())
                    .isEqualByComparingTo("20.50");
            assertThat(onlyQuote(tariff, rate(SA, "X", SA, "Y", "1.01")).price().amount())
                    .isEqualByComparingTo("23.75");
            assertThat(onlyQuote(tariff, rate(SA, "X", SA, "Y", "3.2")).price().amount())
                    .isEqualByComparingTo("30.25");
        }
    }

    @Nested
    class CustomFile {

        @TempDir
        Path dir;

        @Test
        void givenACustomTariffFile_whenLoaded_thenItsZonesServicesAndCurrencyPrice() throws IOException {
            Path file = dir.resolve("kuwait.csv");
            Files.writeString(file, """
                    # Kuwait domestic, in KWD (three decimals)
                    zone, KWC, KW, Kuwait City
                    zone, KWO, KW, *
                    rate, KWC, KWO, EDDL, 1.250, 0.500, KWD
                    rate, KWC, KWO, EDDH, 2.000, 0.750, KWD
                    """);

            List<RateQuote> quotes = SmsaTariff.load(Optional.of(file))
                    .quote(rate(CountryCode.of("KW"), "kuwait city", CountryCode.of("KW"), "Hawalli", "2.5"));

            assertThat(quotes).extracting(RateQuote::service).containsExactly("EDDL", "EDDH");
            assertThat(quotes)
                    .extracting(quote -> quote.price().formattedAmount())
                    .containsExactly("2.250", "3.500");
            assertThat(quotes)
                    .extracting(quote -> quote.price().currency().getCurrencyCode())
                    .containsOnly("KWD");
        }

        @Test
        void givenZonesDeclaredAfterTheirRates_whenLoaded_thenAccepted() {
            SmsaTariff tariff = SmsaTariff.parse("inline", """
                    rate,A,B,EDDL,10,1,SAR
                    zone,A,SA,Riyadh
                    zone,B,SA,*
                    """.getBytes(StandardCharsets.UTF_8));

            assertThat(onlyQuote(tariff, rate(SA, "Riyadh", SA, "Jeddah", "1"))
                            .price()
                            .amount())
                    .isEqualByComparingTo(BigDecimal.TEN);
        }

        @Test
        void givenAMissingFile_whenLoaded_thenTheMessageNamesIt() {
            Path missing = dir.resolve("nope.csv");

            assertThatThrownBy(() -> SmsaTariff.load(Optional.of(missing)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(missing.toString());
        }

        @Test
        void givenAMalformedFile_whenTheCarrierIsCreated_thenCreationFailsNamingFileAndLine() throws IOException {
            Path file = dir.resolve("broken.csv");
            Files.writeString(file, "zone,A,SA,*\nrate,A,A,EDDL,ten,1,SAR\n");
            SmsaConfig config = SmsaConfig.builder()
                    .baseUrl("http://localhost:1")
                    .apiKey("key")
                    .tariffFile(file)
                    .build();

            assertThatThrownBy(() -> SmsaShippingCarrier.create(config))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("line 2")
                    .hasMessageContaining("bad number 'ten'");
        }
    }

    @Nested
    class MalformedFiles {

        @TempDir
        Path dir;

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                wrong column count (zone)   | zone,A,SA                              | 3 | wrong column count: expected 4
                wrong column count (rate)   | rate,A,A,EDDL,10,1                     | 3 | wrong column count: expected 7
                unknown record type         | price,A,A,EDDL,10,1,SAR                | 3 | unknown record type 'price'
                unknown from zone           | rate,X,A,EDDL,10,1,SAR                 | 3 | unknown from zone 'X'
                unknown to zone             | rate,A,Y,EDDL,10,1,SAR                 | 3 | unknown to zone 'Y'
                bad number                  | rate,A,A,EDDL,1O,1,SAR                 | 3 | bad number '1O' in first-kg
                negative number             | rate,A,A,EDDL,10,-1,SAR                | 3 | bad number '-1' in extra-kg
                too many decimals           | rate,A,A,EDDL,10.005,1,SAR             | 3 | SAR has 2 decimals
                bad currency                | rate,A,A,EDDL,10,1,RIY                 | 3 | bad currency 'RIY'
                lower-case currency         | rate,A,A,EDDL,10,1,sar                 | 3 | bad currency 'sar'
                bad country                 | zone,B,KSA,Riyadh                      | 3 | bad country 'KSA'
                missing city                | zone,B,SA,                             | 3 | missing city
                bad zone name               | zone,B C,SA,Riyadh                     | 3 | bad zone name 'B C'
                bad service                 | rate,A,A,eddl,10,1,SAR                 | 3 | bad service code 'eddl'
                city in two zones           | zone,B,SA,*                            | 3 | already in zone A (line 1)
                duplicate rate              | rate,A,A,EDDL,11,1,SAR                 | 3 | duplicate rate for A -> A service EDDL
                """)
        void givenAFaultyLine_whenLoaded_thenTheMessageNamesFileLineAndFault(
                String kind, String line, int number, String fault) throws IOException {
            Path file = dir.resolve("tariff.csv");
            Files.writeString(file, "zone,A,SA,*\nrate,A,A,EDDL,10,1,SAR\n" + line + "\n");

            assertThatThrownBy(() -> SmsaTariff.load(Optional.of(file)))
                    .as(kind)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("line " + number + ":")
                    .hasMessageContaining(fault);
        }

        @Test
        void givenCommentsAndBlankLines_whenAFaultFollows_thenTheLineNumberCountsThem() {
            byte[] text =
                    "# header\n\n   \nzone,A,SA,*\r\n# note\nrate,A,A,EDDL,10,1\n".getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> SmsaTariff.parse("tariff.csv", text))
                    .hasMessage("SMSA tariff tariff.csv, line 6: wrong column count: expected 7 "
                            + "(rate,<from-zone>,<to-zone>,<service>,<first-kg>,<extra-kg>,<currency>), found 6");
        }

        @Test
        void givenNoRateLines_whenLoaded_thenRefused() {
            assertThatThrownBy(() ->
                            SmsaTariff.parse("empty.csv", "# nothing\nzone,A,SA,*\n".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty.csv")
                    .hasMessageContaining("no rate lines");
        }

        @Test
        void givenBytesThatAreNotUtf8_whenLoaded_thenRefusedNamingTheFile() {
            byte[] latin1 = "zone,A,SA,Unayzah\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

            assertThatThrownBy(() -> SmsaTariff.parse("latin1.csv", latin1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("latin1.csv")
                    .hasMessageContaining("UTF-8");
        }
    }
}
