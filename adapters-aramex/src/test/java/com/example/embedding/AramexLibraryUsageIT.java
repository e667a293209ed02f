package com.example.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.haderos.shipping.adapter.aramex.AramexConfig;
import io.haderos.shipping.adapter.aramex.AramexShippingCarrier;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.domain.circuit.CircuitSnapshot;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.Address;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.CountryCode;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.model.Weight;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import io.haderos.shipping.domain.testing.Requests;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Another team's service embedding the Aramex jar: only the public API (the config builder, the two factories,
 * the {@link ShippingCarrier} port and the breaker's snapshot), as it would from outside this code base. The shipment
 * it sends is the domain's test request ({@link Requests}), built with the public model alone.
 */
class AramexLibraryUsageIT {

    @RegisterExtension
    static final WireMockExtension ARAMEX = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static AramexConfig config() {
        return AramexConfig.builder()
                .baseUrl(ARAMEX.baseUrl() + "/ShippingAPI.V2/")
                .userName("other.team@example.com")
                .password("their-password")
                .accountNumber("60500999")
                .accountPin("111222")
                .accountEntity("RUH")
                .accountCountryCode("SA")
                .timeout(Duration.ofSeconds(3))
                .build();
    }

    @Test
    void givenOnlyThePublicApi_whenQuotingShippingAndTracking_thenAramexServesAndTheBreakerStaysClosed() {
        ARAMEX.stubFor(post(urlPathMatching(".*/CalculateRate")).willReturn(okJson("""
                {"HasErrors": false, "Notifications": [], "TotalAmount": {"CurrencyCode": "SAR", "Value": 31.5}}""")));
        ARAMEX.stubFor(post(urlPathMatching(".*/CreateShipments")).willReturn(okJson("""
                {"HasErrors": false, "Notifications": [], "Shipments": [{"ID": "30999999999", "HasErrors": false,
                 "Notifications": [], "ShipmentLabel": {"LabelURL": "https://labels.example/30999999999.pdf"}}]}""")));
        ARAMEX.stubFor(post(urlPathMatching(".*/TrackShipments")).willReturn(okJson("""
                {"HasErrors": false, "Notifications": [], "NonExistingWaybills": [],
                 "TrackingResults": [{"Key": "30999999999", "Value": [{"WaybillNumber": "30999999999",
                   "UpdateCode": "SH014", "UpdateDescription": "Record created.",
                   "UpdateDateTime": "/Date(1735725660000+0300)/", "UpdateLocation": "Riyadh"}]}]}""")));
        ARAMEX.stubFor(post(urlPathMatching(".*/PrintLabel")).willReturn(okJson("""
                {"HasErrors": false, "Notifications": [], "ShipmentNumber": "30999999999",
                 "ShipmentLabel": {"LabelURL": null, "LabelFileContents": "JVBERi0xLjQKJSVFT0YK"}}""")));
        AramexShippingCarrier aramex = AramexShippingCarrier.create(config());
        ShippingCarrier carrier = aramex;

        List<RateQuote> quotes = carrier.quoteRates(RateRequest.of(
                Address.of(CountryCode.of("SA"), "Riyadh"),
                Address.of(CountryCode.of("SA"), "Jeddah"),
                Weight.ofKilograms("3")));
        CreatedShipment shipment = carrier.createShipment(Requests.shipment("RET-77"));
        ShipmentTracking tracking = carrier.track(shipment.trackingNumber());
        List<Label> labels = carrier.labels(shipment.trackingNumber());

        assertThat(carrier.id()).isEqualTo(CarrierId.ARAMEX);
        assertThat(quotes).containsExactly(new RateQuote(CarrierId.ARAMEX, "ONP", Money.of("31.50", "SAR")));
        assertThat(shipment.trackingNumber()).isEqualTo("30999999999");
        assertThat(shipment.labels()).singleElement().satisfies(label -> {
            assertThat(label.source()).contains(URI.create("https://labels.example/30999999999.pdf"));
            assertThat(label.isFetched()).isFalse();
        });
        assertThat(tracking.events()).hasSize(1);
        assertThat(labels).singleElement().satisfies(label -> {
            assertThat(label.format()).isEqualTo(LabelFormat.PDF);
            assertThat(label.content())
                    .hasValueSatisfying(pdf -> assertThat(pdf).startsWith("%PDF-".getBytes(US_ASCII)));
        });
        CircuitSnapshot snapshot = aramex.circuitBreaker().snapshot();
        assertThat(snapshot.carrier()).isEqualTo(CarrierId.ARAMEX);
        assertThat(snapshot.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(snapshot.successCount()).isEqualTo(4);
        assertThat(snapshot.failureCount()).isZero();
    }

    @Test
    void givenTheirOwnBreakerAndListener_whenAramexGoesDown_thenTheyAreToldAndLaterCallsFailFast() {
        ARAMEX.stubFor(
                post(urlPathMatching(".*/CalculateRate")).willReturn(aResponse().withStatus(503)));
        List<CircuitStateChanged> transitions = new CopyOnWriteArrayList<>();
        CarrierCircuitBreaker breaker = CarrierCircuitBreaker.create(
                CarrierId.ARAMEX,
                new CircuitBreakerSettings(2, Duration.ofSeconds(60), 1),
                Clock.systemUTC(),
                transitions::add);
        ShippingCarrier carrier = AramexShippingCarrier.create(config(), breaker);
        RateRequest request = RateRequest.of(
                Address.of(CountryCode.of("SA"), "Riyadh"),
                Address.of(CountryCode.of("AE"), "Dubai"),
                Weight.ofKilograms("1"));

        List<AttemptOutcome> outcomes = List.of(
                catchThrowableOfType(CarrierException.class, () -> carrier.quoteRates(request))
                        .outcome(),
                catchThrowableOfType(CarrierException.class, () -> carrier.quoteRates(request))
                        .outcome(),
                catchThrowableOfType(CarrierException.class, () -> carrier.quoteRates(request))
                        .outcome());

        assertThat(outcomes)
                .containsExactly(
                        AttemptOutcome.SERVICE_UNAVAILABLE,
                        AttemptOutcome.SERVICE_UNAVAILABLE,
                        AttemptOutcome.CIRCUIT_OPEN);
        assertThat(transitions)
                .singleElement()
                .satisfies(t -> assertThat(t.to()).isEqualTo(CircuitState.OPEN));
        assertThat(breaker.snapshot().state()).isEqualTo(CircuitState.OPEN);
        ARAMEX.verify(2, postRequestedFor(urlPathMatching(".*/CalculateRate")));
    }
}
