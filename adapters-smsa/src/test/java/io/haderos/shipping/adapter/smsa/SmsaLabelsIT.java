package io.haderos.shipping.adapter.smsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Labels: one per parcel as {@code POST /api/shipment/b2c/new} gives them ({@code WaybillType} PDF or ZPL), and again
 * from {@code GET /api/shipment/b2c/query/{awb}}, through the breaker.
 */
class SmsaLabelsIT extends SmsaFixture {

    static final String QUERY = "/api/shipment/b2c/query/";
    static final byte[] PDF_1 = "%PDF-1.4\n% parcel 231200000002\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PDF_2 = "%PDF-1.4\n% parcel 231200000003\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ZPL_1 =
            "^XA\n^FO60,190^A0N,40,40^FDAWB 231200000002^FS\n^XZ\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] ZPL_2 =
            "^XA\n^FO60,190^A0N,40,40^FDAWB 231200000003^FS\n^XZ\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void givenAPdfRequest_whenCreated_thenEachParcelHasItsPdfLabel() {
        SMSA.stubFor(post(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.WaybillType", equalTo("PDF")))
                .willReturn(okJson(shipment(PDF_1, PDF_2))));

        CreatedShipment created = carrier.createShipment(shipment());

        assertThat(created.labels())
                .containsExactly(Label.of(1, LabelFormat.PDF, PDF_1), Label.of(2, LabelFormat.PDF, PDF_2));
    }

    @Test
    void givenAZplRequest_whenCreated_thenSmsaIsAskedForZplAndEachParcelHasItsZplLabel() {
        SMSA.stubFor(post(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.WaybillType", equalTo("ZPL")))
                .willReturn(okJson(shipment(ZPL_1, ZPL_2))));

        CreatedShipment created = carrier.createShipment(shipment().withLabelFormat(LabelFormat.ZPL));

        assertThat(created.labels())
                .containsExactly(Label.of(1, LabelFormat.ZPL, ZPL_1), Label.of(2, LabelFormat.ZPL, ZPL_2));
        assertThat(created.labelFormat()).contains(LabelFormat.ZPL);
    }

    @Test
    void givenOneCorruptLabel_whenCreated_thenTheShipmentExistsAndOnlyTheSoundLabelIsKept() {
        byte[] html = "<html><body>Label service error</body></html>".getBytes(StandardCharsets.US_ASCII);
        stubCreate(okJson(shipment(PDF_1, html)));

        CreatedShipment created = carrier.createShipment(shipment());

        assertThat(created.trackingNumber()).isEqualTo("231200000001");
        assertThat(created.parcelTrackingNumbers()).hasSize(2);
        assertThat(created.labels()).containsExactly(Label.of(1, LabelFormat.PDF, PDF_1));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenNoLabelFiles_whenCreated_thenTheShipmentHasNoLabels() {
        stubCreate(okJson("""
                {"sawb": "231200000001", "waybills": [{"awb": "231200000002"}, {"awb": "231200000003", "awbFile": null}]}
                """));

        assertThat(carrier.createShipment(shipment()).labels()).isEmpty();
    }

    @Test
    void givenAKnownShipment_whenFetchingLabels_thenTheQueryGivesThemAgainInTheirFormat() {
        SMSA.stubFor(get(urlEqualTo(QUERY + "231200000001")).willReturn(okJson(shipment(ZPL_1, ZPL_2))));

        List<Label> labels = carrier.labels("231200000001");

        assertThat(labels).containsExactly(Label.of(1, LabelFormat.ZPL, ZPL_1), Label.of(2, LabelFormat.ZPL, ZPL_2));
        SMSA.verify(getRequestedFor(urlEqualTo(QUERY + "231200000001")).withHeader("apikey", equalTo(API_KEY)));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenAnUnknownShipment_whenFetchingLabels_thenNotFoundAndNotCounted() {
        SMSA.stubFor(get(urlEqualTo(QUERY + "231299999999"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Not Found\",\"status\":404}")));

        thrown(TrackingNumberNotFoundException.class, () -> carrier.labels("231299999999"));

        assertBreaker(CircuitState.CLOSED, 0, 0);
    }

    @Test
    void givenANumberThatCannotBeAnAwb_whenFetchingLabels_thenNothingIsSent() {
        thrown(TrackingNumberNotFoundException.class, () -> carrier.labels("../admin"));

        SMSA.verify(0, getRequestedFor(urlEqualTo(QUERY + "../admin")));
    }

    @Test
    void givenACorruptLabel_whenFetchingLabels_thenAnUnreadableReplyThatCounts() {
        SMSA.stubFor(get(urlEqualTo(QUERY + "231200000001"))
                .willReturn(okJson(shipment(PDF_1, "%PDF".getBytes(StandardCharsets.US_ASCII)))));

        CarrierUnavailableException failure =
                thrown(CarrierUnavailableException.class, () -> carrier.labels("231200000001"));

        assertThat(failure.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
        assertThat(failure).hasMessageContaining("parcel 2");
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }

    @Test
    void givenSmsaDown_whenFetchingLabels_thenAServiceFaultThatCounts() {
        SMSA.stubFor(
                get(urlEqualTo(QUERY + "231200000001")).willReturn(aResponse().withStatus(503)));

        CarrierUnavailableException failure =
                thrown(CarrierUnavailableException.class, () -> carrier.labels("231200000001"));

        assertThat(failure.reason()).isEqualTo(Reason.SERVICE_UNAVAILABLE);
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }

    private static String shipment(byte[] first, byte[] second) {
        return """
                {"sawb": "231200000001", "createDate": "2025-01-01T10:00:05", "shipmentParcelsCount": 2,
                 "waybills": [{"awb": "231200000002", "awbFile": "%s"}, {"awb": "231200000003", "awbFile": "%s"}]}
                """.formatted(base64(first), base64(second));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
