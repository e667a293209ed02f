package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.MONITORING;
import static io.haderos.shipping.adapter.rest.Fixtures.RATES;
import static io.haderos.shipping.adapter.rest.Fixtures.RATE_REQUEST;
import static io.haderos.shipping.adapter.rest.Fixtures.SHIP;
import static io.haderos.shipping.adapter.rest.Problems.assertProblem;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.domain.model.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failures that are not about a request's content still answer in {@code application/problem+json}. */
class ProblemMappingIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    @Test
    void givenAnUnknownPath_whenRequested_then404Problem() {
        Reply reply = api.get("/api/v1/nothing-here");

        assertProblem(reply, 404, "not-found");
    }

    @Test
    void givenAWrongMethod_whenRequested_then405ProblemWithAllow() {
        Reply reply = api.get(RATES);

        assertProblem(reply, 405, "method-not-allowed");
        assertThat(reply.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void givenADeleteOnTheShipEndpoint_whenRequested_then405Problem() {
        assertProblem(api.send("DELETE", SHIP, null, null), 405, "method-not-allowed");
    }

    @Test
    void givenAPostOnMonitoring_whenRequested_then405Problem() {
        assertProblem(api.send("POST", MONITORING, JSON, "{}"), 405, "method-not-allowed");
    }

    @Test
    void givenAnOptionsRequest_whenRequested_thenTheAllowedMethodsWithoutAnError() {
        Reply reply = api.send("OPTIONS", RATES, null, null);

        assertThat(reply.status()).as(reply.toString()).isBetween(200, 204);
        assertThat(reply.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void givenAnAcceptHeaderForXmlOnly_whenRequested_then406Problem() {
        Reply reply = api.sendWithAccept("GET", MONITORING, "application/xml");

        assertProblem(reply, 406, "not-acceptable");
    }

    @Test
    void givenAWrongContentType_whenPosting_then415Problem() {
        assertProblem(api.send("POST", RATES, "text/plain", RATE_REQUEST), 415, "unsupported-media-type");
    }

    @Test
    void givenAUseCaseFailsUnexpectedly_whenRequested_then500ProblemWithoutInternals() {
        api.fakes().onQuoteRates(request -> {
            throw new IllegalStateException("secret-db-password at io.haderos.Internal");
        });

        Reply reply = api.postJson(RATES, RATE_REQUEST);

        assertProblem(reply, 500, "internal-error");
        assertThat(reply.body()).doesNotContain("secret", "IllegalStateException", "io.haderos", "at ");
    }

    @Test
    void givenADomainRefusalEscapesAUseCase_whenRequested_then500NotABlameOnTheCaller() {
        api.fakes().onQuoteRates(request -> {
            throw new InvalidValueException("tracking", "must not be blank");
        });

        assertProblem(api.postJson(RATES, RATE_REQUEST), 500, "internal-error");
    }

    @Test
    void givenACheckedFailureSneaksOut_whenRequested_then500Problem() {
        api.fakes().onQuoteRates(request -> {
            throw new UncheckedIOException(new IOException("disk"));
        });

        assertProblem(api.postJson(RATES, RATE_REQUEST), 500, "internal-error");
    }
}
