package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.Fixtures.SMSA_KEY;
import static io.haderos.shipping.sandbox.Fixtures.smsa;
import static io.haderos.shipping.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SMSA labels (one per parcel, PDF or ZPL), the shipment query, and faults on the look-ups. */
class SmsaLabelTest extends SandboxOverHttp {

    private static final String NEW = "api/shipment/b2c/new";

    @Test
    void givenTwoParcelsAsPdf_whenCreate_thenEachWaybillIsAOnePagePdfShowingItsOwnAwb() throws Exception {
        JsonNode body = create(Fixtures.smsaShipment().put("Parcels", 2).put("WaybillType", "PDF"));

        assertThat(body.get("waybills")).hasSize(2);
        for (JsonNode waybill : body.get("waybills")) {
            List<String> pages = LabelAssertions.pdfPages(decode(waybill));
            assertThat(pages)
                    .singleElement()
                    .satisfies(page -> assertThat(page)
                            .contains(
                                    waybill.get("awb").asText(),
                                    body.get("sawb").asText(),
                                    "ORD-100245"));
        }
        assertThat(LabelAssertions.pdfPages(decode(body.at("/waybills/1"))).get(0))
                .contains("Piece 2 of 2");
    }

    @Test
    void givenNoWaybillType_whenCreate_thenPdfLabels() throws Exception {
        ObjectNode request = Fixtures.smsaShipment();
        request.remove("WaybillType");

        JsonNode body = create(request);

        assertThat(LabelAssertions.pdfPages(decode(body.at("/waybills/0")))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZPL", "zpl", " Zpl "})
    void givenZplInAnyCase_whenCreate_thenEachWaybillIsOneZplLabelWithABarcodeOfItsAwb(String type) throws Exception {
        JsonNode body = create(Fixtures.smsaShipment().put("Parcels", 3).put("WaybillType", type));

        assertThat(body.get("waybills")).hasSize(3).allSatisfy(waybill -> {
            String zpl = new String(decode(waybill), StandardCharsets.US_ASCII);
            assertThat(LabelAssertions.zplFormats(zpl)).singleElement().satisfies(format -> {
                assertThat(LabelAssertions.barcodeData(format))
                        .isEqualTo(waybill.get("awb").asText());
                assertThat(LabelAssertions.textFields(format))
                        .contains("AWB " + waybill.get("awb").asText(), "Order: ORD-100245");
            });
        });
    }

    @Test
    void givenUnknownWaybillType_whenCreate_then400NamingIt() throws Exception {
        HttpResponse<String> response = http.postJson(
                smsa(sandbox, NEW), Fixtures.smsaShipment().put("WaybillType", "PNG"), "apikey", SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors").has("WaybillType")).isTrue();
    }

    @Test
    void givenZplShipment_whenQueriedBySawbOrParcelAwb_thenTheShipmentWithItsZplLabelsAgain() throws Exception {
        JsonNode created = create(Fixtures.smsaShipment().put("Parcels", 2).put("WaybillType", "ZPL"));
        String sawb = created.get("sawb").asText();
        String secondParcel = created.at("/waybills/1/awb").asText();

        JsonNode bySawb = json(http.get(smsa(sandbox, "api/shipment/b2c/query/" + sawb), "apikey", SMSA_KEY));
        JsonNode byParcel = json(http.get(smsa(sandbox, "api/shipment/b2c/query/" + secondParcel), "apikey", SMSA_KEY));

        assertThat(bySawb).isEqualTo(created);
        assertThat(byParcel).isEqualTo(created);
        String zpl = new String(decode(bySawb.at("/waybills/1")), StandardCharsets.US_ASCII);
        assertThat(LabelAssertions.barcodeData(LabelAssertions.zplFormats(zpl).get(0)))
                .isEqualTo(secondParcel);
    }

    @Test
    void givenFaultModes_whenQueriedOrTrackedByReference_thenTheModeAnswersAndEveryCallIsCounted() throws Exception {
        String sawb = create(Fixtures.smsaShipment()).get("sawb").asText();

        fault("smsa", "{\"mode\":\"reject\"}");
        HttpResponse<String> rejected = http.get(smsa(sandbox, "api/track/reference/ORD-100245"), "apikey", SMSA_KEY);
        fault("smsa", "{\"mode\":\"garbage\"}");
        HttpResponse<String> garbage = http.get(smsa(sandbox, "api/shipment/b2c/query/" + sawb), "apikey", SMSA_KEY);
        fault("smsa", "{\"mode\":\"error\"}");
        HttpResponse<String> error = http.get(smsa(sandbox, "api/track/reference/ORD-100245"), "apikey", SMSA_KEY);

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(json(rejected).has("errors")).isTrue();
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(garbage.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(stats("smsa").get("requests").asLong()).isEqualTo(4);
    }

    private JsonNode create(ObjectNode request) throws Exception {
        HttpResponse<String> response = http.postJson(smsa(sandbox, NEW), request, "apikey", SMSA_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static byte[] decode(JsonNode waybill) {
        return Base64.getDecoder().decode(waybill.get("awbFile").asText());
    }
}
