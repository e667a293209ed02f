package io.haderos.shipping.adapter.smsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of failure SMSA can answer with, over real HTTP and on the create call: which {@link
 * io.haderos.shipping.domain.port.out.CarrierException} each becomes, and whether the breaker counts it.
 * {@link SmsaFaultsTest} covers the same rules one observation at a time.
 */
class SmsaFaultsIT extends SmsaFixture {
    // ------------------------------------------------------------------------ SMSA's words about the request

    @Nested
    class BusinessErrors {

        @Test
        void given400WithFieldErrors_whenCreating_thenRejectedWithOneMessagePerFieldMessageAndNothingCounted() {
            stubCreate(status(500));
            createFails();
            stubCreate(aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(VALIDATION_ERRORS));

            CarrierRejectedException rejected =
                    thrown(CarrierRejectedException.class, () -> carrier.createShipment(shipment()));

            assertThat(rejected.messages())
                    .containsExactly(
                            new CarrierMessage(
                                    "ConsigneeAddress.AddressLine1",
                                    "AddressLine1 must be between 10 and 100 characters."),
                            new CarrierMessage("ConsigneeAddress.City", "The City field is required."),
                            new CarrierMessage("ConsigneeAddress.City", "City must be 3 to 50 characters."));
            assertThat(rejected.carrier()).isEqualTo(CarrierId.SMSA);
            assertBreaker(CircuitState.CLOSED, 1, 0);
        }

        @Test
        void given200WithStatusFailed_whenCreating_thenRejectedWithSmsasMessageAndNothingCounted() {
            stubCreate(okJson("{\"status\": \"Failed\", \"message\": \"Invalid consignee city\"}"));

            CarrierRejectedException rejected =
                    thrown(CarrierRejectedException.class, () -> carrier.createShipment(shipment()));

            assertThat(rejected.messages()).containsExactly(new CarrierMessage("", "Invalid consignee city"));
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }
    }

    // ------------------------------------------------------------------ other HTTP statuses and the network

    @Nested
    class TransportFaults {

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {401, 403})
        void givenTheKeyIsRefused_whenCreating_thenConfigurationProblemWithoutTheKeyAndNothingCounted(int status) {
            stubCreate(aResponse().withStatus(status).withBody("Unauthorized: apikey " + API_KEY + " is not valid"));

            CarrierConfigurationException problem =
                    thrown(CarrierConfigurationException.class, () -> carrier.createShipment(shipment()));

            assertThat(problem.getMessage()).contains("HTTP " + status).doesNotContain(API_KEY);
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {404, 405, 415})
        void givenAnotherClientErrorStatus_whenCreating_thenConfigurationProblemAndNothingCounted(int status) {
            stubCreate(aResponse().withStatus(status).withBody("<html>nope " + API_KEY + "</html>"));

            CarrierConfigurationException problem =
                    thrown(CarrierConfigurationException.class, () -> carrier.createShipment(shipment()));

            assertThat(problem.getMessage()).contains("HTTP " + status);
            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @Test
        void given400WithoutFieldErrors_whenCreating_thenConfigurationProblem() {
            stubCreate(aResponse().withStatus(400).withBody("Bad Request"));

            thrown(CarrierConfigurationException.class, () -> carrier.createShipment(shipment()));

            assertBreaker(CircuitState.CLOSED, 0, 0);
        }

        @ParameterizedTest(name = "HTTP {0} -> {1}")
        @CsvSource({
            "500, SERVER_ERROR",
            "501, SERVER_ERROR",
            "502, SERVICE_UNAVAILABLE",
            "503, SERVICE_UNAVAILABLE",
            "504, TIMEOUT",
            "429, SERVICE_UNAVAILABLE",
            "302, CARRIER_ERROR"
        })
        void givenAServerSideStatus_whenCreating_thenCarrierFaultThatCounts(int status, Reason reason) {
            stubCreate(aResponse().withStatus(status).withBody("<html>Service Unavailable</html>"));

            assertThat(createFailsCounted(reason).getMessage()).contains("HTTP " + status);
        }

        @Test
        void given503WithRetryAfter_whenCreating_thenTheHintIsKept() {
            stubCreate(aResponse().withStatus(503).withHeader("Retry-After", "30"));

            CarrierUnavailableException fault = createFails();

            assertThat(fault.reason()).isEqualTo(Reason.SERVICE_UNAVAILABLE);
            assertThat(fault.reason().mayHaveBeenProcessed()).isFalse();
            assertThat(fault.retryAfter()).contains(Duration.ofSeconds(30));
        }

        @Test
        void givenNothingListens_whenCreating_thenConnectionRefusedThatCounts() {
            carrier = carrierAt(URI.create("http://127.0.0.1:" + closedPort()), Duration.ofSeconds(5));

            assertThat(createFailsCounted(Reason.CONNECTION_REFUSED).reason().mayHaveBeenProcessed())
                    .isFalse();
        }

        @Test
        void givenSmsaAnswersAfterTheTimeout_whenCreating_thenTimeoutThatCounts() {
            carrier = carrierAt(URI.create(SMSA.baseUrl()), Duration.ofMillis(300));
            stubCreate(okJson(CREATED).withFixedDelay(3_000));

            assertThat(createFailsCounted(Reason.TIMEOUT).getMessage()).contains("300 ms");
        }

        @Test
        void givenTheBodyTricklesInSlowerThanTheTimeout_whenCreating_thenTimeoutCoversTheWholeReply() {
            carrier = carrierAt(URI.create(SMSA.baseUrl()), Duration.ofMillis(300));
            stubCreate(okJson(CREATED).withChunkedDribbleDelay(5, 3_000));

            assertThat(createFails().reason()).isEqualTo(Reason.TIMEOUT);
        }

        @Test
        void givenTheConnectionBreaks_whenCreating_thenConnectionLostThatCounts() {
            stubCreate(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

            assertThat(createFailsCounted(Reason.CONNECTION_LOST).reason().mayHaveBeenProcessed())
                    .isTrue();
        }

        @Test
        void given200WithAnHtmlPage_whenCreating_thenUnreadableReplyThatCounts() {
            stubCreate(aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Scheduled maintenance</body></html>"));

            createFailsCounted(Reason.UNREADABLE_REPLY);
        }

        @ParameterizedTest(name = "body [{0}]")
        @ValueSource(
                strings = {
                    "{\"hello\": \"world\"}",
                    "[1, 2]",
                    "{\"sawb\": \"1\", \"waybills\": \"abc\"}",
                    "{\"sawb\": \"1\"} trailing",
                    ""
                })
        void given200WithJsonOfTheWrongShape_whenCreating_thenUnreadableReplyThatCounts(String body) {
            stubCreate(okJson(body));

            createFailsCounted(Reason.UNREADABLE_REPLY);
        }
    }
}
