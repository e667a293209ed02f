package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlApiTest extends SandboxOverHttp {

    @Test
    void givenFreshSandbox_whenListed_thenBothStandInsHealthyWithTheirBaseUrls() throws Exception {
        HttpResponse<String> response = http.get(sandbox.controlUri());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode standIns = json(response).get("stand_ins");
        assertThat(standIns.fieldNames()).toIterable().containsExactly("aramex", "smsa");
        assertThat(standIns.at("/aramex/base_url").asText())
                .isEqualTo(sandbox.aramexBaseUri().toString());
        assertThat(standIns.at("/smsa/base_url").asText())
                .isEqualTo(sandbox.smsaBaseUri().toString());
        assertThat(standIns.at("/aramex/mode").asText()).isEqualTo("healthy");
        assertThat(standIns.at("/smsa/latency_ms").asLong()).isZero();
    }

    @Test
    void givenFaultPut_whenReadBack_thenSameShapeAndListed() throws Exception {
        HttpResponse<String> put = http.putJson(control("/smsa/fault"), "{\"mode\":\"slow\",\"latency_ms\":300}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(json(put).get("mode").asText()).isEqualTo("slow");
        JsonNode read = json(http.get(control("/smsa/fault")));
        assertThat(read.get("mode").asText()).isEqualTo("slow");
        assertThat(read.get("latency_ms").asLong()).isEqualTo(300);
        assertThat(json(http.get(sandbox.controlUri()))
                        .at("/stand_ins/smsa/mode")
                        .asText())
                .isEqualTo("slow");
    }

    @Test
    void givenSlowWithoutLatency_whenPut_thenDefaultThirtySeconds() throws Exception {
        JsonNode fault = json(http.putJson(control("/aramex/fault"), "{\"mode\":\"slow\"}"));

        assertThat(fault.get("latency_ms").asLong()).isEqualTo(30_000);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"mode\":\"sideways\"}|mode",
                "{\"latency_ms\":5}|mode",
                "{\"mode\":5}|mode",
                "{\"mode\":\"slow\",\"latency_ms\":-1}|latency_ms",
                "{\"mode\":\"slow\",\"latency_ms\":\"fast\"}|latency_ms",
                "{\"mode\":\"slow\",\"latency_ms\":1.5}|latency_ms",
                "{\"mode\":|body",
                "[\"down\"]|body"
            })
    void givenInvalidFaultBody_whenPut_then400ProblemNamingTheField(String body, String field) throws Exception {
        HttpResponse<String> response = http.putJson(control("/aramex/fault"), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(json(http.get(control("/aramex/fault"))).get("mode").asText())
                .isEqualTo("healthy");
    }

    @Test
    void givenUnknownCarrier_whenAnyCall_then404Problem() throws Exception {
        HttpResponse<String> response = http.putJson(control("/dhl/fault"), "{\"mode\":\"down\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("detail").asText()).contains("dhl");
        assertThat(http.get(control("/dhl/stats")).statusCode()).isEqualTo(404);
    }

    @Test
    void givenUnknownPathOrWrongMethod_whenCalled_then404Or405() throws Exception {
        assertThat(http.get(control("/aramex/nothing")).statusCode()).isEqualTo(404);
        assertThat(http.get(control("x")).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = http.get(control("/aramex/reset"));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }
}
