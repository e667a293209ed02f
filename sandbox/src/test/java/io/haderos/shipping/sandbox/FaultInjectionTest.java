package io.haderos.shipping.sandbox;

import static io.haderos.shipping.sandbox.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fault mode, for both stand-ins, observed over real HTTP. */
class FaultInjectionTest {

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

    private final TestHttp http = new TestHttp();

    @AutoClose
    private final Sandbox sandbox = Fixtures.startSandbox();

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenDown_whenCalled_thenConnectionRefusedUntilHealthyOnTheSamePort(Carrier carrier) throws Exception {
        URI before = carrier.base(sandbox);

        fault(carrier, "{\"mode\":\"down\"}");

        assertThatThrownBy(() -> carrier.create(new TestHttp(), sandbox)).isInstanceOf(ConnectException.class);
        assertThat(stats(carrier).get("requests").asLong()).isZero();

        fault(carrier, "{\"mode\":\"healthy\"}");

        assertThat(carrier.base(sandbox)).isEqualTo(before);
        assertThat(carrier.create(new TestHttp(), sandbox).statusCode()).isEqualTo(200);
        assertThat(stats(carrier).get("requests").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenUnavailable_whenCalled_then503AndNothingCreated(Carrier carrier) throws Exception {
        fault(carrier, "{\"mode\":\"unavailable\"}");

        HttpResponse<String> response = carrier.create(http, sandbox);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(stats(carrier).get("shipments_created").asLong()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenError_whenCalled_then500(Carrier carrier) throws Exception {
        fault(carrier, "{\"mode\":\"error\"}");

        assertThat(carrier.create(http, sandbox).statusCode()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenSlow_whenCalled_thenNormalAnswerAfterTheLatency(Carrier carrier) throws Exception {
        fault(carrier, "{\"mode\":\"slow\",\"latency_ms\":300}");

        long started = System.nanoTime();
        HttpResponse<String> response = carrier.create(http, sandbox);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
        assertThat(stats(carrier).get("shipments_created").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenGarbage_whenCalled_then200WithAnHtmlPage(Carrier carrier) throws Exception {
        fault(carrier, "{\"mode\":\"garbage\"}");

        HttpResponse<String> response = carrier.create(http, sandbox);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThatThrownBy(() -> TestHttp.MAPPER.readTree(response.body())).isInstanceOf(IOException.class);
    }

    @Test
    void givenAramexReject_whenEveryOperation_thenHttp200WithErr52() throws Exception {
        fault(Carrier.ARAMEX, "{\"mode\":\"reject\"}");

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
        assertThat(stats(Carrier.ARAMEX).get("shipments_created").asLong()).isZero();
    }

    @Test
    void givenSmsaReject_whenCreate_then400WithErrors() throws Exception {
        fault(Carrier.SMSA, "{\"mode\":\"reject\"}");

        HttpResponse<String> response = Carrier.SMSA.create(http, sandbox);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/errors").has("ConsigneeAddress.City")).isTrue();
        assertThat(stats(Carrier.SMSA).get("shipments_created").asLong()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenRequestsInSeveralModes_whenStatsRead_thenEveryArrivalCountedAndNoneWhileDown(Carrier carrier)
            throws Exception {
        carrier.create(http, sandbox);
        carrier.create(http, sandbox);
        http.get(carrier.base(sandbox).resolve("/no/such/path"));
        fault(carrier, "{\"mode\":\"unavailable\"}");
        carrier.create(http, sandbox);
        fault(carrier, "{\"mode\":\"down\"}");
        assertThatThrownBy(() -> carrier.create(new TestHttp(), sandbox)).isInstanceOf(IOException.class);

        JsonNode stats = stats(carrier);

        assertThat(stats.get("requests").asLong()).isEqualTo(4);
        assertThat(stats.get("shipments_created").asLong()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void givenFaultAndCounts_whenReset_thenHealthyAndZero(Carrier carrier) throws Exception {
        carrier.create(http, sandbox);
        fault(carrier, "{\"mode\":\"down\"}");

        HttpResponse<String> reset = http.post(URI.create(sandbox.controlUri() + "/" + carrier.id() + "/reset"), "");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(json(reset).get("mode").asText()).isEqualTo("healthy");
        assertThat(stats(carrier).get("requests").asLong()).isZero();
        assertThat(stats(carrier).get("shipments_created").asLong()).isZero();
        assertThat(carrier.create(new TestHttp(), sandbox).statusCode()).isEqualTo(200);
    }

    @Test
    void givenOneStandInSlow_whenOthersCalled_thenTheyAnswerAtOnce() throws Exception {
        fault(Carrier.ARAMEX, "{\"mode\":\"slow\",\"latency_ms\":5000}");
        var slow = http.client()
                .sendAsync(
                        TestHttp.request(Fixtures.aramex(sandbox, Fixtures.RATE), "Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        TestHttp.write(Fixtures.rateRequest())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(2))
                .until(() -> stats(Carrier.ARAMEX).get("requests").asLong() == 1);

        HttpResponse<String> smsa = Carrier.SMSA.create(http, sandbox);
        HttpResponse<String> control = http.get(sandbox.controlUri());

        assertThat(smsa.statusCode()).isEqualTo(200);
        assertThat(control.statusCode()).isEqualTo(200);
        assertThat(slow)
                .as("the others answered while Aramex still holds its request")
                .isNotDone();
        slow.cancel(true);
    }

    private void fault(Carrier carrier, String body) throws Exception {
        HttpResponse<String> response =
                http.putJson(URI.create(sandbox.controlUri() + "/" + carrier.id() + "/fault"), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode stats(Carrier carrier) throws Exception {
        return json(http.get(URI.create(sandbox.controlUri() + "/" + carrier.id() + "/stats")));
    }
}
