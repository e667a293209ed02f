package io.haderos.shipping.adapter.smsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.model.TrackingEvent;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.ShippingCarrier;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tracking ({@code GET /api/track/single/{awb}}, {@code POST /api/track/bulk/}): what each request puts on the wire,
 * and the events read back.
 */
class SmsaTrackingIT extends SmsaFixture {

    @Test
    void givenAKnownAwb_whenTracked_thenScansAreNewestFirstWithTheirOffsets() {
        SMSA.stubFor(get(urlEqualTo(TRACK + "231200000001"))
                .withHeader("apikey", equalTo(API_KEY))
                .willReturn(okJson(TRACKING)));

        ShipmentTracking tracking = carrier.track("231200000001");

        assertThat(tracking.carrier()).isEqualTo(CarrierId.SMSA);
        assertThat(tracking.trackingNumber()).isEqualTo("231200000001");
        assertThat(tracking.delivered()).isFalse();
        assertThat(tracking.events())
                .containsExactly(
                        new TrackingEvent(
                                "OD", "Out for Delivery", "Jeddah", OffsetDateTime.parse("2025-01-02T09:15:00+03:00")),
                        new TrackingEvent(
                                "PU", "Picked Up", "Riyadh", OffsetDateTime.parse("2025-01-01T16:40:12.530+03:00")));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenADeliveredShipment_whenTracked_thenDeliveredWithFractionalSecondsKept() {
        SMSA.stubFor(get(urlEqualTo(TRACK + "231200000009")).willReturn(okJson(DELIVERED)));

        ShipmentTracking tracking = carrier.track("231200000009");

        assertThat(tracking.delivered()).isTrue();
        assertThat(tracking.events()).singleElement().satisfies(event -> {
            assertThat(event.code()).isEqualTo("DL");
            assertThat(event.at()).isEqualTo(OffsetDateTime.parse("2025-01-05T11:02:03.1234567+04:00"));
        });
    }

    @Test
    void givenAnUnknownAwbAnswered404_whenTracked_thenNotFoundAndNothingCounted() {
        SMSA.stubFor(get(urlPathMatching(TRACK + ".*")).willReturn(notFound()));

        TrackingNumberNotFoundException notFound =
                thrown(TrackingNumberNotFoundException.class, () -> carrier.track("999999999999"));

        assertThat(notFound.trackingNumber()).isEqualTo("999999999999");
        assertBreaker(CircuitState.CLOSED, 0, 0);
    }

    @ParameterizedTest(name = "body [{0}]")
    @ValueSource(strings = {"{}", "", "null", "{\"AWB\": null, \"Scans\": []}", "[]"})
    void givenAnUnknownAwbAnswered200WithoutAwb_whenTracked_thenNotFoundAndNothingCounted(String body) {
        SMSA.stubFor(get(urlPathMatching(TRACK + ".*")).willReturn(okJson(body)));

        thrown(TrackingNumberNotFoundException.class, () -> carrier.track("999999999999"));

        assertBreaker(CircuitState.CLOSED, 0, 0);
    }

    @Test
    void givenATrackingNumberThatCannotBeAnAwb_whenTracked_thenNotFoundWithoutAsking() {
        thrown(TrackingNumberNotFoundException.class, () -> carrier.track("../shipment/b2c/new"));

        SMSA.verify(0, getRequestedFor(urlPathMatching(".*")));
        assertBreaker(CircuitState.CLOSED, 0, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void givenABlankTrackingNumber_whenTracked_thenRefusedLikeAramexBeforeTheBreaker(String blank) {
        assertThatThrownBy(() -> carrier.trackAsync(blank))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("tracking");
        assertThatThrownBy(() -> carrier.labelsAsync(blank)).isInstanceOf(InvalidValueException.class);

        SMSA.verify(0, getRequestedFor(urlPathMatching(".*")));
        assertBreaker(CircuitState.CLOSED, 0, 0);
    }

    static Stream<Arguments> faultyReplies() {
        return Stream.of(
                arguments(aResponse().withStatus(200).withBody("OK"), Reason.UNREADABLE_REPLY),
                arguments(status(500), Reason.SERVER_ERROR));
    }

    @ParameterizedTest
    @MethodSource("faultyReplies")
    void given200WithNonJsonOrA500_whenTracked_thenTheCarrierFaultCounts(
            ResponseDefinitionBuilder reply, Reason fault) {
        SMSA.stubFor(get(urlPathMatching(TRACK + ".*")).willReturn(reply));

        CarrierUnavailableException failure =
                thrown(CarrierUnavailableException.class, () -> carrier.track("231200000001"));

        assertThat(failure.reason()).isEqualTo(fault);
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }

    @Test
    void givenAScanTimeThatIsNotATime_whenTracked_thenUnreadableReply() {
        SMSA.stubFor(get(urlPathMatching(TRACK + ".*"))
                .willReturn(okJson(
                        "{\"AWB\": \"1\", \"Scans\": [{\"ScanType\": \"PU\", \"ScanDateTime\": \"yesterday\"}]}")));

        CarrierUnavailableException fault = thrown(CarrierUnavailableException.class, () -> carrier.track("1"));

        assertThat(fault.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
    }

    @Test
    void givenSeveralAwbs_whenTrackedInBulk_thenPostsTheArrayAndReturnsTheKnownOnes() {
        SMSA.stubFor(post(urlEqualTo(BULK))
                .withHeader("apikey", equalTo(API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("[\"231200000001\", \"231200000009\", \"231200000404\"]"))
                .willReturn(okJson("[" + TRACKING + "," + DELIVERED + ", {\"Scans\": []}]")));

        List<ShipmentTracking> trackings = carrier.trackAll(
                        List.of("231200000001", "231200000009", "231200000404", "not an awb!"))
                .join();

        assertThat(trackings)
                .extracting(ShipmentTracking::trackingNumber)
                .containsExactly("231200000001", "231200000009");
        assertThat(trackings).extracting(ShipmentTracking::delivered).containsExactly(false, true);
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenBulkAnswersAnObject_whenTrackedInBulk_thenUnreadableReplyThatCounts() {
        SMSA.stubFor(post(urlEqualTo(BULK)).willReturn(okJson(TRACKING)));

        CarrierUnavailableException fault = thrown(
                CarrierUnavailableException.class,
                () -> ShippingCarrier.await(carrier.trackAll(List.of("231200000001"))));

        assertThat(fault.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }

    @Test
    void givenAnyCall_whenSent_thenItUsesHttp11AndAcceptsJson() {
        SMSA.stubFor(get(urlPathMatching(TRACK + ".*"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Upgrade", absent())
                .willReturn(okJson(TRACKING)));

        carrier.track("231200000001");

        SMSA.verify(1, getRequestedFor(urlEqualTo(TRACK + "231200000001")));
    }
}
