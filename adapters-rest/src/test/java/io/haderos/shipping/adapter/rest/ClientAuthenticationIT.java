package io.haderos.shipping.adapter.rest;

import static io.haderos.shipping.adapter.rest.Fixtures.ORDER_ID;
import static io.haderos.shipping.adapter.rest.Fixtures.RATES;
import static io.haderos.shipping.adapter.rest.Fixtures.RATE_REQUEST;
import static io.haderos.shipping.adapter.rest.Fixtures.SHIP;
import static io.haderos.shipping.adapter.rest.Fixtures.SHIP_REQUEST;
import static io.haderos.shipping.adapter.rest.Fixtures.createdByAramex;
import static io.haderos.shipping.adapter.rest.Fixtures.quotedByAramex;
import static io.haderos.shipping.adapter.rest.RestApiExtension.JSON;
import static io.haderos.shipping.adapter.rest.RestApiExtension.PROBLEM_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.adapter.rest.RestApiExtension.Reply;
import io.haderos.shipping.application.port.in.OrderConflictException;
import io.haderos.shipping.application.port.in.ShipOrderCommand;
import io.haderos.shipping.application.port.in.ShipOrderResult;
import io.haderos.shipping.domain.model.ClientId;
import io.haderos.shipping.domain.model.OrderId;
import io.haderos.shipping.domain.model.ShipmentTracking;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With clients configured, every request to the shipping API names its client by bearer token; an order is its
 * creator's alone; operator actions and monitoring keep their own rules (docs/architecture.md#security).
 */
class ClientAuthenticationIT {

    static final String WEB_TOKEN = "web-token-7f3a9c1e5b2d4f6a8c0e2b4d6f8a1c3e";
    static final String APP_TOKEN = "app-token-0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";
    static final String ADMIN_TOKEN = "admin-token-of-the-operators";
    static final ClientId WEB = ClientId.of("shop-web");
    static final ClientId APP = ClientId.of("shop-app");

    static final List<String> refusals = new CopyOnWriteArrayList<>();
    static final List<ClientId> limited = new CopyOnWriteArrayList<>();
    static volatile Optional<Duration> appWait = Optional.empty();

    @RegisterExtension
    static final RestApiExtension api = RestApiExtension.with(builder -> builder.adminToken(Optional.of(ADMIN_TOKEN))
            .clients(ClientTokens.of(Map.of(WEB, sha256Hex(WEB_TOKEN), APP, sha256Hex(APP_TOKEN))))
            .rateLimits(client -> client.equals(APP) ? appWait : Optional.empty())
            .observer(new AccessObserver() {
                @Override
                public void refused(Kind kind, Reason reason) {
                    refusals.add(kind.tag() + ":" + reason.tag());
                }

                @Override
                public void rateLimited(ClientId client) {
                    limited.add(client);
                }
            }));

    static String sha256Hex(String token) {
        return HexFormat.of().formatHex(ClientTokens.sha256(token));
    }

    private static Reply send(String method, String path, String body, String... headers) {
        return api.send(method, path, body == null ? null : JSON, body, headers);
    }

    private static Reply as(String token, String method, String path, String body) {
        return api.sendWithToken(token, method, path, body);
    }

    static Stream<String[]> clientRequests() {
        return Stream.of(
                new String[] {"POST", RATES, RATE_REQUEST},
                new String[] {"POST", SHIP, SHIP_REQUEST},
                new String[] {"GET", "/orders/" + ORDER_ID + "/shipment", null},
                new String[] {"GET", "/orders/" + ORDER_ID + "/label", null},
                new String[] {"GET", "/api/v1/shipments/aramex/30123456789", null});
    }

    private void scriptEveryUseCase() {
        refusals.clear();
        limited.clear();
        appWait = Optional.empty();
        api.fakes().onQuoteRates(request -> quotedByAramex());
        api.fakes().onShipOrder(command -> new ShipOrderResult(createdByAramex(), false));
        api.fakes().onFindShipment(orderId -> Optional.of(createdByAramex()));
        api.fakes().onTrack((carrier, tracking) -> new ShipmentTracking(carrier, tracking, false, List.of()));
        api.fakes().onLabels(orderId -> createdByAramex().shipment().orElseThrow());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("clientRequests")
    void givenNoToken_whenCallingTheShippingApi_then401WithTheChallengeAndNothingIsAsked(
            String method, String path, String body) {
        scriptEveryUseCase();

        Reply reply = send(method, path, body);

        assertUnauthorized(reply);
        assertThat(api.fakes().received()).isEmpty();
        assertThat(refusals).containsExactly("client:missing");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("clientRequests")
    void givenAWrongToken_whenCallingTheShippingApi_then401LikeAMissingOne(String method, String path, String body) {
        scriptEveryUseCase();
        Reply missing = send(method, path, body);

        Reply wrong = as("not-a-token-any-client-has-0123456789", method, path, body);

        assertUnauthorized(wrong);
        assertThat(wrong.body()).isEqualTo(missing.body());
        assertThat(api.fakes().received()).isEmpty();
        assertThat(refusals).containsExactly("client:missing", "client:unknown_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic d2ViOnRva2Vu", "Bearer", "Bearer  ", "Token " + WEB_TOKEN, WEB_TOKEN})
    void givenAMalformedAuthorization_whenQuoting_then401(String authorization) {
        scriptEveryUseCase();

        Reply reply = send("POST", RATES, RATE_REQUEST, "Authorization", authorization);

        assertUnauthorized(reply);
        assertThat(refusals).containsExactly("client:malformed");
    }

    @Test
    void givenTwoAuthorizationHeaders_whenQuoting_then401() {
        scriptEveryUseCase();

        Reply reply =
                send("POST", RATES, RATE_REQUEST, "Authorization", "Bearer " + WEB_TOKEN, "Authorization", "Bearer x");

        assertUnauthorized(reply);
        assertThat(refusals).containsExactly("client:malformed");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("clientRequests")
    void givenAClientsToken_whenCallingTheShippingApi_thenServedWithTheSecurityHeaders(
            String method, String path, String body) {
        scriptEveryUseCase();

        Reply reply = as(WEB_TOKEN, method, path, body);

        assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
        // A label is the one answer a client may keep, and only the client: no shared cache ever may.
        assertThat(reply.header("Cache-Control"))
                .contains(path.endsWith("/label") ? "private, max-age=86400" : "no-store");
        assertThat(reply.body()).doesNotContain(WEB_TOKEN, sha256Hex(WEB_TOKEN));
        assertThat(refusals).isEmpty();
    }

    @Test
    void givenAClientsToken_whenShipping_thenTheCommandIsThatClients() {
        scriptEveryUseCase();

        as(APP_TOKEN, "POST", SHIP, SHIP_REQUEST);

        assertThat(api.fakes().lastReceived(ShipOrderCommand.class).client()).isEqualTo(APP);
    }

    @Test
    void givenAClientsToken_whenReadingAnOrder_thenTheUseCaseIsAskedForThatClient() {
        scriptEveryUseCase();

        as(WEB_TOKEN, "GET", "/orders/" + ORDER_ID + "/shipment", null);

        assertThat(api.fakes().lastReceived(ClientId.class)).isEqualTo(WEB);
    }

    @Test
    void givenAClientsToken_whenReadingAnOrdersLabel_thenTheUseCaseIsAskedForThatClient() {
        scriptEveryUseCase();

        Reply label = as(APP_TOKEN, "GET", "/orders/" + ORDER_ID + "/label", null);

        assertThat(label.status()).isEqualTo(200);
        assertThat(api.fakes().lastReceived(ClientId.class)).isEqualTo(APP);
    }

    @Test
    void givenAnotherClientsOrder_whenRead_then404JustLikeAnUnknownOrder() {
        scriptEveryUseCase();
        api.fakes().onFindShipment(orderId -> Optional.empty());
        Reply unknown = as(WEB_TOKEN, "GET", "/orders/" + ORDER_ID + "/shipment", null);

        Reply others = as(APP_TOKEN, "GET", "/orders/" + ORDER_ID + "/shipment", null);

        assertThat(others.status()).isEqualTo(404);
        assertThat(others.body()).isEqualTo(unknown.body());
    }

    @Test
    void givenAnotherClientsOrder_whenItsIdIsShippedAgain_then409OrderIdTaken() {
        scriptEveryUseCase();
        api.fakes().onShipOrder(command -> {
            throw new OrderConflictException(command.orderId(), OrderConflictException.Reason.ORDER_ID_TAKEN);
        });

        Reply reply = as(APP_TOKEN, "POST", SHIP, SHIP_REQUEST);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.json().get("reason").asText()).isEqualTo("order_id_taken");
        assertThat(reply.json().get("order_id").asText()).isEqualTo(ORDER_ID);
    }

    @Test
    void givenAClientOverItsRateLimit_whenQuoting_then429WithRetryAfterInWholeSecondsAndOthersAreServed() {
        scriptEveryUseCase();
        appWait = Optional.of(Duration.ofMillis(1500));

        Reply limitedReply = as(APP_TOKEN, "POST", RATES, RATE_REQUEST);
        Reply other = as(WEB_TOKEN, "POST", RATES, RATE_REQUEST);

        assertThat(limitedReply.status()).isEqualTo(429);
        assertThat(limitedReply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(limitedReply.header("Retry-After")).contains("2");
        assertThat(limitedReply.json().get("retry_after_seconds").asInt()).isEqualTo(2);
        assertThat(limitedReply.json().get("type").asText()).isEqualTo("https://haderos.io/problems/too-many-requests");
        assertThat(limited).containsExactly(APP);
        assertThat(other.status()).isEqualTo(200);
        assertThat(api.fakes().received()).hasSize(1);
    }

    @Test
    void givenAnUnauthenticatedRequest_whenItIsAlsoOverALimit_thenTheRateLimitIsNeverConsulted() {
        scriptEveryUseCase();
        appWait = Optional.of(Duration.ofSeconds(5));

        Reply reply = send("POST", RATES, RATE_REQUEST);

        assertUnauthorized(reply);
        assertThat(limited).isEmpty();
    }

    @Test
    void givenAClientsToken_whenAttemptingAnOperatorAction_then403AndTheAdminRefusalIsCounted() {
        scriptEveryUseCase();

        Reply reply =
                as(WEB_TOKEN, "POST", "/orders/" + ORDER_ID + "/shipment/resolution", "{\"outcome\":\"not_created\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(refusals).containsExactly("admin:unknown_token");
        assertThat(api.fakes().received()).isEmpty();
    }

    @Test
    void givenTheAdminToken_whenQuoting_then401ForItIsNoClientsToken() {
        scriptEveryUseCase();

        Reply reply = as(ADMIN_TOKEN, "POST", RATES, RATE_REQUEST);

        assertUnauthorized(reply);
        assertThat(refusals).containsExactly("client:unknown_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/live", "/dashboard"})
    void givenNoToken_whenReadingOperationsEndpoints_thenServed(String path) {
        scriptEveryUseCase();

        Reply reply = send("GET", path, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(refusals).isEmpty();
    }

    @Test
    void givenTheDashboard_thenItKeepsItsOwnCachingRule() {
        Reply reply = send("GET", "/dashboard", null);

        assertThat(reply.header("Cache-Control")).contains("no-cache");
    }

    @Test
    void givenAPathWithMatrixParameters_whenReadWithAValidToken_then400NamingTheOrderId() {
        scriptEveryUseCase();

        Reply reply = as(WEB_TOKEN, "GET", "/orders/" + ORDER_ID + ";v=1/shipment", null);

        Problems.assertInvalid(reply, "order_id");
        assertThat(api.fakes().received()).isEmpty();
    }

    private static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.mediaType()).isEqualTo(PROBLEM_JSON);
        assertThat(reply.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(reply.json().get("type").asText()).isEqualTo("https://haderos.io/problems/unauthorized");
        assertThat(reply.body()).doesNotContain(WEB_TOKEN, APP_TOKEN, "shop-web", "shop-app");
    }

    @Test
    void theOrderIdOfTheFixturesIsValid() {
        assertThat(OrderId.of(ORDER_ID).value()).isEqualTo(ORDER_ID);
    }
}
