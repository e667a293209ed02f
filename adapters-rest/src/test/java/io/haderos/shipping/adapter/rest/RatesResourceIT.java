package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.RATES;
import static io.haderos.shipping.adapter.rest.Fixtures.RATE_REQUEST;
import static io.haderos.shipping.adapter.rest.Fixtures.aramexOpenAndSmsa;
import static io.haderos.shipping.adapter.rest.Fixtures.failed;
import static io.haderos.shipping.adapter.rest.Fixtures.quotedByAramex;
import static io.haderos.shipping.adapter.rest.Problems.assertProblem;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.application.port.in.NoCarrierAvailableException;
import io.haderos.shipping.application.port.in.RateQuotation;
import io.haderos.shipping.application.port.in.RequestRejectedException;
import io.haderos.shipping.domain.model.Attempt;
import io.haderos.shipping.domain.model.AttemptOutcome;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Money;
import io.haderos.shipping.domain.model.RateQuote;
import io.haderos.shipping.domain.model.RateRequest;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/v1/integrations/shipping/rates}: docs/architecture.md#rest-contract JSON, and the fallback policy's failures. */
class RatesResourceIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    private static final CarrierId ARAMEX = CarrierId.ARAMEX;
    private static final CarrierId SMSA = CarrierId.SMSA;

    @Test
    void givenAramexServes_whenQuoting_thenTheJsonIsExactlyDesignsExample() {
        api.fakes().onQuoteRates(request -> quotedByAramex());

        Reply reply = api.postJson(RATES, RATE_REQUEST);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo(JSON);
        assertThat(reply.json()).isEqualTo(json("""
                {"provider":"aramex","fallback":false,
                 "rates":[{"provider":"aramex","service":"PPX","amount":"187.45","currency":"SAR"}],
                 "attempts":[{"provider":"aramex","outcome":"success"}]}"""));
    }

    @Test
    void givenAramexCircuitOpen_whenQuoting_thenSmsaServesAsFallbackAndAramexAttemptCarriesOutcomeAndDetail() {
        api.fakes()
                .onQuoteRates(request -> new RateQuotation(
                        SMSA,
                        true,
                        List.of(
                                new RateQuote(SMSA, "EXPRESS", Money.of("40", "SAR")),
                                new RateQuote(SMSA, "ECONOMY", Money.of("12.5", "KWD"))),
                        List.of(
                                failed(ARAMEX, AttemptOutcome.CIRCUIT_OPEN, "aramex unavailable: circuit open"),
                                Attempt.success(SMSA))));

        JsonNode json = api.postJson(RATES, RATE_REQUEST).json();

        assertThat(json.get("provider").asText()).isEqualTo("smsa");
        assertThat(json.get("fallback").isBoolean()).isTrue();
        assertThat(json.get("fallback").booleanValue()).isTrue();
        assertThat(json.get("rates").get(0).get("amount").textValue()).isEqualTo("40.00");
        assertThat(json.get("rates").get(1).get("amount").textValue()).isEqualTo("12.500");
        assertThat(json.get("rates").get(1).get("currency").textValue()).isEqualTo("KWD");
        assertThat(json.get("attempts")).isEqualTo(json("""
                [{"provider":"aramex","outcome":"circuit_open","detail":"aramex unavailable: circuit open"},
                 {"provider":"smsa","outcome":"success"}]"""));
    }

    @Test
    void givenTheMinimalRequest_whenQuoting_thenTheDomainRequestHasOnePieceAndNoPreferences() {
        api.fakes().onQuoteRates(request -> quotation());

        api.postJson(RATES, RATE_REQUEST);

        RateRequest received = api.fakes().lastReceived(RateRequest.class);
        assertThat(received.origin().country().value()).isEqualTo("SA");
        assertThat(received.origin().city()).isEqualTo("Riyadh");
        assertThat(received.destination().country().value()).isEqualTo("AE");
        assertThat(received.destination().city()).isEqualTo("Dubai");
        assertThat(received.weight().kilograms()).isEqualByComparingTo("1.5");
        assertThat(received.pieces()).isEqualTo(1);
        assertThat(received.dimensions()).isEmpty();
        assertThat(received.currency()).isEmpty();
        assertThat(received.service()).isEmpty();
    }

    @Test
    void givenEveryOptionalField_whenQuoting_thenEachReachesTheDomainRequest() {
        api.fakes().onQuoteRates(request -> quotation());

        Reply reply = api.postJson(RATES, """
                {"origin":{"country":"SA","city":"Riyadh"},"destination":{"country":"SA","city":"Jeddah"},
                 "weight_kg":2,"pieces":3,"dimensions_cm":{"length":30,"width":20.5,"height":10},
                 "currency":"USD","service":"PPX"}""");

        assertThat(reply.status()).isEqualTo(200);
        RateRequest received = api.fakes().lastReceived(RateRequest.class);
        assertThat(received.weight().kilograms()).isEqualByComparingTo("2");
        assertThat(received.pieces()).isEqualTo(3);
        assertThat(received.dimensions()).hasValueSatisfying(d -> {
            assertThat(d.lengthCm()).isEqualByComparingTo("30");
            assertThat(d.widthCm()).isEqualByComparingTo("20.5");
            assertThat(d.heightCm()).isEqualByComparingTo(BigDecimal.TEN);
        });
        assertThat(received.currency())
                .hasValueSatisfying(c -> assertThat(c.getCurrencyCode()).isEqualTo("USD"));
        assertThat(received.service()).contains("PPX");
    }

    @Test
    void givenTheCarrierRejectsTheContent_whenQuoting_then422ProblemWithTheCarriersMessagesAndAttempts() {
        CarrierRejectedException rejection = new CarrierRejectedException(
                ARAMEX,
                List.of(new CarrierMessage("ERR52", "Invalid destination city"), new CarrierMessage("", "Check it")));
        api.fakes().onQuoteRates(request -> {
            throw new RequestRejectedException(
                    rejection, List.of(failed(ARAMEX, AttemptOutcome.REJECTED, rejection.getMessage())));
        });

        Reply reply = api.postJson(RATES, RATE_REQUEST);

        JsonNode problem = assertProblem(reply, 422, "request-rejected");
        assertThat(problem.get("detail").asText()).contains("ERR52");
        assertThat(problem.get("provider").asText()).isEqualTo("aramex");
        assertThat(problem.get("errors")).isEqualTo(json("""
                [{"code":"ERR52","message":"Invalid destination city"},{"message":"Check it"}]"""));
        assertThat(problem.get("attempts").get(0).get("outcome").asText()).isEqualTo("rejected");
    }

    @Test
    void givenEveryCarrierUnavailable_whenQuoting_then503WithRetryAfterRoundedUpAndTheAttempts() {
        api.fakes().onQuoteRates(request -> {
            throw aramexOpenAndSmsa(AttemptOutcome.TIMEOUT, "no answer within 10 s", Duration.ofMillis(41_200));
        });

        Reply reply = api.postJson(RATES, RATE_REQUEST);

        JsonNode problem = assertProblem(reply, 503, "no-carrier-available");
        assertThat(reply.header("Retry-After")).contains("42");
        assertThat(problem.get("retry_after_seconds").asLong()).isEqualTo(42);
        assertThat(problem.get("attempts")).isEqualTo(json("""
                [{"provider":"aramex","outcome":"circuit_open","detail":"circuit open"},
                 {"provider":"smsa","outcome":"timeout","detail":"no answer within 10 s"}]"""));
    }

    @Test
    void givenEveryCarrierFailedWithoutABreakerToWaitFor_whenQuoting_then503WithoutRetryAfter() {
        api.fakes().onQuoteRates(request -> {
            throw new NoCarrierAvailableException(
                    List.of(failed(ARAMEX, AttemptOutcome.TIMEOUT, "slow")), Optional.empty());
        });

        Reply reply = api.postJson(RATES, RATE_REQUEST);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEmpty();
        assertThat(reply.json().has("retry_after_seconds")).isFalse();
    }

    @Test
    void givenABreakerThatAllowsATrialNow_whenEveryCarrierIsUnavailable_thenRetryAfterIsAtLeastOneSecond() {
        api.fakes().onQuoteRates(request -> {
            throw new NoCarrierAvailableException(List.of(), Optional.of(Duration.ZERO));
        });

        assertThat(api.postJson(RATES, RATE_REQUEST).header("Retry-After")).contains("1");
    }

    private static RateQuotation quotation() {
        return new RateQuotation(
                ARAMEX,
                false,
                List.of(new RateQuote(ARAMEX, "PPX", Money.of("1", "SAR"))),
                List.of(Attempt.success(ARAMEX)));
    }

    static JsonNode json(String text) {
        return new RestApiExtension.Reply(200, null, text, null).json();
    }
}
