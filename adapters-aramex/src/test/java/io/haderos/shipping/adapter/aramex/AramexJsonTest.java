package io.haderos.shipping.adapter.aramex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haderos.shipping.adapter.aramex.AramexWire.Notification;
import io.haderos.shipping.adapter.aramex.AramexWire.RateCalculatorResponse;
import io.haderos.shipping.adapter.aramex.AramexWire.ShipmentCreationResponse;
import io.haderos.shipping.adapter.aramex.AramexWire.ShipmentTrackingResponse;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wire names, and the list shapes WCF and SOAP-derived integrations show (plain arrays, wrapper objects, lone
 * elements).
 */
class AramexJsonTest {

    private final ObjectMapper mapper = AramexJson.mapper();

    @Test
    void givenRequestRecords_whenSerialized_thenPascalCaseWireNamesAndNullsLeftOut() throws Exception {
        var shipment = new AramexWire.Shipment("ORD-1", "", "", null, null, "/Date(1735714800000+0300)/", "", "", null);
        var body = new AramexWire.ShipmentCreationRequest(
                new AramexWire.ClientInfo("u", "p", "v1.0", "1", "2", "RUH", "SA", null),
                AramexClient.LABEL,
                AramexWire.Transaction.of("ORD-1"),
                List.of(shipment));

        JsonNode json = mapper.readTree(mapper.writeValueAsBytes(body));

        assertThat(json.path("LabelInfo").path("ReportID").intValue()).isEqualTo(9729);
        assertThat(json.path("LabelInfo").path("ReportType").textValue()).isEqualTo("URL");
        assertThat(json.path("ClientInfo").has("Source")).isFalse();
        assertThat(json.path("ClientInfo").path("AccountPin").textValue()).isEqualTo("2");
        assertThat(json.path("Transaction").path("Reference1").textValue()).isEqualTo("ORD-1");
        assertThat(json.path("Shipments").get(0).has("ForeignHAWB")).isTrue();
        assertThat(json.path("Shipments").get(0).has("Shipper")).isFalse();
        assertThat(json.path("Shipments").get(0).path("ShippingDateTime").textValue())
                .isEqualTo("/Date(1735714800000+0300)/");
    }

    @Test
    void givenTrackingRequest_whenSerialized_thenGetLastTrackingUpdateOnlyIsSpelledAsAramexDoes() throws Exception {
        var body = new AramexWire.ShipmentTrackingRequest(null, AramexWire.Transaction.of(""), List.of("301"), false);

        JsonNode json = mapper.readTree(mapper.writeValueAsBytes(body));

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("Transaction", "Shipments", "GetLastTrackingUpdateOnly");
        assertThat(json.path("GetLastTrackingUpdateOnly").isBoolean()).isTrue();
    }

    @Test
    void givenMoneyWithManyDecimals_whenSerializedAndRead_thenDecimalIsExactAndPlain() throws Exception {
        byte[] json = mapper.writeValueAsBytes(new AramexWire.Money("SAR", new BigDecimal("1E+3")));
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).contains("\"Value\":1000");

        RateCalculatorResponse reply = mapper.readValue("""
                {"HasErrors": false, "Notifications": [], "TotalAmount": {"CurrencyCode": "SAR", "Value": 187.45000000000002}}
                """, RateCalculatorResponse.class);

        assertThat(reply.totalAmount().value()).isEqualByComparingTo("187.45000000000002");
    }

    @Test
    void givenWrappedNotificationsAndProcessedShipment_whenRead_thenUnwrapped() throws Exception {
        ShipmentCreationResponse reply = mapper.readValue("""
                {"HasErrors": true,
                 "Notifications": {"Notification": [{"Code": "ERR52", "Message": "City name is invalid"}]},
                 "Shipments": {"ProcessedShipment": {"ID": null, "HasErrors": true,
                     "Notifications": {"Notification": {"Code": "REQ01", "Message": "Line1 is required"}}}}}
                """, ShipmentCreationResponse.class);

        assertThat(reply.notifications()).containsExactly(new Notification("ERR52", "City name is invalid"));
        assertThat(reply.shipments()).hasSize(1);
        assertThat(reply.shipments().get(0).notifications())
                .containsExactly(new Notification("REQ01", "Line1 is required"));
    }

    @Test
    void givenSoapStyleTrackingWrappers_whenRead_thenKeyValueEntriesAndWaybillsUnwrapped() throws Exception {
        ShipmentTrackingResponse reply = mapper.readValue("""
                {"HasErrors": false, "Notifications": null,
                 "TrackingResults": {"KeyValueOfstringArrayOfTrackingResultmFAkxlpY": {"Key": "301",
                     "Value": {"TrackingResult": [{"WaybillNumber": "301", "UpdateCode": "SH014",
                         "UpdateDateTime": "/Date(1735725660000+0300)/"}]}}},
                 "NonExistingWaybills": {"string": "302"}}
                """, ShipmentTrackingResponse.class);

        assertThat(reply.notifications()).isEmpty();
        assertThat(reply.trackingResults()).hasSize(1);
        assertThat(reply.trackingResults().get(0).key()).isEqualTo("301");
        assertThat(reply.trackingResults().get(0).value())
                .extracting(AramexWire.TrackingResult::updateCode)
                .containsExactly("SH014");
        assertThat(reply.nonExistingWaybills()).containsExactly("302");
    }

    @Test
    void givenPlainArraysAndUnknownFields_whenRead_thenReadAsIs() throws Exception {
        ShipmentTrackingResponse reply = mapper.readValue("""
                {"Transaction": {"Reference1": ""}, "HasErrors": false, "Notifications": [], "SomethingNew": 1,
                 "TrackingResults": [{"Key": "301", "Value": []}], "NonExistingWaybills": ["302", "303"]}
                """, ShipmentTrackingResponse.class);

        assertThat(reply.trackingResults())
                .singleElement()
                .satisfies(e -> assertThat(e.value()).isEmpty());
        assertThat(reply.nonExistingWaybills()).containsExactly("302", "303");
    }

    @Test
    void givenJsonFollowedByJunk_whenRead_thenRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"HasErrors\": false} <html>", RateCalculatorResponse.class))
                .isInstanceOf(java.io.IOException.class);
    }
}
