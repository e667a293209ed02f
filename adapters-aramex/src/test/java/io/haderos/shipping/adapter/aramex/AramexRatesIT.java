package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.Dimensions;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.Weight;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rate quotes ({@code CalculateRate}): what each request puts on the wire, and the quote read back. */
class AramexRatesIT extends AramexFixture {

    @Test
    void givenDomesticRequest_whenQuoting_thenPostsClientInfoAndDomDetailsAndReturnsOneQuote() {
        ARAMEX.stubFor(aramexPost(RATE_PATH).willReturn(okJson(RATE_OK)));

        List<RateQuote> quotes = carrier.quoteRates(DOMESTIC_RATE);

        assertThat(quotes).containsExactly(new RateQuote(CarrierId.ARAMEX, "ONP", Money.of("187.45", "SAR")));
        ARAMEX.verify(
                1,
                withClientInfo(postRequestedFor(urlEqualTo(RATE_PATH)))
                        .withRequestBody(equalToJson("""
                                {"OriginAddress": {"City": "Riyadh", "Line1": "King Fahd Rd 12", "PostCode": "12211",
                                                   "CountryCode": "SA"},
                                 "DestinationAddress": {"City": "Jeddah", "CountryCode": "SA"},
                                 "ShipmentDetails": {"ActualWeight": {"Unit": "KG", "Value": 2.5}, "NumberOfPieces": 1,
                                   "ProductGroup": "DOM", "ProductType": "ONP", "PaymentType": "P"}}
                                """, false, true))
                        .withRequestBody(matchingJsonPath("$.ShipmentDetails.Dimensions", absent()))
                        .withRequestBody(matchingJsonPath("$.PreferredCurrencyCode", absent())));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenInternationalRequestWithServiceCurrencyAndDimensions_whenQuoting_thenAllAreSentAndNoiseIsRounded() {
        ARAMEX.stubFor(aramexPost(RATE_PATH).willReturn(okJson("""
                {"Notifications": [], "HasErrors": false,
                 "TotalAmount": {"CurrencyCode": "SAR", "Value": 187.45000000000002}}
                """)));
        RateRequest request = new RateRequest(
                Address.of(CountryCode.of("SA"), "Riyadh"),
                Address.of(CountryCode.of("AE"), "Dubai"),
                Weight.ofKilograms("1.5"),
                2,
                Optional.of(new Dimensions(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("15.5"))),
                Optional.of(Currency.getInstance("SAR")),
                Optional.of("PDX"));

        List<RateQuote> quotes = carrier.quoteRates(request);

        assertThat(quotes).containsExactly(new RateQuote(CarrierId.ARAMEX, "PDX", Money.of("187.45", "SAR")));
        ARAMEX.verify(1, postRequestedFor(urlEqualTo(RATE_PATH)).withRequestBody(equalToJson("""
                                {"DestinationAddress": {"CountryCode": "AE"},
                                 "ShipmentDetails": {"ProductGroup": "EXP", "ProductType": "PDX", "NumberOfPieces": 2,
                                   "Dimensions": {"Length": 30, "Height": 15.5, "Unit": "CM"}},
                                 "PreferredCurrencyCode": "SAR"}
                                """, false, true)));
    }

    @Test
    void givenInternationalRequestWithoutService_whenQuoting_thenPriorityParcelExpress() {
        ARAMEX.stubFor(aramexPost(RATE_PATH).willReturn(okJson(RATE_OK)));

        List<RateQuote> quotes = carrier.quoteRates(RateRequest.of(
                Address.of(CountryCode.of("SA"), "Riyadh"),
                Address.of(CountryCode.of("AE"), "Dubai"),
                Weight.ofKilograms("1")));

        assertThat(quotes).extracting(RateQuote::service).containsExactly("PPX");
        ARAMEX.verify(postRequestedFor(urlEqualTo(RATE_PATH))
                .withRequestBody(matchingJsonPath("$.ShipmentDetails.ProductGroup", equalTo("EXP"))));
    }
}
