package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fault mode, for both stand-ins, observed over real HTTP. */
class FaultInjectionTest extends SandboxOverHttp {

    /** A carrier and a request that creates one shipment on its stand-in. */
    enum Carrier {
        ARAMEX {
            @Override
            HttpResponse<String> create(TestHttp http, Sandbox sandbox) throws Exception {
                return http.postJson(Fixtures.aramex(sandbox, Fixtures.CREATE), Fixtures.createRequest());
            }

            @Override
            URI base(Sandbox sandbox) {
                return sandbox.aramexBaseUri();
            }
        },
        SMSA {
            @Override
            HttpResponse<String> create(TestHttp http, Sandbox sandbox) throws Exception {
                return http.postJson(
                        Fixtures.smsa(sandbox, "api/shipment/b2c/new"),
                        Fixtures.smsaShipment(),
                        "apikey",
                        Fixtures.SMSA_KEY);
            }

            @Override
            URI base(Sandbox sandbox) {
                return sandbox.smsaBaseUri();
            }
        };

        abstract HttpResponse<String> create(TestHttp http, Sandbox sandbox) throws Exception;

        abstract URI base(Sandbox sandbox);

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenDown_whenCalled_thenConnectionRefusedUntilHealthyOnTheSamePort(Carrier carrier) throws Exception {
        URI before = carrier.base(sandbox);

        fault(carrier.id(), "{\"mode\":\"down\"}");

        assertThatThrownBy(() -> carrier.create(new TestHttp(), sandbox)).isInstanceOf(ConnectException.class);
        assertThat(stats(carrier.id()).get("requests").asLong()).isZero();

        fault(carrier.id(), "{\"mode\":\"healthy\"}");

        assertThat(carrier.base(sandbox)).isEqualTo(before);
        assertThat(carrier.create(new TestHttp(), sandbox).statusCode()).isEqualTo(200);
        assertThat(stats(carrier.id()).get("requests").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("answeringAtOnce")
    void givenAModeThatAnswersAtOnce_whenCalled_thenItsStatusAndNothingCreated(Carrier carrier, String mode, int status)
            throws Exception {
        fault(carrier.id(), "{\"mode\":\"" + mode + "\"}");

        HttpResponse<String> response = carrier.create(http, sandbox);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(stats(carrier.id()).get("shipments_created").asLong()).isZero();
    }

    /** Each carrier in each mode that answers without reaching the carrier's protocol, with the status it answers. */
    static Stream<Arguments> answeringAtOnce() {
        return Arrays.stream(Carrier.values())
                .flatMap(carrier -> Stream.of(
                        Arguments.of(carrier, "unavailable", 503),
                        Arguments.of(carrier, "error", 500),
                        Arguments.of(carrier, "garbage", 200)));
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenSlow_whenCalled_thenNormalAnswerAfterTheLatency(Carrier carrier) throws Exception {
        fault(carrier.id(), "{\"mode\":\"slow\",\"latency_ms\":300}");

        long started = System.nanoTime();
        HttpResponse<String> response = carrier.create(http, sandbox);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
        assertThat(stats(carrier.id()).get("shipments_created").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenGarbage_whenCalled_thenAnHtmlPageInsteadOfJson(Carrier carrier) throws Exception {
        fault(carrier.id(), "{\"mode\":\"garbage\"}");

        HttpResponse<String> response = carrier.create(http, sandbox);

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThatThrownBy(() -> TestHttp.MAPPER.readTree(response.body())).isInstanceOf(IOException.class);
    }

    @Test
    void givenAramexReject_whenEveryOperation_thenHttp200WithErr52() throws Exception {
        fault(Carrier.ARAMEX.id(), "{\"mode\":\"reject\"}");

        JsonNode rate = json(http.postJson(Fixtures.aramex(sandbox, Fixtures.RATE), Fixtures.rateRequest()));
        JsonNode create = json(Carrier.ARAMEX.create(http, sandbox));
        JsonNode track =
                json(http.postJson(Fixtures.aramex(sandbox, Fixtures.TRACK), Fixtures.trackRequest("30100000001")));

        assertThat(rate.get("HasErrors").asBoolean()).isTrue();
        assertThat(rate.at("/Notifications/0/Code").asText()).isEqualTo("ERR52");
        assertThat(create.get("HasErrors").asBoolean()).isTrue();
        assertThat(create.get("Notifications")).isEmpty();
        assertThat(create.at("/Shipments/0/Notifications/0/Code").asText()).isEqualTo("ERR52");
        assertThat(create.at("/Shipments/0/Notifications/0/Message").asText())
                .isEqualTo("Consignee.PartyAddress - City name is invalid (Jeddah)");
        assertThat(track.at("/Notifications/0/Code").asText()).isEqualTo("ERR52");
        assertThat(stats(Carrier.ARAMEX.id()).get("shipments_created").asLong()).isZero();
    }

    @Test
    void givenSmsaReject_whenCreate_then400WithErrors() throws Exception {
        fault(Carrier.SMSA.id(), "{\"mode\":\"reject\"}");

        HttpResponse<String> response = Carrier.SMSA.create(http, sandbox);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors").has("ConsigneeAddress.City")).isTrue();
        assertThat(stats(Carrier.SMSA.id()).get("shipments_created").asLong()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenRequestsInSeveralModes_whenStatsRead_thenEveryArrivalCountedAndNoneWhileDown(Carrier carrier)
            throws Exception {
        carrier.create(http, sandbox);
        carrier.create(http, sandbox);
        http.get(carrier.base(sandbox).resolve("/no/such/path"));
        fault(carrier.id(), "{\"mode\":\"unavailable\"}");
        carrier.create(http, sandbox);
        fault(carrier.id(), "{\"mode\":\"down\"}");
        assertThatThrownBy(() -> carrier.create(new TestHttp(), sandbox)).isInstanceOf(IOException.class);

        JsonNode stats = stats(carrier.id());

        assertThat(stats.get("requests").asLong()).isEqualTo(4);
        assertThat(stats.get("shipments_created").asLong()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenFaultAndCounts_whenReset_thenHealthyAndZero(Carrier carrier) throws Exception {
        carrier.create(http, sandbox);
        fault(carrier.id(), "{\"mode\":\"down\"}");

        HttpResponse<String> reset = http.post(control("/" + carrier.id() + "/reset"), "");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(json(reset).get("mode").asText()).isEqualTo("healthy");
        assertThat(stats(carrier.id()).get("requests").asLong()).isZero();
        assertThat(stats(carrier.id()).get("shipments_created").asLong()).isZero();
        assertThat(carrier.create(new TestHttp(), sandbox).statusCode()).isEqualTo(200);
    }

    @Test
    void givenOneStandInSlow_whenOthersCalled_thenTheyAnswerAtOnce() throws Exception {
        fault(Carrier.ARAMEX.id(), "{\"mode\":\"slow\",\"latency_ms\":5000}");
        var slow = http.client()
                .sendAsync(
                        TestHttp.request(Fixtures.aramex(sandbox, Fixtures.RATE), "Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        TestHttp.write(Fixtures.rateRequest())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(2))
                .until(() -> stats(Carrier.ARAMEX.id()).get("requests").asLong() == 1);

        HttpResponse<String> smsa = Carrier.SMSA.create(http, sandbox);
        HttpResponse<String> control = http.get(sandbox.controlUri());

        assertThat(smsa.statusCode()).isEqualTo(200);
        assertThat(control.statusCode()).isEqualTo(200);
        assertThat(slow)
                .as("the others answered while Aramex still holds its request")
                .isNotDone();
        slow.cancel(true);
    }
}
