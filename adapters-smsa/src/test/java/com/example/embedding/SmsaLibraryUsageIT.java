package com.example.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.haderos.shipping.adapter.resilience4j.CarrierCircuitBreaker;
import io.haderos.shipping.adapter.resilience4j.CircuitBreakerSettings;
import io.haderos.shipping.adapter.smsa.SmsaConfig;
import io.haderos.shipping.adapter.smsa.SmsaShippingCarrier;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.Address;
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
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import io.haderos.shipping.domain.testing.Requests;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Another team's service embedding the SMSA jar: only the public API (the config record, the carrier class, the
 * domain model and the breaker from adapters-resilience4j), nothing package-private. The shipment it sends is the
 * domain's test request ({@link Requests}), built with the public model alone.
 */
class SmsaLibraryUsageIT {

    @RegisterExtension
    static final WireMockExtension SMSA = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String KEY = "embedding-team-key-123";
    private static final CountryCode SA = CountryCode.of("SA");

    private static SmsaConfig config() {
        return SmsaConfig.builder()
                .baseUrl(SMSA.baseUrl())
                .apiKey(KEY)
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void givenOnlyAConfig_whenUsedAsAShippingCarrier_thenQuotesShipsTracksAndReprintsBehindItsOwnBreaker() {
        String zpl = Base64.getEncoder().encodeToString("^XA^FDAWB 290000000002^FS^XZ".getBytes(US_ASCII));
        String created = "{\"sawb\": \"290000000001\", \"waybills\": [{\"awb\": \"290000000002\", \"awbFile\": \"" + zpl
                + "\"}]}";
        SMSA.stubFor(post(urlEqualTo("/api/shipment/b2c/new"))
                .withHeader("apikey", equalTo(KEY))
                .willReturn(okJson(created)));
        SMSA.stubFor(get(urlEqualTo("/api/shipment/b2c/query/290000000001"))
                .withHeader("apikey", equalTo(KEY))
                .willReturn(okJson(created)));
        SMSA.stubFor(get(urlEqualTo("/api/track/single/290000000001"))
                .withHeader("apikey", equalTo(KEY))
                .willReturn(
                        okJson("{\"AWB\": \"290000000001\", \"isDelivered\": false, \"Scans\": [{\"ScanType\": \"PU\","
                                + " \"ScanDescription\": \"Picked Up\", \"City\": \"Riyadh\","
                                + " \"ScanDateTime\": \"2025-03-01T12:00:00\", \"ScanTimeZone\": \"+03:00\"}]}")));
        SmsaShippingCarrier smsa = SmsaShippingCarrier.create(config());
        ShippingCarrier carrier = smsa;

        List<RateQuote> quotes = carrier.quoteRates(
                RateRequest.of(Address.of(SA, "Riyadh"), Address.of(SA, "Dammam"), Weight.ofKilograms("1.5")));
        CreatedShipment shipment = carrier.createShipment(Requests.shipment("EMB-1"));
        ShipmentTracking tracking = carrier.track(shipment.trackingNumber());
        List<Label> reprinted = carrier.labels(shipment.trackingNumber());

        assertThat(carrier.id()).isEqualTo(CarrierId.SMSA);
        assertThat(quotes).singleElement().satisfies(quote -> {
            assertThat(quote.service()).isEqualTo("EDDL");
            assertThat(quote.price()).isEqualTo(Money.of("26.00", "SAR"));
        });
        assertThat(shipment.trackingNumber()).isEqualTo("290000000001");
        assertThat(shipment.parcelTrackingNumbers()).containsExactly("290000000002");
        assertThat(shipment.labels()).singleElement().satisfies(label -> {
            assertThat(label.parcel()).isEqualTo(1);
            assertThat(label.format()).isEqualTo(LabelFormat.ZPL);
        });
        assertThat(reprinted).isEqualTo(shipment.labels());
        assertThat(tracking.events())
                .singleElement()
                .satisfies(event -> assertThat(event.code()).isEqualTo("PU"));
        // The tariff quote reached no server, so only the create, the track and the reprint count as successes.
        assertThat(smsa.circuitBreaker().snapshot().successCount()).isEqualTo(3);
        assertThat(smsa.circuitBreaker().snapshot().state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void givenTheServicesOwnBreaker_whenSmsaFails_thenItsListenerSeesTheBreakerOpenAndCallsStopReachingSmsa() {
        SMSA.stubFor(post(urlEqualTo("/api/shipment/b2c/new")).willReturn(serviceUnavailable()));
        List<CircuitStateChanged> seen = new CopyOnWriteArrayList<>();
        CarrierCircuitBreaker breaker = CarrierCircuitBreaker.create(
                CarrierId.SMSA, new CircuitBreakerSettings(2, Duration.ofSeconds(60), 1), Clock.systemUTC(), seen::add);
        SmsaShippingCarrier carrier = SmsaShippingCarrier.create(config(), breaker);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> carrier.createShipment(Requests.shipment("EMB-1")))
                    .isInstanceOf(CarrierUnavailableException.class);
        }

        assertThat(carrier.circuitBreaker()).isSameAs(breaker);
        assertThat(seen).extracting(CircuitStateChanged::to).containsExactly(CircuitState.OPEN);
        SMSA.verify(2, postRequestedFor(urlEqualTo("/api/shipment/b2c/new")));
    }

    @Test
    void givenAConfig_whenLogged_thenTheKeyDoesNotShow() {
        assertThat(config().toString()).doesNotContain(KEY);
    }
}
