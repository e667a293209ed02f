package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.MONITORING;
import static io.haderos.shipping.adapter.rest.Fixtures.snapshot;
import static io.haderos.shipping.adapter.rest.Problems.assertProblem;
import static io.haderos.shipping.adapter.rest.RatesResourceIT.json;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static io.haderos.shipping.adapter.rest.RestApiExtension.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.application.port.in.OverrideCircuitBreakerCommand;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.OperatorOverride;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.InvalidValueException;
import io.haderos.shipping.domain.port.out.FleetOverrideStoreUnavailableException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code PUT …/circuit-breakers/{name}/state} with an admin token configured: the bearer-token check first, then
 * the body, then the override.
 */
class CircuitStateOverrideIT {

    static final String TOKEN = "tok-3f9a7c1e-admin-only";
    static final String ARAMEX_STATE = MONITORING + "/aramex/state";
    static final String FORCE_OPEN = """
            {"state":"forced_open","reason":"Aramex maintenance window","actor":"ops@haderos.io"}""";

    @RegisterExtension
    static final RestApiExtension api = RestApiExtension.withAdminToken(TOKEN);

    private static final Instant NOW = Instant.parse("2025-12-28T10:30:00Z");
    private static final Instant STARTED = Instant.parse("2025-12-28T08:00:00Z");

    @Test
    void givenNoAuthorization_whenOverriding_then401WithABearerChallengeAndNothingHappens() {
        Reply reply = api.send("PUT", ARAMEX_STATE, JSON, FORCE_OPEN);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
        assertThat(api.fakes().received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic b3BzOnNlY3JldA==",
                "Bearer",
                "Bearer ",
                "Token " + TOKEN,
                TOKEN,
                "Bearer " + TOKEN + " extra",
                "Bearer" + TOKEN
            })
    void givenAMalformedAuthorization_whenOverriding_then401(String authorization) {
        Reply reply = put(authorization, FORCE_OPEN);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(reply.body()).doesNotContain(TOKEN);
        assertThat(api.fakes().received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"wrong-token", "tok-3f9a7c1e-admin-onl", "tok-3f9a7c1e-admin-only2", "TOK-3F9A7C1E-ADMIN-ONLY"})
    void givenAWrongToken_whenOverriding_then403WithoutEitherToken(String token) {
        Reply reply = put("Bearer " + token, FORCE_OPEN);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.body()).doesNotContain(TOKEN).doesNotContain(token);
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void givenTheAdminToken_whenForcingOpen_then200WithTheNewSnapshotAndTheUseCaseGotActorReasonAndState() {
        api.fakes()
                .onOverride(command -> snapshot(command.carrier(), command.target(), 0, 0, Optional.empty(), NOW, NOW));

        Reply reply = put("Bearer " + TOKEN, FORCE_OPEN);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo(JSON);
        assertThat(reply.json()).isEqualTo(json("""
                {"state":"forced_open","failure_count":0,"success_count":0,"last_failure_time":null,
                 "time_since_last_failure":0,"should_attempt_reset":false,"retry_after_seconds":null,
                 "state_since":"2025-12-28T10:30:00Z","recovery_timeout_seconds":120,"override":null}"""));
        assertThat(api.fakes().lastReceived(OverrideCircuitBreakerCommand.class))
                .isEqualTo(new OverrideCircuitBreakerCommand(
                        CarrierId.ARAMEX, CircuitState.FORCED_OPEN, "ops@haderos.io", "Aramex maintenance window"));
        assertThat(reply.body()).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @CsvSource({"disabled, DISABLED", "closed, CLOSED", "forced_open, FORCED_OPEN"})
    void givenTheAdminToken_whenSettingEachState_thenTheUseCaseGetsIt(String state, CircuitState target) {
        api.fakes()
                .onOverride(
                        command -> snapshot(command.carrier(), command.target(), 0, 0, Optional.empty(), STARTED, NOW));

        Reply reply = put("bearer " + TOKEN, "{\"state\":\"" + state + "\",\"reason\":\"planned\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("state").asText()).isEqualTo(state);
        OverrideCircuitBreakerCommand command = api.fakes().lastReceived(OverrideCircuitBreakerCommand.class);
        assertThat(command.target()).isEqualTo(target);
        assertThat(command.actor()).as("the default actor").isEqualTo("operator");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"reason\":\"planned\"}",
                "{\"state\":null,\"reason\":\"planned\"}",
                "{\"state\":\"open\",\"reason\":\"planned\"}",
                "{\"state\":\"half_open\",\"reason\":\"planned\"}",
                "{\"state\":\"FORCED_OPEN\",\"reason\":\"planned\"}",
                "{\"state\":\"\",\"reason\":\"planned\"}",
                "{\"state\":1,\"reason\":\"planned\"}"
            })
    void givenABadState_whenOverriding_then400NamingState(String body) {
        assertInvalid(put("Bearer " + TOKEN, body), "state");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"state\":\"closed\"}",
                "{\"state\":\"closed\",\"reason\":null}",
                "{\"state\":\"closed\",\"reason\":\"\"}",
                "{\"state\":\"closed\",\"reason\":\"   \"}",
                "{\"state\":\"closed\",\"reason\":[\"planned\"]}"
            })
    void givenNoReason_whenOverriding_then400NamingReason(String body) {
        assertInvalid(put("Bearer " + TOKEN, body), "reason");
    }

    @Test
    void givenAReasonLongerThanAllowed_whenOverriding_then400NamingReason() {
        String reason = "r".repeat(OperatorOverride.MAX_REASON_CHARS + 1);

        assertInvalid(put("Bearer " + TOKEN, "{\"state\":\"closed\",\"reason\":\"" + reason + "\"}"), "reason");
    }

    @Test
    void givenTheLongestReasonAllowed_whenOverriding_thenAccepted() {
        api.fakes()
                .onOverride(
                        command -> snapshot(command.carrier(), command.target(), 0, 0, Optional.empty(), STARTED, NOW));
        String reason = "r".repeat(OperatorOverride.MAX_REASON_CHARS);

        Reply reply = put("Bearer " + TOKEN, "{\"state\":\"closed\",\"reason\":\"" + reason + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(api.fakes().lastReceived(OverrideCircuitBreakerCommand.class).reason())
                .isEqualTo(reason);
    }

    @Test
    void givenAMaintenanceWindow_whenForcingOpen_thenTheUseCaseGetsItsEnd() {
        api.fakes()
                .onOverride(
                        command -> snapshot(command.carrier(), command.target(), 0, 0, Optional.empty(), STARTED, NOW));

        Reply reply = put(
                "Bearer " + TOKEN,
                "{\"state\":\"forced_open\",\"reason\":\"window\",\"until\":\"2025-12-28T14:30:00+03:00\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(api.fakes().lastReceived(OverrideCircuitBreakerCommand.class).until())
                .contains(Instant.parse("2025-12-28T11:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"state\":\"forced_open\",\"reason\":\"w\",\"until\":\"tomorrow\"}",
                "{\"state\":\"forced_open\",\"reason\":\"w\",\"until\":\"2025-12-28T14:30:00\"}",
                "{\"state\":\"forced_open\",\"reason\":\"w\",\"until\":1766928600}",
                "{\"state\":\"closed\",\"reason\":\"w\",\"until\":\"2025-12-28T14:30:00Z\"}"
            })
    void givenABadEnd_whenOverriding_then400NamingUntil(String body) {
        assertInvalid(put("Bearer " + TOKEN, body), "until");
    }

    @Test
    void givenAnEndTheUseCaseRefuses_whenOverriding_then400NamingUntil() {
        api.fakes().onOverride(command -> {
            throw new InvalidValueException("until", "must be in the future");
        });

        Reply reply = put(
                "Bearer " + TOKEN, "{\"state\":\"forced_open\",\"reason\":\"w\",\"until\":\"2020-01-01T00:00:00Z\"}");

        assertThat(Problems.assertInvalid(reply, "until").get("detail").asText())
                .contains("must be in the future");
    }

    @Test
    void givenTheOverrideStoreCannotBeReached_whenOverriding_then503WithRetryAfter() {
        api.fakes().onOverride(command -> {
            throw new FleetOverrideStoreUnavailableException("database away", null);
        });

        Reply reply = put("Bearer " + TOKEN, FORCE_OPEN);

        assertProblem(reply, 503, "override-store-unavailable");
        assertThat(reply.header("Retry-After")).contains("5");
    }

    @Test
    void givenABlankActor_whenOverriding_then400NamingActor() {
        assertInvalid(put("Bearer " + TOKEN, "{\"state\":\"closed\",\"reason\":\"planned\",\"actor\":\" \"}"), "actor");
    }

    @Test
    void givenAnUnknownField_whenOverriding_then400NamingIt() {
        assertInvalid(put("Bearer " + TOKEN, "{\"state\":\"closed\",\"reason\":\"planned\",\"token\":\"x\"}"), "token");
    }

    @Test
    void givenNoBody_whenOverriding_then400() {
        Reply reply = put("Bearer " + TOKEN, "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void givenACarrierThatIsNotConfigured_whenOverriding_then404() {
        api.fakes().onOverride(command -> {
            throw new UnknownCarrierException(command.carrier().value());
        });

        Reply reply = api.asAdmin("PUT", MONITORING + "/dhl/state", FORCE_OPEN);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("type").asText()).isEqualTo("https://haderos.io/problems/unknown-carrier");
    }

    @Test
    void givenAnUnknownCarrierWithoutAToken_whenOverriding_then401BeforeAnythingElse() {
        Reply reply = api.send("PUT", MONITORING + "/dhl/state", JSON, FORCE_OPEN);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void givenTheStatePath_whenRead_then405AllowingPut() {
        Reply reply = api.get(ARAMEX_STATE);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("PUT"));
    }

    @Test
    void givenTheAdminToken_whenReadingMonitoring_thenNoTokenIsNeededThere() {
        api.fakes().onTransitions(query -> java.util.List.of());

        assertThat(api.get(MONITORING + "/aramex/transitions").status()).isEqualTo(200);
    }

    private static Reply put(String authorization, String body) {
        return api.send("PUT", ARAMEX_STATE, JSON, body, "Authorization", authorization);
    }

    /** A 400 naming {@code field}, refused before the use case was asked. */
    private static void assertInvalid(Reply reply, String field) {
        Problems.assertInvalid(reply, field);
        assertThat(api.fakes().received()).isEmpty();
    }
}
