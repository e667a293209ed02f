package io.haderos.shipping.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.haderos.shipping.bootstrap.OpenApiContract.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract test's judge can fail: exchanges the document does not allow are found out, each for its reason. The
 * document is the repository's, read from the adapters-rest jar.
 */
class OpenApiContractTest {

    private static final String SHIP = "/orders/ORD-1/ship";
    private static final String SHIPMENT = """
            {"order_id":"ORD-1","provider":"aramex","tracking":"30123456789","parcel_tracking":[],"fallback":false,
             "label_url":"/orders/ORD-1/label","label_format":"pdf",
             "labels":[{"parcel":1,"format":"pdf","url":"/orders/ORD-1/label?parcel=1"}],
             "status":"created","attempts":[{"provider":"aramex","outcome":"success"}],
             "created_at":"2025-12-28T10:31:02Z","updated_at":"2025-12-28T10:31:03Z","resolution":null}""";
    private static final String ORDER = """
            {"consignee":{"name":"Sara Ahmed","phone":"+966551112233","address":{"country":"SA","city":"Jeddah",
             "line1":"Building 7"}},"parcels":[{"weight_kg":1.2}],"description":"T-shirts",
             "declared_value":{"amount":"250.00","currency":"SAR"}}""";

    private static String json;
    private static OpenApiContract contract;

    @BeforeAll
    static void readTheDocument() throws IOException {
        try (InputStream in =
                OpenApiContractTest.class.getResourceAsStream("/io/haderos/shipping/adapter/rest/openapi.yaml")) {
            json = new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(in));
        }
        contract = OpenApiContract.of(json);
    }

    @Test
    void givenTheRepositorysDocument_thenItIsSoundOpenApi31() {
        assertThat(contract.problems()).isEmpty();
    }

    @Test
    void givenTheRepositorysDocument_thenEveryExampleIsValidByItsOwnSchema() {
        assertThat(contract.exampleViolations()).isEmpty();
    }

    @Test
    void givenAnExampleItsSchemaRefuses_thenItIsFound() throws IOException {
        ObjectNode broken = (ObjectNode) new ObjectMapper().readTree(json);
        ((ObjectNode) broken.at("/components/examples/CreatedShipment/value")).put("status", "shipped");

        assertThat(OpenApiContract.of(broken.toString()).exampleViolations())
                .isNotEmpty()
                .allSatisfy(found -> assertThat(found).contains("/status"));
    }

    @Test
    void givenADocumentWithADanglingReference_thenItIsNotSound() throws IOException {
        ObjectNode broken = (ObjectNode) new ObjectMapper().readTree(json);
        ((ObjectNode) broken.path("components").path("schemas")).remove("Shipment");

        assertThat(OpenApiContract.of(broken.toString()).problems())
                .anySatisfy(problem -> assertThat(problem).contains("Shipment"));
    }

    @Test
    void givenADocumentOfAnotherVersion_thenItIsNotSound() throws IOException {
        ObjectNode old = (ObjectNode) new ObjectMapper().readTree(json);
        old.put("openapi", "3.0.3");

        assertThat(OpenApiContract.of(old.toString()).problems()).isNotEmpty();
    }

    @Test
    void givenADocumentedExchange_thenNothingIsFound() {
        Exchange exchange = ship(ORDER, 201, Map.of("Location", List.of("/orders/ORD-1/shipment")), SHIPMENT);

        assertThat(contract.requestViolations(exchange)).isEmpty();
        assertThat(contract.responseViolations(exchange)).isEmpty();
    }

    @Test
    void givenResponsesTheDocumentDoesNotAllow_thenEachIsFoundForItsReason() {
        Map<String, List<String>> located = Map.of("Location", List.of("/orders/ORD-1/shipment"));

        assertThat(contract.responseViolations(ship(ORDER, 418, Map.of(), "{}")))
                .singleElement()
                .asString()
                .contains("status 418 is not a documented response");
        assertThat(contract.responseViolations(ship(ORDER, 201, Map.of(), SHIPMENT)))
                .singleElement()
                .asString()
                .contains("'Location' is required");
        assertThat(contract.responseViolations(ship(ORDER, 201, located, SHIPMENT.replace("\"30123456789\"", "5"))))
                .singleElement()
                .asString()
                .contains("/tracking", "integer found");
        assertThat(contract.responseViolations(ship(ORDER, 201, located, SHIPMENT.replace("created\",", "shipped\","))))
                .singleElement()
                .asString()
                .contains("/status");
        assertThat(contract.responseViolations(ship(
                        ORDER,
                        201,
                        located,
                        SHIPMENT.replace("\"resolution\":null}", "\"resolution\":null,\"extra\":1}"))))
                .singleElement()
                .asString()
                .contains("extra");
        assertThat(contract.responseViolations(
                        ship(ORDER, 201, located, SHIPMENT.replace("2025-12-28T10:31:02Z", "yesterday"))))
                .singleElement()
                .asString()
                .contains("/created_at");
        assertThat(contract.responseViolations(new Exchange(
                        "POST",
                        SHIP,
                        null,
                        Map.of(),
                        ORDER,
                        201,
                        Map.of("Content-Type", List.of("text/plain"), "Location", List.of("/x")),
                        SHIPMENT)))
                .singleElement()
                .asString()
                .contains("Content-Type text/plain");
    }

    @Test
    void givenRequestsTheDocumentDoesNotAllow_thenEachIsFoundForItsReason() {
        assertThat(contract.requestViolations(ship(ORDER.replace("\"parcels\"", "\"boxes\""), 400, Map.of(), "")))
                .anySatisfy(found -> assertThat(found).contains("required property 'parcels'"));
        assertThat(contract.requestViolations(
                        new Exchange("GET", "/orders/ORD-1/labels", null, Map.of(), "", 404, Map.of(), "")))
                .singleElement()
                .asString()
                .contains("no path of the document matches");
        assertThat(contract.requestViolations(
                        new Exchange("DELETE", "/orders/ORD-1/shipment", null, Map.of(), "", 405, Map.of(), "")))
                .singleElement()
                .asString()
                .contains("DELETE is not documented");
        assertThat(contract.requestViolations(new Exchange(
                        "PUT",
                        "/api/v1/integrations/monitoring/circuit-breakers/aramex/state",
                        null,
                        Map.of("Content-Type", "application/json"),
                        "{\"state\":\"closed\",\"reason\":\"done\"}",
                        401,
                        Map.of(),
                        "")))
                .singleElement()
                .asString()
                .contains("does not satisfy the security");
        assertThat(contract.requestViolations(new Exchange(
                        "GET",
                        "/api/v1/integrations/monitoring/circuit-breakers/aramex/transitions",
                        "limit=5000&sort=asc",
                        Map.of(),
                        "",
                        400,
                        Map.of(),
                        "")))
                .hasSize(2)
                .anySatisfy(found -> assertThat(found).contains("query limit"))
                .anySatisfy(found -> assertThat(found).contains("'sort' is not in the document"));
    }

    private static Exchange ship(String order, int status, Map<String, List<String>> headers, String body) {
        Map<String, List<String>> responseHeaders = new java.util.HashMap<>(headers);
        responseHeaders.put("content-type", List.of(status < 400 ? "application/json" : "application/problem+json"));
        return new Exchange(
                "POST", SHIP, null, Map.of("Content-Type", "application/json"), order, status, responseHeaders, body);
    }
}
