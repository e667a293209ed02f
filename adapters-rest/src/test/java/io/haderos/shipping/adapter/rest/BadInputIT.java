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
                missing(r, "origin"),
                badValue(r, "destination", "null", "null"),
                badValue(r, "origin", "an array", "[]"),
                badValue(r, "origin", "a string", "\"Riyadh\""),
                badValue(r, "origin", "an empty string", "\"\""),
                missing(r, "origin.country"),
                badValue(r, "origin.country", "unknown", "\"XX\""),
                badValue(r, "origin.country", "lower case", "\"sa\""),
                badValue(r, "destination.country", "alpha-3", "\"ARE\""),
                badValue(r, "destination.country", "a number", "966"),
                missing(r, "origin.city"),
                badValue(r, "origin.city", "blank", "\"   \""),
                badValue(r, "origin.city", "a number", "123"),
                badValue(r, "origin.city", "a boolean", "true"),
                badValue(r, "origin.city", "an object", "{}"),
                badValue(r, "origin.city", "overlong", '"' + LONG_61 + '"'),
                badValue(r, "origin.city", "a control character", "\"Riy\\u0007adh\""),
                bad("origin unknown field", set(r, "origin.zip", "\"12345\""), "origin.zip"),
                missing(r, "weight_kg"),
                badValue(r, "weight_kg", "null", "null"),
                badValue(r, "weight_kg", "text", "\"abc\""),
                badValue(r, "weight_kg", "a numeric string", "\"1.5\""),
                badValue(r, "weight_kg", "an empty string", "\"\""),
                badValue(r, "weight_kg", "a boolean", "true"),
                badValue(r, "weight_kg", "an object", "{\"value\":1}"),
                badValue(r, "weight_kg", "an array", "[1.5]"),
                badValue(r, "weight_kg", "zero", "0"),
                badValue(r, "weight_kg", "negative", "-1.5"),
                badValue(r, "weight_kg", "above 1000", "1000.001"),
                badLiteral(r, "weight_kg", "1e400", "1e400"),
                badLiteral(r, "weight_kg", "-1e400", "-1e400"),
                badLiteral(r, "weight_kg", "1e-400", "1e-400"),
                badLiteral(r, "weight_kg", "exponent beyond int", "1e9999999999"),
                badLiteral(r, "weight_kg", "400 digits", "9".repeat(400)),
                badValue(r, "weight_kg", "4 decimals", "1.2345"),
                badLiteral(r, "weight_kg", "NaN", "NaN"),
                badLiteral(r, "weight_kg", "Infinity", "Infinity"),
                badLiteral(r, "weight_kg", "-Infinity", "-Infinity"),
                badLiteral(r, "weight_kg", "a leading zero", "01.5"),
                bad(
                        "weight_kg duplicated",
                        r.replace("\"weight_kg\":1.5", "\"weight_kg\":1.5,\"weight_kg\":2"),
                        "weight_kg"),
                badValue(r, "pieces", "zero", "0"),
                badValue(r, "pieces", "100", "100"),
                badValue(r, "pieces", "a fraction", "1.5"),
                badLiteral(r, "pieces", "2.0", "2.0"),
                badValue(r, "pieces", "a string", "\"2\""),
                badValue(r, "pieces", "beyond int", "99999999999"),
                badValue(r, "dimensions_cm", "an array", "[30,20,10]"),
                badInside(r, "dimensions_cm", ".length", "zero", "{\"length\":0,\"width\":1,\"height\":1}"),
                badInside(r, "dimensions_cm", ".width", "a string", "{\"length\":1,\"width\":\"1\",\"height\":1}"),
                badInside(r, "dimensions_cm", ".height", "missing", "{\"length\":1,\"width\":1}"),
                bad(
                        "dimensions_cm unknown field",
                        set(r, "dimensions_cm", "{\"length\":1,\"width\":1,\"height\":1,\"depth\":1}"),
                        "dimensions_cm.depth"),
                badValue(r, "currency", "lower case", "\"sar\""),
                badValue(r, "currency", "unknown", "\"ABC\""),
                badValue(r, "currency", "a number", "682"),
                badValue(r, "service", "overlong", "\"" + "S".repeat(11) + "\""),
                badValue(r, "service", "blank", "\"  \""),
                bad("unknown field", set(r, "weight", "1.5"), "weight"),
                bad("camelCase field", set(remove(r, "weight_kg"), "weightKg", "1.5"), "weightKg")));
        return cases.stream();
    }

    static Stream<Arguments> badShipRequests() {
        String s = SHIP_REQUEST;
        List<Arguments> cases = new ArrayList<>(common(s));
        cases.addAll(List.of(
                missing(s, "consignee"),
                badValue(s, "consignee", "an array", "[]"),
                missing(s, "consignee.name"),
                badValue(s, "consignee.name", "overlong", '"' + "n".repeat(101) + '"'),
                badValue(s, "consignee.name", "a number", "42"),
                missing(s, "consignee.phone"),
                badValue(s, "consignee.phone", "not a number", "\"call me\""),
                badValue(s, "consignee.phone", "a JSON number", "966551112233"),
                badValue(s, "consignee.email", "malformed", "\"sara-at-example\""),
                bad("consignee unknown field", set(s, "consignee.age", "30"), "consignee.age"),
                missing(s, "consignee.address"),
                badValue(s, "consignee.address", "a string", "\"Jeddah\""),
                badValue(s, "consignee.address.country", "unknown", "\"ZZ\""),
                missing(s, "consignee.address.country"),
                badValue(s, "consignee.address.city", "overlong", '"' + LONG_61 + '"'),
                missing(s, "consignee.address.line1"),
                badValue(s, "consignee.address.line2", "overlong", '"' + "l".repeat(101) + '"'),
                badValue(s, "consignee.address.postal_code", "overlong", "\"1234567890123\""),
                badValue(s, "consignee.address.postal_code", "a number", "23434"),
                bad(
                        "shipper.address.country unknown",
                        set(
                                s,
                                "shipper",
                                "{\"name\":\"Shop\",\"phone\":\"+966500000000\",\"address\":{\"country\":\"XX\","
                                        + "\"city\":\"Riyadh\",\"line1\":\"Depot 1\"}}"),
                        "shipper.address.country"),
                badValue(s, "shipper", "an array", "[]"),
                missing(s, "parcels"),
                badValue(s, "parcels", "empty", "[]"),
                badValue(s, "parcels", "an object", "{\"weight_kg\":1.2}"),
                badValue(s, "parcels", "a number", "1"),
                badInside(s, "parcels", "[0]", "a number", "[1.2]"),
                badInside(s, "parcels", "[0]", "null", "[null]"),
                badValue(s, "parcels", "over 99", "[" + "{\"weight_kg\":1},".repeat(99) + "{\"weight_kg\":1}]"),
                badInside(s, "parcels", "[0].weight_kg", "missing", "[{}]"),
                badValue(s, "parcels[0].weight_kg", "text", "\"abc\""),
                badValue(s, "parcels[0].weight_kg", "a numeric string", "\"1.2\""),
                badValue(s, "parcels[0].weight_kg", "zero", "0"),
                badValue(s, "parcels[0].weight_kg", "negative", "-3"),
                badLiteral(s, "parcels[0].weight_kg", "NaN", "NaN"),
                badLiteral(s, "parcels[0].weight_kg", "1e400", "1e400"),
                badInside(s, "parcels", "[1].weight_kg", "zero", "[{\"weight_kg\":1},{\"weight_kg\":0}]"),
                badInside(s, "parcels[0].dimensions_cm", ".height", "zero", "{\"length\":1,\"width\":1,\"height\":0}"),
                bad("parcels[0] unknown field", set(s, "parcels[0].color", "\"red\""), "parcels[0].color"),
                missing(s, "description"),
                badValue(s, "description", "overlong", '"' + "d".repeat(201) + '"'),
                badValue(s, "description", "an array", "[\"T-shirts\"]"),
                missing(s, "declared_value"),
                badValue(s, "declared_value", "a number", "250"),
                badValue(s, "declared_value.amount", "a JSON number", "250.00"),
                badValue(s, "declared_value.amount", "text", "\"lots\""),
                badValue(s, "declared_value.amount", "negative", "\"-1\""),
                badValue(s, "declared_value.amount", "1e400", "\"1e400\""),
                badValue(s, "declared_value.amount", "NaN", "\"NaN\""),
                badValue(s, "declared_value.amount", "a leading space", "\" 250\""),
                badValue(s, "declared_value.amount", "a trailing space", "\"250 \""),
                badValue(s, "declared_value.amount", "a plus sign", "\"+250\""),
                badValue(s, "declared_value.amount", "an exponent", "\"2.5e2\""),
                badValue(s, "declared_value.amount", "grouped", "\"1,000\""),
                badValue(s, "declared_value.amount", "no integer part", "\".5\""),
                badValue(s, "cod.amount", "minus zero", "\"-0\""),
                badValue(s, "declared_value.amount", "4 decimals", "\"1.2345\""),
                badValue(s, "declared_value.amount", "1000 digits", '"' + "9".repeat(1000) + '"'),
                badValue(s, "declared_value.currency", "unknown", "\"ABC\""),
                missing(s, "declared_value.currency"),
                badValue(s, "cod.amount", "text", "\"free\""),
                badValue(s, "cod.currency", "lower case", "\"sar\""),
                badValue(s, "service", "overlong", "\"" + "S".repeat(11) + "\""),
                bad("unknown field", set(s, "weight_kg", "1.2"), "weight_kg"),
                badValue(s, "order_id", "in the body", "\"ORD-1\"")));
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

    /** {@code valid} with {@code field} set to the JSON {@code value}; the case is named "{@code field what}". */
    private static Arguments badValue(String valid, String field, String what, String value) {
        return badInside(valid, field, "", what, value);
    }

    /**
     * {@code valid} with the JSON {@code value} at {@code path}, refused naming the field {@code path + part} inside
     * it; the case is named "{@code path+part what}".
     */
    private static Arguments badInside(String valid, String path, String part, String what, String value) {
        String field = path + part;
        return bad(field + " " + what, set(valid, path, value), field);
    }

    /** As {@link #badValue}, but {@code literal} goes into the body as written, even where it is not JSON. */
    private static Arguments badLiteral(String valid, String field, String what, String literal) {
        return bad(field + " " + what, raw(valid, field, literal), field);
    }

    private static Arguments missing(String valid, String field) {
        return bad(field + " missing", remove(valid, field), field);
    }
}
