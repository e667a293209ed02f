package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CreatedShipment;
import io.haderos.shipping.domain.model.Label;
import io.haderos.shipping.domain.model.LabelFormat;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.ShipmentRequest;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.port.out.TrackingNumberNotFoundException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Labels: as {@code CreateShipments} gives them (bytes, link, none, corrupt) and as {@code PrintLabel} gives them
 * again, through the breaker.
 */
class AramexLabelsIT extends AramexFixture {

    static final String PRINT_PATH = "/ShippingAPI.V2/Shipping/Service_1_0.svc/json/PrintLabel";
    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void givenTheLabelInline_whenCreating_thenItsBytesAreTheShipmentsOneLabel() {
        stub(CREATE_PATH, okJson(created("null", "\"" + base64(PDF) + "\"")));

        CreatedShipment created = carrier.createShipment(twoPieces(LabelFormat.PDF));

        assertThat(created.labels()).containsExactly(Label.of(1, LabelFormat.PDF, PDF));
    }

    @Test
    void givenALinkOnly_whenCreating_thenTheLabelIsKeptAsTheLinkWithoutADownload() {
        String link = ARAMEX.baseUrl() + "/content/rpt_cache/9f1c2e7a.pdf";
        stub(CREATE_PATH, okJson(created("\"" + link + "\"", "null")));

        CreatedShipment created = carrier.createShipment(twoPieces(LabelFormat.PDF));

        assertThat(created.labels()).containsExactly(Label.at(1, LabelFormat.PDF, URI.create(link)));
        assertThat(created.hasUnfetchedLabels()).isTrue();
        ARAMEX.verify(0, getRequestedFor(urlEqualTo("/content/rpt_cache/9f1c2e7a.pdf")));
    }

    @Test
    void givenAZplRequest_whenCreating_thenAramexIsAskedForItsOwnLayoutAndTheLabelSaysPdf() {
        stub(CREATE_PATH, okJson(created("null", "\"" + base64(PDF) + "\"")));

        CreatedShipment created = carrier.createShipment(twoPieces(LabelFormat.ZPL));

        assertThat(created.labelFormat()).contains(LabelFormat.PDF);
        ARAMEX.verify(postRequestedFor(urlEqualTo(CREATE_PATH))
                .withRequestBody(matchingJsonPath("$.LabelInfo.ReportID", equalTo("9729"))));
    }

    @Test
    void givenCorruptBytesAndNoLink_whenCreating_thenTheShipmentExistsWithoutALabel() {
        String html = base64("<html>report server error</html>".getBytes(StandardCharsets.US_ASCII));
        stub(CREATE_PATH, okJson(created("null", "\"" + html + "\"")));

        CreatedShipment created = carrier.createShipment(twoPieces(LabelFormat.PDF));

        assertThat(created.trackingNumber()).isEqualTo("30123456789");
        assertThat(created.labels()).isEmpty();
        assertBreaker(CircuitState.CLOSED, 0, 1); // the shipment exists: a success, not a fault
    }

    @Test
    void givenCorruptBytesAndALink_whenCreating_thenOnlyTheLinkIsKept() {
        String link = "https://ws.aramex.net/content/rpt_cache/9f1c2e7a.pdf";
        stub(CREATE_PATH, okJson(created("\"" + link + "\"", "\"bm90IGEgcGRm\"")));

        CreatedShipment created = carrier.createShipment(twoPieces(LabelFormat.PDF));

        assertThat(created.labels()).containsExactly(Label.at(1, LabelFormat.PDF, URI.create(link)));
    }

    @Test
    void givenPrintLabelAnswersInline_whenFetchingLabels_thenTheBytesComeBackAndTheCallCounts() {
        stub(PRINT_PATH, okJson(printed("null", "\"" + base64(PDF) + "\"")));

        List<Label> labels = carrier.labels("30123456789");

        assertThat(labels).containsExactly(Label.of(1, LabelFormat.PDF, PDF));
        ARAMEX.verify(withClientInfo(postRequestedFor(urlEqualTo(PRINT_PATH)))
                .withRequestBody(matchingJsonPath("$.ShipmentNumber", equalTo("30123456789")))
                .withRequestBody(matchingJsonPath("$.OriginEntity", equalTo("RUH")))
                .withRequestBody(matchingJsonPath("$.LabelInfo.ReportID", equalTo("9729")))
                .withRequestBody(matchingJsonPath("$.LabelInfo.ReportType", equalTo("RPT"))));
        assertBreaker(CircuitState.CLOSED, 0, 1);
    }

    @Test
    void givenPrintLabelAnswersWithALink_whenFetchingLabels_thenTheFileIsDownloaded() {
        String link = printedWithLinkTo(
                "/content/rpt_cache/4b7d.pdf",
                aResponse().withHeader("Content-Type", "application/pdf").withBody(PDF));

        List<Label> labels = carrier.labels("30123456789");

        assertThat(labels)
                .containsExactly(new Label(1, LabelFormat.PDF, Optional.of(PDF), Optional.of(URI.create(link))));
    }

    @Test
    void givenPrintLabelWithoutALabel_whenFetchingLabels_thenThereAreNone() {
        stub(PRINT_PATH, okJson("""
                {"Notifications": [], "HasErrors": false, "ShipmentNumber": "30123456789", "ShipmentLabel": null}
                """));

        assertThat(carrier.labels("30123456789")).isEmpty();
    }

    @Test
    void givenAnUnknownShipment_whenFetchingLabels_thenNotFoundAndNotCounted() {
        stub(PRINT_PATH, okJson("""
                {"Notifications": [{"Code": "ERR64", "Message": "ShipmentNumber - Shipment not found (30199999999)"}],
                 "HasErrors": true, "ShipmentNumber": "30199999999", "ShipmentLabel": null}
                """));

        Throwable failure = catchThrowable(() -> carrier.labels("30199999999"));

        assertThat(failure).isInstanceOf(TrackingNumberNotFoundException.class);
        assertBreaker(CircuitState.CLOSED, 0, 0);
    }

    @Test
    void givenALinkThatIsGone_whenFetchingLabels_thenNotFound() {
        printedWithLinkTo("/content/rpt_cache/expired.pdf", aResponse().withStatus(404));

        assertThat(catchThrowable(() -> carrier.labels("30123456789")))
                .isInstanceOf(TrackingNumberNotFoundException.class);
    }

    @Test
    void givenCorruptBytes_whenFetchingLabels_thenAnUnreadableReplyThatCounts() {
        stub(
                PRINT_PATH,
                okJson(printed("null", "\"" + base64("{\"error\":true}".getBytes(StandardCharsets.UTF_8)) + "\"")));

        Throwable failure = catchThrowable(() -> carrier.labels("30123456789"));

        assertThat(reasonOf(failure)).isEqualTo(Reason.UNREADABLE_REPLY);
        assertThat(failure).hasMessageContaining("not a PDF");
        assertBreaker(CircuitState.CLOSED, 1, 0);
    }

    @Test
    void givenAramexDown_whenFetchingLabels_thenTheFaultsOpenTheBreakerAndTheNextFetchIsNotSent() {
        stub(PRINT_PATH, aResponse().withStatus(503));
        for (int i = 0; i < 3; i++) {
            assertThat(reasonOf(catchThrowable(() -> carrier.labels("30123456789"))))
                    .isEqualTo(Reason.SERVICE_UNAVAILABLE);
        }

        Throwable refused = catchThrowable(() -> carrier.labels("30123456789"));

        assertThat(reasonOf(refused)).isEqualTo(Reason.CIRCUIT_OPEN);
        ARAMEX.verify(3, postRequestedFor(urlEqualTo(PRINT_PATH)));
    }

    private static ShipmentRequest twoPieces(LabelFormat format) {
        return twoParcels(Money.of("0", "SAR")).withLabelFormat(format);
    }

    private static String created(String labelUrl, String labelFileContents) {
        return """
                {"Notifications": [], "HasErrors": false,
                 "Shipments": [{"ID": "30123456789", "HasErrors": false, "Notifications": [],
                   "ShipmentLabel": {"LabelURL": %s, "LabelFileContents": %s}}]}
                """.formatted(labelUrl, labelFileContents);
    }

    private static String printed(String labelUrl, String labelFileContents) {
        return """
                {"Notifications": [], "HasErrors": false, "ShipmentNumber": "30123456789",
                 "ShipmentLabel": {"LabelURL": %s, "LabelFileContents": %s}}
                """.formatted(labelUrl, labelFileContents);
    }

    /**
     * Stubs {@code PrintLabel} to answer with only a link, to {@code path} on the stand-in, and the download of that
     * link to answer {@code download}.
     *
     * @return the link
     */
    private static String printedWithLinkTo(String path, ResponseDefinitionBuilder download) {
        String link = ARAMEX.baseUrl() + path;
        stub(PRINT_PATH, okJson(printed("\"" + link + "\"", "null")));
        ARAMEX.stubFor(get(urlEqualTo(path)).willReturn(download));
        return link;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
