package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.Fixtures.CREATE;
import static io.haderos.shipping.sandbox.Fixtures.NOW;
import static io.haderos.shipping.sandbox.Fixtures.PRINT;
import static io.haderos.shipping.sandbox.Fixtures.RATE;
import static io.haderos.shipping.sandbox.Fixtures.TRACK;
import static io.haderos.shipping.sandbox.Fixtures.aramex;
import static io.haderos.shipping.sandbox.Fixtures.at;
import static io.haderos.shipping.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AramexStandInTest extends SandboxOverHttp {

    @Test
    void givenDomesticRequest_whenCalculateRate_thenDeterministicQuoteAndTransactionEchoed() throws Exception {
        HttpResponse<String> response = http.postJson(aramex(sandbox, RATE), Fixtures.rateRequest());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("HasErrors").asBoolean()).isFalse();
        assertThat(body.get("Notifications").isArray()).isTrue();
        assertThat(body.get("Notifications")).isEmpty();
        assertThat(body.at("/Transaction/Reference1").asText()).isEqualTo("quote-7f3a");
        assertThat(body.at("/TotalAmount/CurrencyCode").asText()).isEqualTo("SAR");
        assertThat(body.at("/TotalAmount/Value").decimalValue()).isEqualByComparingTo("35.00");
        assertThat(body.at("/RateDetails/Amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(body.at("/RateDetails/OtherAmount1").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(body.at("/RateDetails/TaxAmount").decimalValue()).isZero();
    }

    @Test
    void givenInternationalRequestInUsd_whenCalculateRate_thenExpressTariffConverted() throws Exception {
        ObjectNode request = Fixtures.rateRequest();
        at(request, "/DestinationAddress").put("City", "Dubai").put("CountryCode", "AE");
        at(request, "/ShipmentDetails").put("ProductGroup", "EXP").put("ProductType", "PPX");
        at(request, "/ShipmentDetails/ActualWeight").put("Value", 3.2);
        request.put("PreferredCurrencyCode", "USD");

        JsonNode body = json(http.postJson(aramex(sandbox, RATE), request));

        assertThat(body.get("HasErrors").asBoolean()).isFalse();
        assertThat(body.at("/TotalAmount/CurrencyCode").asText()).isEqualTo("USD");
        assertThat(body.at("/TotalAmount/Value").decimalValue()).isEqualByComparingTo("52.65");
    }

    @ParameterizedTest
    @ValueSource(strings = {RATE, CREATE, TRACK, PRINT})
    void givenWrongPassword_whenAnyOperation_thenHttp200WithErr01(String operation) throws Exception {
        ObjectNode request = RATE.equals(operation)
                ? Fixtures.rateRequest()
                : CREATE.equals(operation)
                        ? Fixtures.createRequest()
                        : TRACK.equals(operation) ? Fixtures.trackRequest("1") : Fixtures.printRequest("1", "URL");
        at(request, "/ClientInfo").put("Password", "wrong");

        HttpResponse<String> response = http.postJson(aramex(sandbox, operation), request);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("HasErrors").asBoolean()).isTrue();
        assertThat(body.at("/Notifications/0/Code").asText()).isEqualTo("ERR01");
        assertThat(body.at("/Notifications/0/Message").asText()).isEqualTo("ClientInfo - Invalid username or password");
    }

    @Test
    void givenNoClientInfo_whenCalculateRate_thenErr01() throws Exception {
        ObjectNode request = Fixtures.rateRequest();
        request.remove("ClientInfo");

        JsonNode body = json(http.postJson(aramex(sandbox, RATE), request));

        assertThat(body.at("/Notifications/0/Code").asText()).isEqualTo("ERR01");
    }

    @Test
    void givenUnknownDestinationCity_whenCalculateRate_thenErr52AndNoQuote() throws Exception {
        ObjectNode request = Fixtures.rateRequest();
        at(request, "/DestinationAddress").put("City", "Dubay").put("CountryCode", "AE");

        HttpResponse<String> response = http.postJson(aramex(sandbox, RATE), request);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("HasErrors").asBoolean()).isTrue();
        assertThat(body.at("/Notifications/0/Code").asText()).isEqualTo("ERR52");
        assertThat(body.at("/Notifications/0/Message").asText())
                .isEqualTo("DestinationAddress - City name is invalid (Dubay)");
        assertThat(body.get("TotalAmount").isNull()).isTrue();
        assertThat(body.get("RateDetails").isNull()).isTrue();
    }

    @Test
    void givenCityOfAnotherCountry_whenCalculateRate_thenErr52OnOrigin() throws Exception {
        ObjectNode request = Fixtures.rateRequest();
        at(request, "/OriginAddress").put("City", "Dubai");

        JsonNode body = json(http.postJson(aramex(sandbox, RATE), request));

        assertThat(body.at("/Notifications/0/Message").asText())
                .isEqualTo("OriginAddress - City name is invalid (Dubai)");
    }

    @Test
    void givenCityAliasesInAnyCase_whenCalculateRate_thenAccepted() throws Exception {
        ObjectNode request = Fixtures.rateRequest();
        at(request, "/OriginAddress").put("City", "MECCA");
        at(request, "/DestinationAddress").put("City", "al-khobar");

        JsonNode body = json(http.postJson(aramex(sandbox, RATE), request));

        assertThat(body.get("HasErrors").asBoolean()).isFalse();
    }

    @Test
    void givenValidShipments_whenCreateShipments_thenSequentialAwbsAndServedPdfLabel() throws Exception {
        JsonNode first = json(http.postJson(aramex(sandbox, CREATE), Fixtures.createRequest()));
        JsonNode second = json(http.postJson(aramex(sandbox, CREATE), Fixtures.createRequest()));

        assertThat(first.get("HasErrors").asBoolean()).isFalse();
        assertThat(first.get("Notifications")).isEmpty();
        assertThat(first.at("/Shipments/0/ID").asText()).isEqualTo("30100000001");
        assertThat(first.at("/Shipments/0/HasErrors").asBoolean()).isFalse();
        assertThat(first.at("/Shipments/0/Reference1").asText()).isEqualTo("ORD-100245");
        assertThat(first.at("/Shipments/0/ShipmentDetails/Origin").asText()).isEqualTo("RUH");
        assertThat(first.at("/Shipments/0/ShipmentDetails/Destination").asText())
                .isEqualTo("JED");
        assertThat(second.at("/Shipments/0/ID").asText()).isEqualTo("30100000002");

        String labelUrl = first.at("/Shipments/0/ShipmentLabel/LabelURL").asText();
        assertThat(labelUrl)
                .startsWith("http://127.0.0.1:" + sandbox.aramexBaseUri().getPort());
        HttpResponse<byte[]> label = http.getBytes(URI.create(labelUrl));
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(label.body(), StandardCharsets.US_ASCII))
                .startsWith("%PDF-")
                .contains("30100000001")
                .endsWith("%%EOF\n");
    }

    @Test
    void givenUnknownLabel_whenFetched_then404() throws Exception {
        HttpResponse<byte[]> label =
                http.getBytes(sandbox.aramexBaseUri().resolve("/content/rpt_cache/30199999999.pdf"));

        assertThat(label.statusCode()).isEqualTo(404);
    }

    @Test
    void givenReportTypeRpt_whenCreateShipments_thenLabelContentsInline() throws Exception {
        JsonNode body = json(createShipmentsWith("/LabelInfo", "ReportType", "RPT"));

        assertThat(body.at("/Shipments/0/ShipmentLabel/LabelURL").isNull()).isTrue();
        byte[] pdf = java.util.Base64.getDecoder()
                .decode(body.at("/Shipments/0/ShipmentLabel/LabelFileContents").asText());
        assertThat(new String(pdf, StandardCharsets.US_ASCII)).startsWith("%PDF-");
    }

    @Test
    void givenUnknownConsigneeCity_whenCreateShipments_thenErrorInsideShipmentOnly() throws Exception {
        HttpResponse<String> response = createShipmentsWith("/Shipments/0/Consignee/PartyAddress", "City", "Jedda");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("HasErrors").asBoolean()).isTrue();
        assertThat(body.get("Notifications")).isEmpty();
        JsonNode shipment = body.at("/Shipments/0");
        assertThat(shipment.get("HasErrors").asBoolean()).isTrue();
        assertThat(shipment.get("ID").isNull()).isTrue();
        assertThat(shipment.at("/Notifications/0/Code").asText()).isEqualTo("ERR52");
        assertThat(shipment.at("/Notifications/0/Message").asText())
                .isEqualTo("Consignee.PartyAddress - City name is invalid (Jedda)");
        assertThat(stats("aramex").get("shipments_created").asLong()).isZero();
    }

    @Test
    void givenMissingRequiredFields_whenCreateShipments_thenReqCodesInsideShipment() throws Exception {
        ObjectNode request = Fixtures.createRequest();
        at(request, "/Shipments/0/Consignee/Contact").remove("PhoneNumber1");
        at(request, "/Shipments/0/Details").remove("ActualWeight");
        at(request, "/Shipments/0").remove("ShippingDateTime");

        JsonNode body = json(http.postJson(aramex(sandbox, CREATE), request));

        assertThat(body.get("HasErrors").asBoolean()).isTrue();
        assertThat(body.get("Notifications")).isEmpty();
        assertThat(body.at("/Shipments/0/Notifications").findValuesAsText("Code"))
                .containsExactly("REQ06", "REQ07", "REQ08");
        assertThat(body.at("/Shipments/0/Notifications").findValuesAsText("Message"))
                .contains("Consignee.Contact - PhoneNumber1 is required");
    }

    @Test
    void givenBatchWithOneInvalidShipment_whenCreateShipments_thenEachReportedOnItsOwn() throws Exception {
        ObjectNode request = Fixtures.createRequest();
        ObjectNode invalid = request.withArray("Shipments").get(0).deepCopy();
        at(invalid, "/Shipper/PartyAddress").put("City", "Atlantis");
        request.withArray("Shipments").add(invalid);

        JsonNode body = json(http.postJson(aramex(sandbox, CREATE), request));

        assertThat(body.get("HasErrors").asBoolean()).isTrue();
        assertThat(body.at("/Shipments/0/ID").asText()).isEqualTo("30100000001");
        assertThat(body.at("/Shipments/1/HasErrors").asBoolean()).isTrue();
        assertThat(body.at("/Shipments/1/Notifications/0/Message").asText())
                .isEqualTo("Shipper.PartyAddress - City name is invalid (Atlantis)");
    }

    @Test
    void givenEscapedDateAndUnknownKeys_whenCreateShipments_thenAccepted() throws Exception {
        ObjectNode request = Fixtures.createRequest();
        at(request, "/Shipments/0").put("TransportType_x0020_", 0).put("SomethingNew", "x");
        String raw =
                TestHttp.write(request).replace("\"/Date(1735725600000+0300)/\"", "\"\\/Date(1735725600000+0300)\\/\"");
        assertThat(raw).contains("\\/Date(");

        JsonNode body =
                json(http.post(aramex(sandbox, CREATE), raw, "Content-Type", "application/json; charset=utf-8"));

        assertThat(body.get("HasErrors").asBoolean()).isFalse();
    }

    @Test
    void givenIsoShippingDate_whenCreateShipments_then400HtmlRequestError() throws Exception {
        HttpResponse<String> response = createShipmentsWith("/Shipments/0", "ShippingDateTime", "2025-01-01T10:00:00");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Request Error");
    }

    @ParameterizedTest
    @ValueSource(strings = {RATE, CREATE, TRACK, PRINT})
    void givenMalformedJson_whenAnyOperation_then400HtmlRequestError(String operation) throws Exception {
        HttpResponse<String> response =
                http.post(aramex(sandbox, operation), "{\"ClientInfo\": {", "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<title>Request Error</title>");
    }

    @Test
    void givenWrongMemberType_whenCreateShipments_then400() throws Exception {
        assertThat(createShipmentsWith("/Shipments/0/Details", "NumberOfPieces", "one")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void givenNoJsonContentType_whenCalculateRate_then400() throws Exception {
        HttpResponse<String> response = http.post(aramex(sandbox, RATE), TestHttp.write(Fixtures.rateRequest()));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void givenUnknownOperation_whenPosted_then404EndpointNotFound() throws Exception {
        HttpResponse<String> response = http.postJson(
                aramex(sandbox, "Shipping/Service_1_0.svc/json/CreateShipmentz"), Fixtures.createRequest());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Endpoint not found.");
    }

    @Test
    void givenGet_whenOperationRequested_then405() throws Exception {
        assertThat(http.get(aramex(sandbox, RATE)).statusCode()).isEqualTo(405);
    }

    @Test
    void givenLowerCasePath_whenCreateShipments_thenServed() throws Exception {
        URI lower = sandbox.aramexBaseUri().resolve("/shippingapi.v2/shipping/service_1_0.svc/json/createshipments");

        JsonNode body = json(http.postJson(lower, Fixtures.createRequest()));

        assertThat(body.at("/Shipments/0/ID").asText()).isEqualTo("30100000001");
    }

    @Test
    void givenCreatedAndUnknownAwbs_whenTrackShipments_thenRecordCreatedAndNonExisting() throws Exception {
        json(http.postJson(aramex(sandbox, CREATE), Fixtures.createRequest()));

        HttpResponse<String> response =
                http.postJson(aramex(sandbox, TRACK), Fixtures.trackRequest("30100000001", "30199999999"));

        JsonNode body = json(response);
        assertThat(body.get("HasErrors").asBoolean()).isFalse();
        assertThat(body.at("/Transaction/Reference1").asText()).isEqualTo("trk-1");
        assertThat(body.get("TrackingResults")).hasSize(1);
        assertThat(body.at("/TrackingResults/0/Key").asText()).isEqualTo("30100000001");
        JsonNode update = body.at("/TrackingResults/0/Value/0");
        assertThat(update.get("WaybillNumber").asText()).isEqualTo("30100000001");
        assertThat(update.get("UpdateCode").asText()).isEqualTo("SH014");
        assertThat(update.get("UpdateDescription").asText()).isEqualTo("Record created.");
        assertThat(update.get("UpdateDateTime").asText()).isEqualTo("/Date(" + NOW.toEpochMilli() + "+0300)/");
        assertThat(update.get("UpdateLocation").asText()).isEqualTo("Riyadh, Saudi Arabia");
        assertThat(update.get("GrossWeight").asText()).isEqualTo("1.2");
        assertThat(update.get("ChargeableWeight").asText()).isEqualTo("1.8");
        assertThat(body.get("NonExistingWaybills")).hasSize(1);
        assertThat(body.at("/NonExistingWaybills/0").asText()).isEqualTo("30199999999");
    }

    @Test
    void givenAShipmentCreatedUnderAReference_whenTrackShipmentsAsksForTheReference_thenItsAwbAnswers()
            throws Exception {
        json(http.postJson(aramex(sandbox, CREATE), Fixtures.createRequest()));

        JsonNode body = json(http.postJson(aramex(sandbox, TRACK), Fixtures.trackRequest("ORD-100245", "ORD-UNKNOWN")));

        assertThat(body.get("HasErrors").asBoolean()).isFalse();
        assertThat(body.at("/TrackingResults/0/Key").asText()).isEqualTo("ORD-100245");
        assertThat(body.at("/TrackingResults/0/Value/0/WaybillNumber").asText()).isEqualTo("30100000001");
        assertThat(body.get("NonExistingWaybills")).hasSize(1);
        assertThat(body.at("/NonExistingWaybills/0").asText()).isEqualTo("ORD-UNKNOWN");
    }

    @Test
    void givenAnyAnswer_whenReadRaw_thenSlashesEscapedAsWcfWritesThem() throws Exception {
        json(http.postJson(aramex(sandbox, CREATE), Fixtures.createRequest()));

        String raw = http.postJson(aramex(sandbox, TRACK), Fixtures.trackRequest("30100000001"))
                .body();

        assertThat(raw).contains("\"\\/Date(" + NOW.toEpochMilli() + "+0300)\\/\"");
    }

    /** CreateShipments with the example request, member {@code name} of the object at {@code pointer} set to {@code value}. */
    private HttpResponse<String> createShipmentsWith(String pointer, String name, String value) throws Exception {
        ObjectNode request = Fixtures.createRequest();
        at(request, pointer).put(name, value);
        return http.postJson(aramex(sandbox, CREATE), request);
    }
}
