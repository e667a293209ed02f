package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.ShipmentTracking;
import io.haderos.shipping.domain.model.TrackingEvent;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Tracking ({@code TrackShipments}): what each request puts on the wire, and the events read back. */
class AramexTrackingIT extends AramexFixture {

    @Test
    void givenTrackingResults_whenTracking_thenEventsNewestFirstWithTheirOffsets() {
        ARAMEX.stubFor(aramexPost(TRACK_PATH).willReturn(okJson("""
                {"Transaction": {"Reference1": ""}, "Notifications": [], "HasErrors": false,
                 "TrackingResults": [{"Key": "30123456789", "Value": [
                    {"WaybillNumber": "30123456789", "UpdateCode": "SH014", "UpdateDescription": "Record created.",
                     "UpdateDateTime": "/Date(1735725660000+0300)/", "UpdateLocation": "Riyadh, Saudi Arabia",
                     "Comments": "", "ProblemCode": "", "GrossWeight": "1.2", "ChargeableWeight": "1.8", "WeightUnit": "KG"},
                    {"WaybillNumber": "30123456789", "UpdateCode": "SH005", "UpdateDescription": "Delivered",
                     "UpdateDateTime": "\\/Date(1735898460000+0300)\\/", "UpdateLocation": "Jeddah, Saudi Arabia"}]}],
                 "NonExistingWaybills": []}
                """)));

        ShipmentTracking tracking = carrier.track("30123456789");

        assertThat(tracking.trackingNumber()).isEqualTo("30123456789");
        assertThat(tracking.delivered()).isTrue();
        assertThat(tracking.events())
                .containsExactly(
                        new TrackingEvent(
                                "SH005",
                                "Delivered",
                                "Jeddah, Saudi Arabia",
                                OffsetDateTime.parse("2025-01-03T13:01+03:00")),
                        new TrackingEvent(
                                "SH014",
                                "Record created.",
                                "Riyadh, Saudi Arabia",
                                OffsetDateTime.parse("2025-01-01T13:01+03:00")));
        assertThat(tracking.events().get(0).at().getOffset().getTotalSeconds()).isEqualTo(3 * 3600);
        ARAMEX.verify(
                1,
                withClientInfo(postRequestedFor(urlEqualTo(TRACK_PATH)))
                        .withRequestBody(matchingJsonPath("$.Shipments", equalToJson("[\"30123456789\"]")))
                        .withRequestBody(matchingJsonPath("$.GetLastTrackingUpdateOnly", equalTo("false"))));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenSoapStyleWrapperObjects_whenTracking_thenParsedLikePlainArrays() {
        ARAMEX.stubFor(aramexPost(TRACK_PATH).willReturn(okJson("""
                {"Notifications": {"Notification": []}, "HasErrors": false,
                 "TrackingResults": {"KeyValueOfstringArrayOfTrackingResultmFAkxlpY": [{"Key": "30123456789",
                    "Value": {"TrackingResult": {"WaybillNumber": "30123456789", "UpdateCode": "SH014",
                      "UpdateDescription": "Record created.", "UpdateDateTime": "/Date(1735725660000+0300)/",
                      "UpdateLocation": "Riyadh"}}}]},
                 "NonExistingWaybills": {"string": []}}
                """)));

        ShipmentTracking tracking = carrier.track("30123456789");

        assertThat(tracking.delivered()).isFalse();
        assertThat(tracking.events()).extracting(TrackingEvent::code).containsExactly("SH014");
    }

    @Test
    void givenAwbInNonExistingWaybills_whenTracking_thenNotFoundAndNotCounted() {
        oneFaultFirst();
        stub(TRACK_PATH, okJson("""
                {"Notifications": [], "HasErrors": false, "TrackingResults": [],
                 "NonExistingWaybills": ["30123456790"]}
                """));

        Throwable failure = catchThrowable(() -> carrier.track("30123456790"));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        TrackingNumberNotFoundException.class,
                        notFound -> assertThat(notFound.trackingNumber()).isEqualTo("30123456790"));
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }

    @Test
    void givenControlCharactersAndOverlongText_whenTracking_thenCleanedRatherThanUnreadable() {
        stub(TRACK_PATH, okJson("""
                {"Notifications": [], "HasErrors": false, "NonExistingWaybills": [],
                 "TrackingResults": [{"Key": "301", "Value": [{"UpdateCode": "SH033",
                   "UpdateDescription": "Consignee not available\\r\\n\\tcall back %s",
                   "UpdateLocation": "Jeddah", "UpdateDateTime": "/Date(1735725660000+0300)/"}]}]}
                """.formatted("x".repeat(600))));

        ShipmentTracking tracking = carrier.track("301");

        String description = tracking.events().get(0).description();
        assertThat(description)
                .startsWith("Consignee not available call back xxx")
                .hasSize(500)
                .endsWith("…");
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenMalformedUpdateDateTime_whenTracking_thenUnreadableReplyCounted() {
        stub(TRACK_PATH, okJson("""
                {"Notifications": [], "HasErrors": false, "NonExistingWaybills": [],
                 "TrackingResults": [{"Key": "301", "Value": [{"UpdateCode": "SH014", "UpdateDateTime": "yesterday"}]}]}
                """));

        assertThat(reasonOf(catchThrowable(() -> carrier.track("301")))).isEqualTo(Reason.UNREADABLE_REPLY);
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }

    @Test
    void givenBlankTrackingNumber_whenTracking_thenRefusedBeforeTheBreakerAndNothingSent() {
        assertThatThrownBy(() -> carrier.track("  ")).isInstanceOf(IllegalArgumentException.class);

        ARAMEX.verify(0, anyRequestedFor(anyUrl()));
        assertBreaker(CircuitState.CLOSED, 0, 0);
    }
}
