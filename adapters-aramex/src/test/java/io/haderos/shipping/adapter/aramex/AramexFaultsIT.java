package io.haderos.shipping.adapter.aramex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of failure Aramex can answer with, over real HTTP: which {@link
 * io.haderos.shipping.domain.port.out.CarrierException} each becomes, and whether the breaker counts it.
 * {@link AramexFaultsTest} covers the same rules one observation at a time.
 */
class AramexFaultsIT extends AramexFixture {
    // ------------------------------------------------------------------------ HTTP 200 with HasErrors

    @Nested
    class BusinessErrors {

        @Test
        void givenErr52_whenQuoting_thenRejectedWithTheCarriersMessageAndCountsUnchanged() {
            oneFaultFirst();
            stub(RATE_PATH, errors("""
                    [{"Code": "ERR52", "Message": "DestinationAddress - City name is invalid (Dubay)"}]"""));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertRejectedWith(failure, "ERR52", "DestinationAddress - City name is invalid (Dubay)");
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenErr01EchoingOurSecrets_whenQuoting_thenConfigurationFaultWithoutSecretsAndNotCounted() {
            oneFaultFirst();
            stub(RATE_PATH, errors("""
                    [{"Code": "ERR01", "Message": "ClientInfo - Invalid username or password (%s / %s)"}]""".formatted(PASSWORD, PIN)));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(failure)
                    .isInstanceOf(CarrierConfigurationException.class)
                    .hasMessageContaining("ERR01")
                    .hasMessageNotContaining(PASSWORD)
                    .hasMessageNotContaining(PIN);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenUnknownCode_whenQuoting_thenCarrierErrorAndCounted() {
            stub(RATE_PATH, errors("[{\"Code\": \"ERR99\", \"Message\": \"Unexpected internal error\"}]"));

            assertThat(quotingFailsCounted(Reason.CARRIER_ERROR)).hasMessageContaining("ERR99");
        }

        @Test
        void givenHasErrorsWithEmptyNotifications_whenQuoting_thenCarrierErrorAndCounted() {
            stub(RATE_PATH, errors("[]"));

            quotingFailsCounted(Reason.CARRIER_ERROR);
        }

        @Test
        void givenErrorOnlyInsideShipmentsNotifications_whenCreating_thenRejectedAndNotCounted() {
            oneFaultFirst();
            stub(CREATE_PATH, okJson("""
                    {"Transaction": {"Reference1": "ORD-100245"}, "Notifications": [], "HasErrors": true,
                     "Shipments": [{"ID": null, "Reference1": "ORD-100245", "ForeignHAWB": "", "HasErrors": true,
                       "Notifications": [{"Code": "ERR52", "Message": "Consignee.PartyAddress - City name is invalid (Jedda)"}],
                       "ShipmentLabel": null, "ShipmentDetails": null, "ShipmentAttachments": null}]}
                    """));

            Throwable failure = catchThrowable(() -> carrier.createShipment(oneKilogram()));

            assertRejectedWith(failure, "ERR52", "Consignee.PartyAddress - City name is invalid (Jedda)");
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenShipmentLevelErrorButTopLevelHasErrorsFalse_whenCreating_thenStillRejected() {
            stub(CREATE_PATH, okJson("""
                    {"Notifications": [], "HasErrors": false,
                     "Shipments": [{"ID": null, "HasErrors": true,
                       "Notifications": [{"Code": "REQ12", "Message": "Consignee phone is required"}]}]}
                    """));

            assertThatThrownBy(() -> carrier.createShipment(oneKilogram()))
                    .isInstanceOf(CarrierRejectedException.class)
                    .hasMessageContaining("REQ12");
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }
    }

    // ------------------------------------------------------------------ other HTTP statuses and the network

    @Nested
    class TransportFaults {

        @ParameterizedTest
        @ValueSource(ints = {400, 404})
        void givenHtmlRequestErrorPage_whenQuoting_thenConfigurationFaultAndNotCounted(int status) {
            oneFaultFirst();
            stub(
                    RATE_PATH,
                    aResponse()
                            .withStatus(status)
                            .withHeader("Content-Type", "text/html")
                            .withBody(
                                    "<html><body><h1>Request Error</h1>The server encountered an error processing the "
                                            + "request.</body></html>"));

            Throwable failure = catchThrowable(() -> carrier.quoteRates(DOMESTIC_RATE));

            assertThat(failure)
                    .isInstanceOf(CarrierConfigurationException.class)
                    .hasMessageContaining("HTTP " + status)
                    .hasMessageContaining("our request or endpoint is wrong");
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void givenHttp500_whenCreating_thenServerErrorThatMayHaveBeenProcessedAndCounted() {
            stub(CREATE_PATH, aResponse().withStatus(500).withBody("Internal Server Error"));

            Throwable failure = catchThrowable(() -> carrier.createShipment(oneKilogram()));

            assertThat(reasonOf(failure)).isEqualTo(Reason.SERVER_ERROR);
            assertThat(reasonOf(failure).mayHaveBeenProcessed()).isTrue();
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @ParameterizedTest
        @ValueSource(ints = {502, 503})
        void givenGatewayOrServiceUnavailable_whenQuoting_thenServiceUnavailableAndCounted(int status) {
            stub(
                    RATE_PATH,
                    aResponse()
                            .withStatus(status)
                            .withHeader("Retry-After", "30")
                            .withHeader("Content-Type", "text/html")
                            .withBody("<html>Service Unavailable</html>"));

            assertThat(quotingFailsCounted(Reason.SERVICE_UNAVAILABLE).retryAfter())
                    .contains(Duration.ofSeconds(30));
        }

        @Test
        void givenGatewayTimeout_whenQuoting_thenTimeoutAndCounted() {
            stub(RATE_PATH, aResponse().withStatus(504));

            quotingFailsCounted(Reason.TIMEOUT);
        }

        @Test
        void givenClosedPort_whenQuoting_thenConnectionRefusedNotProcessedAndCounted() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            carrier =
                    AramexShippingCarrier.create(config().baseUrl("http://127.0.0.1:" + closedPort + "/ShippingAPI.V2/")
                            .build());

            assertThat(quotingFailsCounted(Reason.CONNECTION_REFUSED).reason().mayHaveBeenProcessed())
                    .isFalse();
        }

        @Test
        void givenReplySlowerThanTheConfiguredTimeout_whenQuoting_thenTimeoutAndCounted() {
            carrier = AramexShippingCarrier.create(
                    config().timeout(Duration.ofMillis(200)).build());
            stub(RATE_PATH, okJson(RATE_OK).withFixedDelay(2_000));

            assertThat(quotingFailsCounted(Reason.TIMEOUT).reason().mayHaveBeenProcessed())
                    .isTrue();
        }

        @Test
        void givenConnectionResetMidReply_whenQuoting_thenConnectionLostAndCounted() {
            stub(RATE_PATH, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

            quotingFailsCounted(Reason.CONNECTION_LOST);
        }

        @Test
        void givenMaintenancePageWithStatus200_whenQuoting_thenUnreadableReplyAndCounted() {
            stub(
                    RATE_PATH,
                    aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "text/html")
                            .withBody("<html><body>Down for maintenance</body></html>"));

            assertThat(quotingFailsCounted(Reason.UNREADABLE_REPLY)).hasMessageContaining("CalculateRate");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{}",
                    "[]",
                    "\"ok\"",
                    "{\"HasErrors\": false, \"TotalAmount\": null}",
                    "{\"HasErrors\": false, \"TotalAmount\": {\"CurrencyCode\": \"???\", \"Value\": 1}}",
                    "{\"HasErrors\": false, \"TotalAmount\": {\"CurrencyCode\": \"SAR\", \"Value\": -1}}"
                })
        void givenJsonOfTheWrongShape_whenQuoting_thenUnreadableReplyAndCounted(String body) {
            stub(RATE_PATH, okJson(body));

            quotingFailsCounted(Reason.UNREADABLE_REPLY);
        }
    }

    /** {@code failure} is a rejection that carries exactly this one message of Aramex's. */
    private static void assertRejectedWith(Throwable failure, String code, String message) {
        assertThat(failure)
                .isInstanceOfSatisfying(
                        CarrierRejectedException.class,
                        rejected -> assertThat(rejected.messages()).containsExactly(new CarrierMessage(code, message)));
    }
}
