package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.RATES;
import static io.haderos.shipping.adapter.rest.Fixtures.RATE_REQUEST;
import static io.haderos.shipping.adapter.rest.Fixtures.SHIP;
import static io.haderos.shipping.adapter.rest.Fixtures.SHIP_REQUEST;
import static io.haderos.shipping.adapter.rest.JsonEdit.raw;
import static io.haderos.shipping.adapter.rest.JsonEdit.remove;
import static io.haderos.shipping.adapter.rest.JsonEdit.set;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static io.haderos.shipping.adapter.rest.RestApiExtension.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client sends to the two POST endpoints, a refusal is a 4xx {@code application/problem+json}
 * that names the field at fault, and never reaches a use case (the fakes fail every call: a 500).
 */
class BadInputIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    private static final String LONG_61 = "x".repeat(61);

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRateRequests")
    void givenABadRateRequest_whenPosted_thenA4xxProblemNamesTheField(
            String name, String contentType, String body, int status, String field) {
        assertRefused(name, api.send("POST", RATES, contentType, body), status, field);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badShipRequests")
    void givenABadShipRequest_whenPosted_thenA4xxProblemNamesTheField(
            String name, String contentType, String body, int status, String field) {
        assertRefused(name, api.send("POST", SHIP, contentType, body), status, field);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badOrderIds")
    void givenABadOrderIdInThePath_whenShipping_then400NamesOrderId(String path) {
        assertRefused(path, api.postJson(path, SHIP_REQUEST), 400, "order_id");
    }

    private static void assertRefused(String name, Reply reply, int status, String field) {
        String description = name + " -> " + reply;
        assertThat(reply.status()).as(description).isEqualTo(status);
        assertThat(reply.mediaType()).as(description).isEqualTo(PROBLEM_JSON);
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("https://haderos.io/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("errors")).as(description).isNotNull();
            assertThat(problem.get("errors").findValuesAsText("field"))
                    .as(description)
                    .containsExactly(field);
            assertThat(problem.get("detail").asText()).contains(field);
        }
        assertThat(reply.body()).doesNotContain("io.haderos", "com.fasterxml", "java.", "Exception");
        assertThat(reply.header("X-Content-Type-Options")).as(description).contains("nosniff");
        assertThat(reply.header("Cache-Control")).as(description).contains("no-store");
    }

    static Stream<Arguments> badRateRequests() {
        String r = RATE_REQUEST;
        List<Arguments> cases = new ArrayList<>(common(r));
        cases.addAll(List.of(
                bad("origin missing", remove(r, "origin"), "origin"),
                bad("destination null", set(r, "destination", "null"), "destination"),
                bad("origin an array", set(r, "origin", "[]"), "origin"),
                bad("origin a string", set(r, "origin", "\"Riyadh\""), "origin"),
                bad("origin an empty string", set(r, "origin", "\"\""), "origin"),
                bad("origin.country missing", remove(r, "origin.country"), "origin.country"),
                bad("origin.country unknown", set(r, "origin.country", "\"XX\""), "origin.country"),
                bad("origin.country lower case", set(r, "origin.country", "\"sa\""), "origin.country"),
                bad("destination.country alpha-3", set(r, "destination.country", "\"ARE\""), "destination.country"),
                bad("destination.country a number", set(r, "destination.country", "966"), "destination.country"),
                bad("origin.city missing", remove(r, "origin.city"), "origin.city"),
                bad("origin.city blank", set(r, "origin.city", "\"   \""), "origin.city"),
                bad("origin.city a number", set(r, "origin.city", "123"), "origin.city"),
                bad("origin.city a boolean", set(r, "origin.city", "true"), "origin.city"),
                bad("origin.city an object", set(r, "origin.city", "{}"), "origin.city"),
                bad("origin.city overlong", set(r, "origin.city", '"' + LONG_61 + '"'), "origin.city"),
                bad("origin.city a control character", set(r, "origin.city", "\"Riy\\u0007adh\""), "origin.city"),
                bad("origin unknown field", set(r, "origin.zip", "\"12345\""), "origin.zip"),
                bad("weight_kg missing", remove(r, "weight_kg"), "weight_kg"),
                bad("weight_kg null", set(r, "weight_kg", "null"), "weight_kg"),
                bad("weight_kg text", set(r, "weight_kg", "\"abc\""), "weight_kg"),
                bad("weight_kg a numeric string", set(r, "weight_kg", "\"1.5\""), "weight_kg"),
                bad("weight_kg an empty string", set(r, "weight_kg", "\"\""), "weight_kg"),
                bad("weight_kg a boolean", set(r, "weight_kg", "true"), "weight_kg"),
                bad("weight_kg an object", set(r, "weight_kg", "{\"value\":1}"), "weight_kg"),
                bad("weight_kg an array", set(r, "weight_kg", "[1.5]"), "weight_kg"),
                bad("weight_kg zero", set(r, "weight_kg", "0"), "weight_kg"),
                bad("weight_kg negative", set(r, "weight_kg", "-1.5"), "weight_kg"),
                bad("weight_kg above 1000", set(r, "weight_kg", "1000.001"), "weight_kg"),
                bad("weight_kg 1e400", raw(r, "weight_kg", "1e400"), "weight_kg"),
                bad("weight_kg -1e400", raw(r, "weight_kg", "-1e400"), "weight_kg"),
                bad("weight_kg 1e-400", raw(r, "weight_kg", "1e-400"), "weight_kg"),
                bad("weight_kg exponent beyond int", raw(r, "weight_kg", "1e9999999999"), "weight_kg"),
                bad("weight_kg 400 digits", raw(r, "weight_kg", "9".repeat(400)), "weight_kg"),
                bad("weight_kg 4 decimals", set(r, "weight_kg", "1.2345"), "weight_kg"),
                bad("weight_kg NaN", raw(r, "weight_kg", "NaN"), "weight_kg"),
                bad("weight_kg Infinity", raw(r, "weight_kg", "Infinity"), "weight_kg"),
                bad("weight_kg -Infinity", raw(r, "weight_kg", "-Infinity"), "weight_kg"),
                bad("weight_kg a leading zero", raw(r, "weight_kg", "01.5"), "weight_kg"),
                bad(
                        "weight_kg duplicated",
                        r.replace("\"weight_kg\":1.5", "\"weight_kg\":1.5,\"weight_kg\":2"),
                        "weight_kg"),
                bad("pieces zero", set(r, "pieces", "0"), "pieces"),
                bad("pieces 100", set(r, "pieces", "100"), "pieces"),
                bad("pieces a fraction", set(r, "pieces", "1.5"), "pieces"),
                bad("pieces 2.0", raw(r, "pieces", "2.0"), "pieces"),
                bad("pieces a string", set(r, "pieces", "\"2\""), "pieces"),
                bad("pieces beyond int", set(r, "pieces", "99999999999"), "pieces"),
                bad("dimensions_cm an array", set(r, "dimensions_cm", "[30,20,10]"), "dimensions_cm"),
                bad(
                        "dimensions_cm.length zero",
                        set(r, "dimensions_cm", "{\"length\":0,\"width\":1,\"height\":1}"),
                        "dimensions_cm.length"),
                bad(
                        "dimensions_cm.width a string",
                        set(r, "dimensions_cm", "{\"length\":1,\"width\":\"1\",\"height\":1}"),
                        "dimensions_cm.width"),
                bad(
                        "dimensions_cm.height missing",
                        set(r, "dimensions_cm", "{\"length\":1,\"width\":1}"),
                        "dimensions_cm.height"),
                bad(
                        "dimensions_cm unknown field",
                        set(r, "dimensions_cm", "{\"length\":1,\"width\":1,\"height\":1,\"depth\":1}"),
                        "dimensions_cm.depth"),
                bad("currency lower case", set(r, "currency", "\"sar\""), "currency"),
                bad("currency unknown", set(r, "currency", "\"ABC\""), "currency"),
                bad("currency a number", set(r, "currency", "682"), "currency"),
                bad("service overlong", set(r, "service", "\"" + "S".repeat(11) + "\""), "service"),
                bad("service blank", set(r, "service", "\"  \""), "service"),
                bad("unknown field", set(r, "weight", "1.5"), "weight"),
                bad("camelCase field", set(remove(r, "weight_kg"), "weightKg", "1.5"), "weightKg")));
        return cases.stream();
    }

    static Stream<Arguments> badShipRequests() {
        String s = SHIP_REQUEST;
        List<Arguments> cases = new ArrayList<>(common(s));
        cases.addAll(List.of(
                bad("consignee missing", remove(s, "consignee"), "consignee"),
                bad("consignee an array", set(s, "consignee", "[]"), "consignee"),
                bad("consignee.name missing", remove(s, "consignee.name"), "consignee.name"),
                bad("consignee.name overlong", set(s, "consignee.name", '"' + "n".repeat(101) + '"'), "consignee.name"),
                bad("consignee.name a number", set(s, "consignee.name", "42"), "consignee.name"),
                bad("consignee.phone missing", remove(s, "consignee.phone"), "consignee.phone"),
                bad("consignee.phone not a number", set(s, "consignee.phone", "\"call me\""), "consignee.phone"),
                bad("consignee.phone a JSON number", set(s, "consignee.phone", "966551112233"), "consignee.phone"),
                bad("consignee.email malformed", set(s, "consignee.email", "\"sara-at-example\""), "consignee.email"),
                bad("consignee unknown field", set(s, "consignee.age", "30"), "consignee.age"),
                bad("consignee.address missing", remove(s, "consignee.address"), "consignee.address"),
                bad("consignee.address a string", set(s, "consignee.address", "\"Jeddah\""), "consignee.address"),
                bad(
                        "consignee.address.country unknown",
                        set(s, "consignee.address.country", "\"ZZ\""),
                        "consignee.address.country"),
                bad(
                        "consignee.address.country missing",
                        remove(s, "consignee.address.country"),
                        "consignee.address.country"),
                bad(
                        "consignee.address.city overlong",
                        set(s, "consignee.address.city", '"' + LONG_61 + '"'),
                        "consignee.address.city"),
                bad("consignee.address.line1 missing", remove(s, "consignee.address.line1"), "consignee.address.line1"),
                bad(
                        "consignee.address.line2 overlong",
                        set(s, "consignee.address.line2", '"' + "l".repeat(101) + '"'),
                        "consignee.address.line2"),
                bad(
                        "consignee.address.postal_code overlong",
                        set(s, "consignee.address.postal_code", "\"1234567890123\""),
                        "consignee.address.postal_code"),
                bad(
                        "consignee.address.postal_code a number",
                        set(s, "consignee.address.postal_code", "23434"),
                        "consignee.address.postal_code"),
                bad(
                        "shipper.address.country unknown",
                        set(
                                s,
                                "shipper",
                                "{\"name\":\"Shop\",\"phone\":\"+966500000000\",\"address\":{\"country\":\"XX\","
                                        + "\"city\":\"Riyadh\",\"line1\":\"Depot 1\"}}"),
                        "shipper.address.country"),
                bad("shipper an array", set(s, "shipper", "[]"), "shipper"),
                bad("parcels missing", remove(s, "parcels"), "parcels"),
                bad("parcels empty", set(s, "parcels", "[]"), "parcels"),
                bad("parcels an object", set(s, "parcels", "{\"weight_kg\":1.2}"), "parcels"),
                bad("parcels a number", set(s, "parcels", "1"), "parcels"),
                bad("parcels[0] a number", set(s, "parcels", "[1.2]"), "parcels[0]"),
                bad("parcels[0] null", set(s, "parcels", "[null]"), "parcels[0]"),
                bad(
                        "parcels over 99",
                        set(s, "parcels", "[" + "{\"weight_kg\":1},".repeat(99) + "{\"weight_kg\":1}]"),
                        "parcels"),
                bad("parcels[0].weight_kg missing", set(s, "parcels", "[{}]"), "parcels[0].weight_kg"),
                bad("parcels[0].weight_kg text", set(s, "parcels[0].weight_kg", "\"abc\""), "parcels[0].weight_kg"),
                bad(
                        "parcels[0].weight_kg a numeric string",
                        set(s, "parcels[0].weight_kg", "\"1.2\""),
                        "parcels[0].weight_kg"),
                bad("parcels[0].weight_kg zero", set(s, "parcels[0].weight_kg", "0"), "parcels[0].weight_kg"),
                bad("parcels[0].weight_kg negative", set(s, "parcels[0].weight_kg", "-3"), "parcels[0].weight_kg"),
                bad("parcels[0].weight_kg NaN", raw(s, "parcels[0].weight_kg", "NaN"), "parcels[0].weight_kg"),
                bad("parcels[0].weight_kg 1e400", raw(s, "parcels[0].weight_kg", "1e400"), "parcels[0].weight_kg"),
                bad(
                        "parcels[1].weight_kg zero",
                        set(s, "parcels", "[{\"weight_kg\":1},{\"weight_kg\":0}]"),
                        "parcels[1].weight_kg"),
                bad(
                        "parcels[0].dimensions_cm.height zero",
                        set(s, "parcels[0].dimensions_cm", "{\"length\":1,\"width\":1,\"height\":0}"),
                        "parcels[0].dimensions_cm.height"),
                bad("parcels[0] unknown field", set(s, "parcels[0].color", "\"red\""), "parcels[0].color"),
                bad("description missing", remove(s, "description"), "description"),
                bad("description overlong", set(s, "description", '"' + "d".repeat(201) + '"'), "description"),
                bad("description an array", set(s, "description", "[\"T-shirts\"]"), "description"),
                bad("declared_value missing", remove(s, "declared_value"), "declared_value"),
                bad("declared_value a number", set(s, "declared_value", "250"), "declared_value"),
                bad(
                        "declared_value.amount a JSON number",
                        set(s, "declared_value.amount", "250.00"),
                        "declared_value.amount"),
                bad("declared_value.amount text", set(s, "declared_value.amount", "\"lots\""), "declared_value.amount"),
                bad(
                        "declared_value.amount negative",
                        set(s, "declared_value.amount", "\"-1\""),
                        "declared_value.amount"),
                bad(
                        "declared_value.amount 1e400",
                        set(s, "declared_value.amount", "\"1e400\""),
                        "declared_value.amount"),
                bad("declared_value.amount NaN", set(s, "declared_value.amount", "\"NaN\""), "declared_value.amount"),
                bad(
                        "declared_value.amount a leading space",
                        set(s, "declared_value.amount", "\" 250\""),
                        "declared_value.amount"),
                bad(
                        "declared_value.amount a trailing space",
                        set(s, "declared_value.amount", "\"250 \""),
                        "declared_value.amount"),
                bad(
                        "declared_value.amount a plus sign",
                        set(s, "declared_value.amount", "\"+250\""),
                        "declared_value.amount"),
                bad(
                        "declared_value.amount an exponent",
                        set(s, "declared_value.amount", "\"2.5e2\""),
                        "declared_value.amount"),
                bad(
                        "declared_value.amount grouped",
                        set(s, "declared_value.amount", "\"1,000\""),
                        "declared_value.amount"),
                bad(
                        "declared_value.amount no integer part",
                        set(s, "declared_value.amount", "\".5\""),
                        "declared_value.amount"),
                bad("cod.amount minus zero", set(s, "cod.amount", "\"-0\""), "cod.amount"),
                bad(
                        "declared_value.amount 4 decimals",
                        set(s, "declared_value.amount", "\"1.2345\""),
                        "declared_value.amount"),
                bad(
                        "declared_value.amount 1000 digits",
                        set(s, "declared_value.amount", '"' + "9".repeat(1000) + '"'),
                        "declared_value.amount"),
                bad(
                        "declared_value.currency unknown",
                        set(s, "declared_value.currency", "\"ABC\""),
                        "declared_value.currency"),
                bad("declared_value.currency missing", remove(s, "declared_value.currency"), "declared_value.currency"),
                bad("cod.amount text", set(s, "cod.amount", "\"free\""), "cod.amount"),
                bad("cod.currency lower case", set(s, "cod.currency", "\"sar\""), "cod.currency"),
                bad("service overlong", set(s, "service", "\"" + "S".repeat(11) + "\""), "service"),
                bad("unknown field", set(s, "weight_kg", "1.2"), "weight_kg"),
                bad("order_id in the body", set(s, "order_id", "\"ORD-1\""), "order_id")));
        return cases.stream();
    }

    static Stream<String> badOrderIds() {
        return Stream.of(
                "/orders/bad%20id/ship",
                "/orders/-dash-first/ship",
                "/orders/" + "o".repeat(65) + "/ship",
                "/orders/%C3%A9t%C3%A9/ship",
                "/orders/a%3Bb/ship",
                "/orders/%20/ship",
                "/orders/a;b=c/ship",
                "/orders/ORD-1;x=1/ship",
                "/orders/ORD-1;/ship",
                "/orders/%4FRD-1/ship",
                "/orders/ORD-1%00/ship",
                "/orders/ORD%2F1/ship",
                "/orders/ORD~1/ship",
                "/orders/ORD-1,2/ship",
                "/orders/ORD-1%0A/ship");
    }

    /** Refusals that are the same for any JSON endpoint; {@code valid} is a body the endpoint accepts. */
    private static List<Arguments> common(String valid) {
        String compact = set(valid, "x", "1").replace(",\"x\":1", "");
        return List.of(
                bad("empty body", "", null),
                bad("whitespace body", "  \n ", null),
                bad("JSON null", "null", null),
                bad("truncated JSON", compact.substring(0, compact.length() / 2), null),
                bad("not JSON", "hello", null),
                bad("single quotes", compact.replace('"', '\''), null),
                bad("trailing comma", compact.substring(0, compact.length() - 1) + ",}", null),
                bad("a comment", "/* hi */" + compact, null),
                bad("an array instead of an object", "[" + compact + "]", null),
                bad("an empty array", "[]", null),
                bad("a string instead of an object", "\"" + compact.replace("\"", "\\\"") + "\"", null),
                bad("a number instead of an object", "42", null),
                bad("trailing tokens", compact + " {}", null),
                bad("two documents", compact + compact, null),
                bad("nesting too deep", "{\"a\":".repeat(100) + "1" + "}".repeat(100), null),
                arguments(
                        "body over the 262,144-byte limit",
                        JSON,
                        "{\"description\":\"" + "d".repeat(300 * 1024) + "\"}",
                        413,
                        null),
                arguments("charset not UTF-8", JSON + "; charset=ISO-8859-1", compact, 415, null),
                arguments("an unknown charset", JSON + "; charset=x-bogus", compact, 415, null),
                arguments("charset UTF-16", JSON + ";charset=UTF-16", compact, 415, null),
                arguments("text/plain", "text/plain", compact, 415, null),
                arguments("application/xml", "application/xml", "<rates/>", 415, null),
                arguments("form encoded", "application/x-www-form-urlencoded", "weight_kg=1", 415, null),
                arguments("no content type", null, compact, 415, null));
    }

    private static Arguments bad(String name, String body, String field) {
        return arguments(name, JSON, body, 400, field);
    }
}
