package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.Fixtures.CREATE;
import static io.haderos.shipping.sandbox.Fixtures.PRINT;
import static io.haderos.shipping.sandbox.Fixtures.aramex;
import static io.haderos.shipping.sandbox.Fixtures.at;
import static io.haderos.shipping.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aramex labels: CreateShipments' {@code ShipmentLabel}, the label files and PrintLabel. */
class AramexLabelTest extends SandboxOverHttp {

    @Test
    void givenReportTypeUrlAndThreePieces_whenCreateShipments_thenTheUrlServesAPdfWithAPagePerPiece() throws Exception {
        JsonNode shipment = create(3, "URL");
        String awb = shipment.get("ID").asText();
        String url = shipment.at("/ShipmentLabel/LabelURL").asText();

        HttpResponse<byte[]> label = http.getBytes(URI.create(url));

        assertThat(url)
                .startsWith("http://127.0.0.1:" + sandbox.aramexBaseUri().getPort() + "/content/rpt_cache/")
                .endsWith(".pdf");
        assertThat(shipment.at("/ShipmentLabel/LabelFileContents").isNull()).isTrue();
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.headers().firstValue("Content-Type")).hasValue("application/pdf");
        List<String> pages = LabelAssertions.pdfPages(label.body());
        assertThat(pages).hasSize(3).allSatisfy(page -> assertThat(page).contains(awb, "Aramex"));
        assertThat(pages.get(2)).contains("Piece 3 of 3", "Sara Ahmed", "Jeddah");
    }

    @Test
    void givenReportTypeRpt_whenCreateShipments_thenTheBase64PdfInlineAndNoUrl() throws Exception {
        JsonNode shipment = create(2, "rpt");

        byte[] pdf = Base64.getDecoder()
                .decode(shipment.at("/ShipmentLabel/LabelFileContents").asText());

        assertThat(shipment.at("/ShipmentLabel/LabelURL").isNull()).isTrue();
        assertThat(LabelAssertions.pdfPages(pdf))
                .hasSize(2)
                .allSatisfy(page -> assertThat(page).contains(shipment.get("ID").asText()));
    }

    @Test
    void givenCreatedShipment_whenPrintLabelAsUrlOrRpt_thenItsLabelEitherWay() throws Exception {
        String awb = create(2, "URL").get("ID").asText();

        JsonNode byUrl = json(http.postJson(aramex(sandbox, PRINT), Fixtures.printRequest(awb, "URL")));
        JsonNode inline = json(http.postJson(aramex(sandbox, PRINT), Fixtures.printRequest(awb, "RPT")));

        assertThat(byUrl.get("HasErrors").asBoolean()).isFalse();
        assertThat(byUrl.get("Notifications")).isEmpty();
        assertThat(byUrl.at("/Transaction/Reference1").asText()).isEqualTo("print-1");
        assertThat(byUrl.get("ShipmentNumber").asText()).isEqualTo(awb);
        assertThat(byUrl.at("/ShipmentLabel/LabelFileContents").isNull()).isTrue();
        HttpResponse<byte[]> file =
                http.getBytes(URI.create(byUrl.at("/ShipmentLabel/LabelURL").asText()));
        assertThat(LabelAssertions.pdfPages(file.body()))
                .hasSize(2)
                .allSatisfy(page -> assertThat(page).contains(awb));
        assertThat(inline.at("/ShipmentLabel/LabelURL").isNull()).isTrue();
        byte[] pdf = Base64.getDecoder()
                .decode(inline.at("/ShipmentLabel/LabelFileContents").asText());
        assertThat(LabelAssertions.pdfPages(pdf))
                .hasSize(2)
                .allSatisfy(page -> assertThat(page).contains(awb));
    }

    @Test
    void givenUnknownShipmentNumber_whenPrintLabel_thenHasErrorsWithOneNoSuchShipmentNotification() throws Exception {
        HttpResponse<String> response =
                http.postJson(aramex(sandbox, PRINT), Fixtures.printRequest("30199999999", "URL"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("HasErrors").asBoolean()).isTrue();
        assertThat(body.get("Notifications")).hasSize(1);
        assertThat(body.at("/Notifications/0/Code").asText()).isEqualTo(AramexStandIn.ERR_NO_SHIPMENT);
        assertThat(body.at("/Notifications/0/Message").asText())
                .isEqualTo("ShipmentNumber - Shipment not found (30199999999)");
        assertThat(body.get("ShipmentNumber").asText()).isEqualTo("30199999999");
        assertThat(body.get("ShipmentLabel").isNull()).isTrue();
    }

    @Test
    void givenWrongPasswordOrNoNumber_whenPrintLabel_thenErr01OrReq12AndNoLabel() throws Exception {
        String awb = create(1, "URL").get("ID").asText();
        ObjectNode wrongPassword = Fixtures.printRequest(awb, "URL");
        at(wrongPassword, "/ClientInfo").put("Password", "wrong");
        ObjectNode noNumber = Fixtures.printRequest("", "URL");

        JsonNode unauthorised = json(http.postJson(aramex(sandbox, PRINT), wrongPassword));
        JsonNode blank = json(http.postJson(aramex(sandbox, PRINT), noNumber));

        assertThat(unauthorised.at("/Notifications/0/Code").asText()).isEqualTo("ERR01");
        assertThat(unauthorised.get("ShipmentLabel").isNull()).isTrue();
        assertThat(blank.at("/Notifications/0/Code").asText()).isEqualTo("REQ12");
    }

    @Test
    void givenUnknownToken_whenLabelFileFetched_then404() throws Exception {
        create(1, "URL");

        HttpResponse<byte[]> label =
                http.getBytes(sandbox.aramexBaseUri().resolve("/content/rpt_cache/0123456789abcdef.pdf"));

        assertThat(label.statusCode()).isEqualTo(404);
    }

    @Test
    void givenMorePiecesThanALabelCanHold_whenCreateShipments_thenReq09InsideTheShipment() throws Exception {
        ObjectNode request = Fixtures.createRequest();
        at(request, "/Shipments/0/Details").put("NumberOfPieces", AramexStandIn.MAX_PIECES + 1);

        JsonNode body = json(http.postJson(aramex(sandbox, CREATE), request));

        assertThat(body.at("/Shipments/0/HasErrors").asBoolean()).isTrue();
        assertThat(body.at("/Shipments/0/Notifications/0/Code").asText()).isEqualTo("REQ09");
    }

    @Test
    void givenFaultModes_whenLabelFileAndPrintLabelCalled_thenTheModeAnswersAndEveryCallIsCounted() throws Exception {
        JsonNode shipment = create(1, "URL");
        URI file = URI.create(shipment.at("/ShipmentLabel/LabelURL").asText());
        String awb = shipment.get("ID").asText();

        fault("aramex", "{\"mode\":\"garbage\"}");
        HttpResponse<byte[]> garbageFile = http.getBytes(file);
        fault("aramex", "{\"mode\":\"unavailable\"}");
        HttpResponse<String> unavailablePrint =
                http.postJson(aramex(sandbox, PRINT), Fixtures.printRequest(awb, "URL"));
        fault("aramex", "{\"mode\":\"reject\"}");
        JsonNode rejectedPrint = json(http.postJson(aramex(sandbox, PRINT), Fixtures.printRequest(awb, "URL")));
        HttpResponse<byte[]> fileWhileRejecting = http.getBytes(file);

        assertThat(garbageFile.statusCode()).isEqualTo(200);
        assertThat(garbageFile.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(unavailablePrint.statusCode()).isEqualTo(503);
        assertThat(rejectedPrint.at("/Notifications/0/Code").asText()).isEqualTo("ERR52");
        assertThat(fileWhileRejecting.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(stats("aramex").get("requests").asLong()).isEqualTo(5);
    }

    private JsonNode create(int pieces, String reportType) throws Exception {
        ObjectNode request = Fixtures.createRequest();
        at(request, "/LabelInfo").put("ReportType", reportType);
        at(request, "/Shipments/0/Details").put("NumberOfPieces", pieces);
        JsonNode body = json(http.postJson(aramex(sandbox, CREATE), request));
        assertThat(body.get("HasErrors").asBoolean()).as(body.toString()).isFalse();
        return body.at("/Shipments/0");
    }
}
