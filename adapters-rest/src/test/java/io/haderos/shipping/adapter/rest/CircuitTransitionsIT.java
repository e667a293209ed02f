package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.MONITORING;
import static io.haderos.shipping.adapter.rest.Problems.assertProblem;
import static io.haderos.shipping.adapter.rest.RatesResourceIT.json;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static io.haderos.shipping.adapter.rest.RestApiExtension.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.application.port.in.ClusterView;
import io.haderos.shipping.application.port.in.ReadCircuitTransitionsQuery;
import io.haderos.shipping.application.port.in.UnknownCarrierException;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.GatewayInstance;
import io.haderos.shipping.domain.model.InstanceStatus;
import io.haderos.shipping.domain.port.out.TransitionHistoryUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET …/circuit-breakers/{name}/transitions} (the audit trail, newest first) and
 * {@code GET /api/v1/integrations/monitoring/cluster} (each instance's breakers as last recorded).
 */
class CircuitTransitionsIT {

    @RegisterExtension
    static final RestApiExtension api = new RestApiExtension();

    static final String ARAMEX_TRANSITIONS = MONITORING + "/aramex/transitions";
    static final String CLUSTER = "/api/v1/integrations/monitoring/cluster";

    private static final Instant OPENED = Instant.parse("2025-12-28T10:30:00Z");

    @Test
    void givenRecordedTransitions_whenRead_thenNewestFirstInTheDocumentedShape() {
        api.fakes()
                .onTransitions(query -> List.of(
                        recorded(
                                "gw-1",
                                CarrierId.ARAMEX,
                                2,
                                CircuitState.OPEN,
                                CircuitState.FORCED_OPEN,
                                OPENED.plusSeconds(60),
                                "operator override: maintenance",
                                Optional.of("ops@haderos.io")),
                        recorded(
                                "gw-1",
                                CarrierId.ARAMEX,
                                1,
                                CircuitState.CLOSED,
                                CircuitState.OPEN,
                                OPENED,
                                "3 consecutive failures; last: timeout",
                                Optional.empty())));

        Reply reply = api.get(ARAMEX_TRANSITIONS);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo(JSON);
        assertThat(reply.json()).isEqualTo(json("""
                {"breaker":"aramex","transitions":[
                  {"instance_id":"gw-1","sequence":2,"from":"open","to":"forced_open",
                   "occurred_at":"2025-12-28T10:31:00Z","failure_count":3,"success_count":0,
                   "cause":"operator override: maintenance","actor":"ops@haderos.io",
                   "recorded_at":"2025-12-28T10:31:00.250Z"},
                  {"instance_id":"gw-1","sequence":1,"from":"closed","to":"open",
                   "occurred_at":"2025-12-28T10:30:00Z","failure_count":3,"success_count":0,
                   "cause":"3 consecutive failures; last: timeout","actor":null,
                   "recorded_at":"2025-12-28T10:30:00.250Z"}]}"""));
    }

    @Test
    void givenTheAuditTrailCannotBeRead_whenReadingTransitionsOrTheCluster_then503WithRetryAfter() {
        api.fakes().onTransitions(query -> {
            throw new TransitionHistoryUnavailableException("audit trail cannot be read: connection refused", null);
        });
        api.fakes().onCluster(() -> {
            throw new TransitionHistoryUnavailableException("audit trail cannot be read: connection refused", null);
        });

        for (String path : List.of(
                "/api/v1/integrations/monitoring/circuit-breakers/aramex/transitions",
                "/api/v1/integrations/monitoring/cluster")) {
            RestApiExtension.Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(503);
            assertThat(reply.mediaType()).isEqualTo(RestApiExtension.PROBLEM_JSON);
            assertThat(reply.json().path("type").asText()).endsWith("audit-trail-unavailable");
            assertThat(reply.header("Retry-After")).contains("5");
        }
    }

    @Test
    void givenNoParameters_whenRead_thenTheLatestFiftyWithoutBounds() {
        api.fakes().onTransitions(query -> List.of());

        Reply reply = api.get(ARAMEX_TRANSITIONS);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(json("{\"breaker\":\"aramex\",\"transitions\":[]}"));
        assertThat(api.fakes().lastReceived(ReadCircuitTransitionsQuery.class))
                .isEqualTo(ReadCircuitTransitionsQuery.latest(CarrierId.ARAMEX));
    }

    @Test
    void givenEmptyParameters_whenRead_thenTheyMeanNoBoundAndTheDefaultLimit() {
        api.fakes().onTransitions(query -> List.of());

        Reply reply = api.get(ARAMEX_TRANSITIONS + "?since=&until=&limit=");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(api.fakes().lastReceived(ReadCircuitTransitionsQuery.class))
                .isEqualTo(ReadCircuitTransitionsQuery.latest(CarrierId.ARAMEX));
    }

    @Test
    void givenSinceUntilAndLimit_whenRead_thenTheUseCaseIsAskedForExactlyThem() {
        api.fakes().onTransitions(query -> List.of());

        Reply reply = api.get(
                ARAMEX_TRANSITIONS + "?since=2025-12-28T00:00:00Z&until=2025-12-29T03:00:00.5%2B03:00&limit=1000");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(api.fakes().lastReceived(ReadCircuitTransitionsQuery.class))
                .isEqualTo(new ReadCircuitTransitionsQuery(
                        CarrierId.ARAMEX,
                        Optional.of(Instant.parse("2025-12-28T00:00:00Z")),
                        Optional.of(Instant.parse("2025-12-29T00:00:00.500Z")),
                        1000));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "since, yesterday",
        "since, 2025-12-28",
        "since, 2025-12-28T10:30:00",
        "since, 1735381800",
        "until, 2025-13-28T10:30:00Z",
        "until, 2025-12-28 10:30:00Z",
        "limit, 0",
        "limit, 1001",
        "limit, -1",
        "limit, 1.5",
        "limit, ten",
        "limit, 99999999999"
    })
    void givenAMalformedParameter_whenRead_thenA400ProblemNamingIt(String parameter, String value) {
        Reply reply = api.get(ARAMEX_TRANSITIONS + "?" + parameter + "=" + value.replace(" ", "%20"));

        assertInvalid(reply, parameter);
        assertThat(api.fakes().received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"since", "until"})
    void givenAMalformedInstant_whenRead_thenTheDetailShowsTheFormTheApiTakes(String parameter) {
        Reply reply = api.get(ARAMEX_TRANSITIONS + "?" + parameter + "=2025-12-28T10:30:00");

        assertThat(Problems.assertInvalid(reply, parameter).get("detail").asText())
                .contains("must be an ISO-8601 instant with its offset, such as 2026-03-01T03:00:00Z");
    }

    @Test
    void givenUntilBeforeSince_whenRead_thenA400ProblemNamingUntil() {
        Reply reply = api.get(ARAMEX_TRANSITIONS + "?since=2025-12-28T10:30:00Z&until=2025-12-28T10:29:59Z");

        assertInvalid(reply, "until");
    }

    @Test
    void givenACarrierThatIsNotConfigured_whenRead_thenA404Problem() {
        api.fakes().onTransitions(query -> {
            throw new UnknownCarrierException(query.carrier().value());
        });

        Reply reply = api.get(MONITORING + "/dhl/transitions");

        assertProblem(reply, 404, "unknown-carrier");
        assertThat(reply.json().get("detail").asText()).contains("dhl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ARAMEX", "a_b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void givenANameNoCarrierCanHave_whenRead_thenA404WithoutAskingTheUseCase(String name) {
        Reply reply = api.get(MONITORING + "/" + name + "/transitions");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(api.fakes().received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%20b", "aramex;v=1", "aramex%3Bv=1", "%61ramex"})
    void givenANameWrittenWithCharactersNoNameHas_whenRead_thenA400NamingIt(String name) {
        Reply reply = api.get(MONITORING + "/" + name + "/transitions");

        Problems.assertInvalid(reply, "name");
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void givenTwoInstances_whenTheClusterIsViewed_thenEachBreakerOfEachInstanceWithItsLastState() {
        Instant now = Instant.parse("2025-12-28T11:00:00Z");
        api.fakes()
                .onCluster(() -> new ClusterView(
                        List.of(
                                recorded(
                                        "gw-1",
                                        CarrierId.ARAMEX,
                                        4,
                                        CircuitState.HALF_OPEN,
                                        CircuitState.CLOSED,
                                        OPENED,
                                        "2 consecutive successful trial calls",
                                        Optional.empty()),
                                recorded(
                                        "gw-2",
                                        CarrierId.ARAMEX,
                                        1,
                                        CircuitState.CLOSED,
                                        CircuitState.OPEN,
                                        OPENED.plusSeconds(5),
                                        "3 consecutive failures",
                                        Optional.empty())),
                        List.of(
                                new ClusterView.Member(
                                        new GatewayInstance(
                                                "gw-1",
                                                "alpha",
                                                OPENED.minusSeconds(3600),
                                                now.minusSeconds(2),
                                                Optional.empty()),
                                        InstanceStatus.LIVE),
                                new ClusterView.Member(
                                        new GatewayInstance(
                                                "gw-2",
                                                "beta",
                                                OPENED.minusSeconds(600),
                                                OPENED.plusSeconds(7),
                                                Optional.empty()),
                                        InstanceStatus.STALE),
                                new ClusterView.Member(
                                        new GatewayInstance(
                                                "gw-3", "gamma", OPENED.minusSeconds(600), OPENED, Optional.of(OPENED)),
                                        InstanceStatus.STOPPED)),
                        now));

        Reply reply = api.get(CLUSTER);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.mediaType()).isEqualTo(JSON);
        assertThat(reply.json()).isEqualTo(json("""
                {"instances":[
                  {"instance_id":"gw-1","breaker":"aramex","state":"closed","since":"2025-12-28T10:30:00Z",
                   "sequence":4,"recorded_at":"2025-12-28T10:30:00.250Z","last_seen":"2025-12-28T10:59:58Z",
                   "status":"live"},
                  {"instance_id":"gw-2","breaker":"aramex","state":"open","since":"2025-12-28T10:30:05Z",
                   "sequence":1,"recorded_at":"2025-12-28T10:30:05.250Z","last_seen":"2025-12-28T10:30:07Z",
                   "status":"stale"}],
                 "heartbeats":[
                  {"instance_id":"gw-1","name":"alpha","started_at":"2025-12-28T09:30:00Z",
                   "last_seen":"2025-12-28T10:59:58Z","stopped_at":null,"status":"live"},
                  {"instance_id":"gw-2","name":"beta","started_at":"2025-12-28T10:20:00Z",
                   "last_seen":"2025-12-28T10:30:07Z","stopped_at":null,"status":"stale"},
                  {"instance_id":"gw-3","name":"gamma","started_at":"2025-12-28T10:20:00Z",
                   "last_seen":"2025-12-28T10:30:00Z","stopped_at":"2025-12-28T10:30:00Z","status":"stopped"}],
                 "timestamp":"2025-12-28T11:00:00Z"}"""));
    }

    @Test
    void givenNothingRecordedYet_whenTheClusterIsViewed_thenNoInstances() {
        api.fakes().onCluster(() -> new ClusterView(List.of(), OPENED));

        JsonNode json = api.get(CLUSTER).json();

        assertThat(json.get("instances").isArray()).isTrue();
        assertThat(json.get("instances")).isEmpty();
        assertThat(json.get("timestamp").asText()).isEqualTo("2025-12-28T10:30:00Z");
    }

    static RecordedTransition recorded(
            String instance,
            CarrierId carrier,
            long sequence,
            CircuitState from,
            CircuitState to,
            Instant at,
            String cause,
            Optional<String> actor) {
        return new RecordedTransition(
                instance,
                new CircuitStateChanged(carrier, from, to, at, cause, sequence, 3, 0, actor),
                at.plusMillis(250));
    }

    /** A 400 naming {@code field}, its detail starting with the field's name. */
    private static void assertInvalid(Reply reply, String field) {
        assertThat(Problems.assertInvalid(reply, field).get("detail").asText()).startsWith(field + ": ");
    }
}
