package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.Fixtures.SMSA_KEY;
import static io.haderos.shipping.sandbox.Fixtures.at;
import static io.haderos.shipping.sandbox.Fixtures.smsa;
import static io.haderos.shipping.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsaStandInTest extends SandboxOverHttp {

    private static final String NEW = "api/shipment/b2c/new";

    @Test
    void givenNoApiKey_whenCreate_then401() throws Exception {
        HttpResponse<String> response = http.postJson(smsa(sandbox, NEW), Fixtures.smsaShipment());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void givenWrongApiKey_whenTracking_then401() throws Exception {
        HttpResponse<String> response =
                http.get(smsa(sandbox, "api/track/single/231200000001"), "apikey", "not-the-key");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apikey", "ApiKey", "APIKEY"})
    void givenApiKeyHeaderInAnyCase_whenCreate_thenAccepted(String header) throws Exception {
        HttpResponse<String> response = http.postJson(smsa(sandbox, NEW), Fixtures.smsaShipment(), header, SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void givenValidShipments_whenCreate_thenDeterministicNumbersAndOneLabelPerParcel() throws Exception {
        ObjectNode twoParcels = Fixtures.smsaShipment().put("Parcels", 2);

        JsonNode first = create(twoParcels);
        JsonNode second = create(Fixtures.smsaShipment());

        assertThat(first.get("sawb").asText()).isEqualTo("231200000001");
        assertThat(first.get("createDate").asText()).isEqualTo("2025-01-01T10:00:05");
        assertThat(first.get("shipmentParcelsCount").asInt()).isEqualTo(2);
        assertThat(first.get("waybills").findValuesAsText("awb")).containsExactly("231200000002", "231200000003");
        byte[] label =
                Base64.getDecoder().decode(first.at("/waybills/0/awbFile").asText());
        assertThat(new String(label, StandardCharsets.US_ASCII))
                .startsWith("%PDF-")
                .contains("231200000002");
        assertThat(second.get("sawb").asText()).isEqualTo("231200000004");
        assertThat(second.get("waybills").findValuesAsText("awb")).containsExactly("231200000005");
        assertThat(stats("smsa").get("shipments_created").asLong()).isEqualTo(2);
    }

    @Test
    void givenZplWaybillType_whenCreate_thenZplLabel() throws Exception {
        JsonNode body = create(Fixtures.smsaShipment().put("WaybillType", "ZPL"));

        byte[] label = Base64.getDecoder().decode(body.at("/waybills/0/awbFile").asText());
        assertThat(new String(label, StandardCharsets.US_ASCII)).startsWith("^XA");
    }

    @Test
    void givenInvalidFields_whenCreate_then400ValidationProblemWithErrorsMap() throws Exception {
        ObjectNode request = Fixtures.smsaShipment().put("Weight", 0).put("WeightUnit", "KGS");
        at(request, "/ConsigneeAddress").remove("City");
        at(request, "/ConsigneeAddress")
                .put("AddressLine1", "Short")
                .put("ContactName", "Sara")
                .put("Country", "US");
        at(request, "/ShipperAddress").remove("ContactPhoneNumber");

        HttpResponse<String> response = http.postJson(smsa(sandbox, NEW), request, "apikey", SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.get("title").asText()).isEqualTo("One or more validation errors occurred.");
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("traceId").asText()).isNotBlank();
        JsonNode errors = body.get("errors");
        assertThat(errors.at("/ConsigneeAddress.City/0").asText()).isEqualTo("The City field is required.");
        assertThat(errors.at("/ConsigneeAddress.AddressLine1/0").asText())
                .contains("minimum length of 10 and a maximum length of 100");
        assertThat(errors.has("ConsigneeAddress.ContactName")).isTrue();
        assertThat(errors.has("ConsigneeAddress.Country")).isTrue();
        assertThat(errors.has("ShipperAddress.ContactPhoneNumber")).isTrue();
        assertThat(errors.has("Weight")).isTrue();
        assertThat(errors.has("WeightUnit")).isTrue();
        assertThat(errors.size()).isEqualTo(7);
        assertThat(stats("smsa").get("shipments_created").asLong()).isZero();
    }

    @Test
    void givenMissingTopLevelFields_whenCreate_thenEachNamed() throws Exception {
        ObjectNode request = Fixtures.smsaShipment();
        request.remove("OrderNumber");
        request.remove("ShipDate");
        request.remove("Parcels");
        request.remove("ShipmentCurrency");
        request.remove("ConsigneeAddress");

        JsonNode errors = json(http.postJson(smsa(sandbox, NEW), request, "apikey", SMSA_KEY))
                .get("errors");

        assertThat(errors.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "ConsigneeAddress", "OrderNumber", "Parcels", "ShipDate", "ShipmentCurrency");
    }

    @Test
    void givenShipDateWithOffsetAndPhoneAsNumber_whenCreate_thenJsonConversionErrors() throws Exception {
        ObjectNode request = Fixtures.smsaShipment().put("ShipDate", "2025-01-01T10:00:00+03:00");
        at(request, "/ConsigneeAddress").put("ContactPhoneNumber", 966551112233L);

        JsonNode errors = json(http.postJson(smsa(sandbox, NEW), request, "apikey", SMSA_KEY))
                .get("errors");

        assertThat(errors.fieldNames())
                .toIterable()
                .containsExactly("$.ConsigneeAddress.ContactPhoneNumber", "$.ShipDate");
    }

    @Test
    void givenCamelCaseMemberNamesAndNumericString_whenCreate_thenAccepted() throws Exception {
        String camel = TestHttp.write(Fixtures.smsaShipment().put("Weight", "1.5"))
                .replace("\"ConsigneeAddress\"", "\"consigneeAddress\"")
                .replace("\"City\"", "\"city\"");

        HttpResponse<String> response =
                http.post(smsa(sandbox, NEW), camel, "Content-Type", "application/json", "apikey", SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void givenEmptyOrMalformedBody_whenCreate_then400() throws Exception {
        JsonNode empty =
                json(http.post(smsa(sandbox, NEW), "", "Content-Type", "application/json", "apikey", SMSA_KEY));
        JsonNode malformed = json(http.post(
                smsa(sandbox, NEW), "{\"Parcels\": ", "Content-Type", "application/json", "apikey", SMSA_KEY));

        assertThat(empty.at("/errors").has("")).isTrue();
        assertThat(malformed.at("/errors").has("$")).isTrue();
    }

    @Test
    void givenCreatedShipment_whenQueried_thenLabelsAgain() throws Exception {
        create(Fixtures.smsaShipment());

        HttpResponse<String> response =
                http.get(smsa(sandbox, "api/shipment/b2c/query/231200000001"), "apikey", SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("sawb").asText()).isEqualTo("231200000001");
        assertThat(body.at("/waybills/0/awb").asText()).isEqualTo("231200000002");
        assertThat(body.at("/waybills/0/awbFile").asText()).isNotBlank();
    }

    @Test
    void givenCreatedShipment_whenTrackedBySawbOrParcelAwb_thenWireShape() throws Exception {
        create(Fixtures.smsaShipment().put("CODAmount", 99.5));

        JsonNode bySawb = json(http.get(smsa(sandbox, "api/track/single/231200000001"), "apikey", SMSA_KEY));
        HttpResponse<String> byParcel = http.get(smsa(sandbox, "api/track/single/231200000002"), "apikey", SMSA_KEY);

        assertThat(bySawb.get("AWB").asText()).isEqualTo("231200000001");
        assertThat(bySawb.get("Reference").asText()).isEqualTo("ORD-100245");
        assertThat(bySawb.get("Pieces").asInt()).isEqualTo(1);
        assertThat(bySawb.get("CODAmount").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(bySawb.get("RecipientName").asText()).isEqualTo("Sara Ahmed");
        assertThat(bySawb.get("OriginCity").asText()).isEqualTo("Riyadh");
        assertThat(bySawb.get("OriginCountry").asText()).isEqualTo("SA");
        assertThat(bySawb.get("DesinationCity").asText()).isEqualTo("Jeddah");
        assertThat(bySawb.get("DesinationCountry").asText()).isEqualTo("SA");
        assertThat(bySawb.get("isDelivered").asBoolean()).isFalse();
        JsonNode scan = bySawb.at("/Scans/0");
        assertThat(scan.get("ScanDateTime").asText()).isEqualTo("2025-01-01T10:00:05.53");
        assertThat(scan.get("ScanTimeZone").asText()).isEqualTo("+03:00");
        assertThat(scan.get("City").asText()).isEqualTo("Riyadh");
        assertThat(byParcel.statusCode()).isEqualTo(200);
        assertThat(json(byParcel).get("AWB").asText()).isEqualTo("231200000002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/track/single/231299999999", "api/shipment/b2c/query/231299999999"})
    void givenUnknownAwb_whenTrackedOrQueried_then404(String path) throws Exception {
        HttpResponse<String> response = http.get(smsa(sandbox, path), "apikey", SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void givenKnownAndUnknownAwbs_whenBulkTracked_thenArrayOfKnownOnes() throws Exception {
        create(Fixtures.smsaShipment());

        HttpResponse<String> response = http.post(
                smsa(sandbox, "api/track/bulk/"),
                "[\"231200000001\",\"231299999999\"]",
                "Content-Type",
                "application/json",
                "apikey",
                SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.isArray()).isTrue();
        assertThat(body.findValuesAsText("AWB")).containsExactly("231200000001");
    }

    @Test
    void givenNonArrayBody_whenBulkTracked_then400() throws Exception {
        HttpResponse<String> response = http.post(
                smsa(sandbox, "api/track/bulk/"),
                "{\"awb\":\"1\"}",
                "Content-Type",
                "application/json",
                "apikey",
                SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors").has("$")).isTrue();
    }

    @Test
    void givenUnknownPathOrWrongMethod_whenCalled_then404Or405() throws Exception {
        assertThat(http.get(smsa(sandbox, "api/rates"), "apikey", SMSA_KEY).statusCode())
                .isEqualTo(404);
        assertThat(http.get(smsa(sandbox, NEW), "apikey", SMSA_KEY).statusCode())
                .isEqualTo(405);
    }

    @Test
    void givenShipmentsOfTwoOrders_whenTrackedByReference_thenTheOrdersShipmentsOldestFirst() throws Exception {
        String first = create(Fixtures.smsaShipment().put("OrderNumber", "ORD-1"))
                .get("sawb")
                .asText();
        create(Fixtures.smsaShipment().put("OrderNumber", "ORD-2"));
        String second = create(Fixtures.smsaShipment().put("OrderNumber", "ORD-1"))
                .get("sawb")
                .asText();

        HttpResponse<String> response = http.get(smsa(sandbox, "api/track/reference/ORD-1"), "apikey", SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.isArray()).isTrue();
        assertThat(body.findValuesAsText("AWB")).containsExactly(first, second);
        assertThat(body.findValuesAsText("Reference")).containsOnly("ORD-1");
        assertThat(body.get(0).get("DesinationCity").asText()).isEqualTo("Jeddah");
        assertThat(body.at("/0/Scans/0/ScanType").asText()).isEqualTo("DR");
    }

    @Test
    void givenNoShipmentOfThatReference_whenTracked_thenAnEmptyArray() throws Exception {
        create(Fixtures.smsaShipment());

        HttpResponse<String> response = http.get(smsa(sandbox, "api/track/reference/ORD-404"), "apikey", SMSA_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).isArray()).isTrue();
        assertThat(json(response)).isEmpty();
    }

    @Test
    void givenWrongApiKeyOrReject_whenTrackedByReference_then401Or400() throws Exception {
        HttpResponse<String> unauthorised = http.get(smsa(sandbox, "api/track/reference/ORD-1"), "apikey", "wrong");
        fault("smsa", "{\"mode\":\"reject\"}");
        HttpResponse<String> rejected = http.get(smsa(sandbox, "api/track/reference/ORD-1"), "apikey", SMSA_KEY);

        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(json(rejected).has("errors")).isTrue();
    }

    private JsonNode create(ObjectNode request) throws Exception {
        HttpResponse<String> response = http.postJson(smsa(sandbox, NEW), request, "apikey", SMSA_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
