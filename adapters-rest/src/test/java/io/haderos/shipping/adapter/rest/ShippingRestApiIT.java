package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.RATES;
import static io.haderos.shipping.adapter.rest.Fixtures.RATE_REQUEST;
import static io.haderos.shipping.adapter.rest.Fixtures.quotedByAramex;
import static io.haderos.shipping.adapter.rest.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import java.util.Map;
import org.glassfish.jersey.CommonProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The feature stands on its own: with Jersey's auto-discovery off (so jersey-media-json-jackson registers
 * nothing by itself), JSON is still read and written, and Jackson's refusals are still our problems.
 */
class ShippingRestApiIT {

    @RegisterExtension
    static final RestApiExtension api =
            new RestApiExtension(Map.of(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true));

    @Test
    void givenAutoDiscoveryOff_whenQuoting_thenJsonIsReadAndWritten() {
        api.fakes().onQuoteRates(request -> quotedByAramex());

        Reply reply = api.postJson(RATES, RATE_REQUEST);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("rates").get(0).get("amount").asText()).isEqualTo("187.45");
    }

    @Test
    void givenAutoDiscoveryOff_whenTheBodyIsMalformed_thenA400Problem() {
        Reply reply = api.postJson(RATES, "{\"origin\":");

        assertProblem(reply, 400, "malformed-json");
    }

    @Test
    void givenAutoDiscoveryOff_whenAFieldHasTheWrongType_thenA400ProblemNamingIt() {
        Reply reply = api.postJson(RATES, JsonEdit.set(RATE_REQUEST, "weight_kg", "\"1.5\""));

        Problems.assertInvalid(reply, "weight_kg");
    }
}
