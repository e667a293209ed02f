package io.haderos.shipping.adapter.smsa;

import static io.haderos.shipping.adapter.smsa.SmsaFixture.API_KEY;
import static io.haderos.shipping.adapter.smsa.SmsaFixture.VALIDATION_ERRORS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.StandardError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SMSA's failure rules one observation at a time; {@link SmsaFaultsIT} covers them over real HTTP. */
class SmsaFaultsTest {

    private static final String CREATE = SmsaOperation.CREATE_B2C_SHIPMENT.toString();

    private final SmsaFaults faults = new SmsaFaults(SmsaJson.mapper(), API_KEY);

    private static SmsaHttp.Reply reply(int status, String body, Map<String, List<String>> headers) {
        return new SmsaHttp.Reply(CREATE, status, HttpHeaders.of(headers, (name, value) -> true), body);
    }

    private static Reason reason(Throwable failure) {
        assertThat(failure).isInstanceOf(CarrierUnavailableException.class);
        return ((CarrierUnavailableException) failure).reason();
    }

    @Test
    void given400WithFieldErrors_whenClassified_thenRejectedWithOneMessagePerFieldMessage() {
        CarrierException failure = faults.forStatus(reply(400, VALIDATION_ERRORS, Map.of()));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        CarrierRejectedException.class,
                        rejected -> assertThat(rejected.messages())
                                .containsExactly(
                                        new CarrierMessage(
                                                "ConsigneeAddress.AddressLine1",
                                                "AddressLine1 must be between 10 and 100 characters."),
                                        new CarrierMessage("ConsigneeAddress.City", "The City field is required."),
                                        new CarrierMessage(
                                                "ConsigneeAddress.City", "City must be 3 to 50 characters.")));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 405, 415})
    void givenOurSideStatus_whenClassified_thenConfigurationFault(int status) {
        CarrierException failure = faults.forStatus(reply(status, "<html>nope</html>", Map.of()));

        assertThat(failure).isInstanceOf(CarrierConfigurationException.class).hasMessageContaining("HTTP " + status);
    }

    @Test
    void given400WithoutFieldErrors_whenClassified_thenConfigurationFaultWithSmsasTitle() {
        CarrierException failure = faults.forStatus(reply(400, "{\"title\": \"Bad Request\"}", Map.of()));

        assertThat(failure)
                .isInstanceOf(CarrierConfigurationException.class)
                .hasMessageContaining("HTTP 400 without field errors")
                .hasMessageEndingWith(": Bad Request");
    }

    @ParameterizedTest
    @MethodSource("io.haderos.shipping.adapter.carrierhttp.CarrierFaultCases#carrierSideStatuses")
    @CsvSource({"302,CARRIER_ERROR", "101,CARRIER_ERROR"})
    void givenCarrierSideStatus_whenClassified_thenCountedFault(int status, Reason expected) {
        CarrierException failure = faults.forStatus(reply(status, "", Map.of()));

        assertThat(reason(failure)).isEqualTo(expected);
        assertThat(failure).hasMessageContaining("HTTP " + status).hasMessageContaining(CREATE);
    }

    @Test
    void givenServiceUnavailableWithRetryAfter_whenClassified_thenRetryAfterIsKeptWhenItIsSeconds() {
        CarrierException seconds = faults.forStatus(reply(503, "", Map.of("Retry-After", List.of("30"))));
        CarrierException date =
                faults.forStatus(reply(503, "", Map.of("Retry-After", List.of("Wed, 21 Oct 2025 07:28:00 GMT"))));

        assertThat(((CarrierUnavailableException) seconds).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(((CarrierUnavailableException) date).retryAfter()).isEmpty();
    }

    @Test
    void givenA200WithoutWaybill_whenClassified_thenStatusFailedIsRejectedAndAnythingElseUnreadable() {
        JsonNode failed = json("{\"status\": \"Failed\", \"message\": \"Invalid consignee city\"}");
        JsonNode other = json("{\"hello\": \"world\"}");

        assertThat(faults.notCreated(CREATE, failed))
                .isInstanceOfSatisfying(
                        CarrierRejectedException.class,
                        rejected -> assertThat(rejected.messages())
                                .containsExactly(new CarrierMessage("", "Invalid consignee city")));
        assertThat(reason(faults.notCreated(CREATE, other))).isEqualTo(Reason.UNREADABLE_REPLY);
    }

    @ParameterizedTest
    @MethodSource("io.haderos.shipping.adapter.carrierhttp.CarrierFaultCases#ioFailures")
    void givenNetworkFailure_whenClassified_thenRefusedTimeoutOrLost(IOException failure, Reason expected) {
        assertThat(faults.forIoFailure(CREATE, failure, Duration.ofSeconds(2)).reason())
                .isEqualTo(expected);
    }

    @Test
    void givenNoConnectionInTime_whenClassified_thenTheMessageNamesTheConnectTimeout() {
        assertThat(faults.forIoFailure(
                                CREATE, new HttpConnectTimeoutException("connect timed out"), Duration.ofSeconds(2))
                        .getMessage())
                .contains("no connection within 2 s");
    }

    @Test
    void givenRefusedConnection_whenClassified_thenNotProcessedSoSafeToFallBack() {
        Duration connect = Duration.ofSeconds(2);

        assertThat(faults.forIoFailure(CREATE, new ConnectException(), connect)
                        .reason()
                        .mayHaveBeenProcessed())
                .isFalse();
        assertThat(faults.forIoFailure(CREATE, new HttpTimeoutException("t"), connect)
                        .reason()
                        .mayHaveBeenProcessed())
                .isTrue();
    }

    @Test
    void givenSmsaEchoesOurKey_whenClassified_thenMessagesAreScrubbedCleanedAndBounded() {
        CarrierException configuration =
                faults.forStatus(reply(404, "apikey " + API_KEY + "\r\n\tis not valid " + "x".repeat(300), Map.of()));
        CarrierException rejected = faults.forStatus(
                reply(400, "{\"errors\": {\"apikey\": [\"" + API_KEY + " is not valid\"]}}", Map.of()));

        assertThat(configuration.getMessage())
                .doesNotContain(API_KEY)
                .contains("apikey *** is not valid xxx")
                .doesNotContain("\r", "\n", "\t")
                .endsWith("…");
        assertThat(((CarrierRejectedException) rejected).messages().get(0).message())
                .isEqualTo("*** is not valid");
    }

    @Test
    void givenAConfigurationFault_whenClassified_thenOneWarningWithTheFaultsMessageAndNoSecret() {
        String refused = StandardError.during(
                () -> faults.forStatus(reply(401, "apikey " + API_KEY + " is not valid", Map.of())));
        String wrongUrl =
                StandardError.during(() -> faults.forStatus(reply(404, "<html>" + API_KEY + "</html>", Map.of())));
        String rejected = StandardError.during(() -> faults.forStatus(reply(400, VALIDATION_ERRORS, Map.of())));

        assertOneConfigurationWarning(refused, "HTTP 401");
        assertOneConfigurationWarning(wrongUrl, "HTTP 404");
        assertThat(rejected)
                .as("a caller fault is the caller's to fix, not the operator's")
                .isEmpty();
    }

    /** {@code log} is one WARN line of {@link SmsaFaults} that names the fault and not the key. */
    private static void assertOneConfigurationWarning(String log, String fault) {
        assertThat(log.lines())
                .singleElement()
                .asString()
                .contains("WARN " + SmsaFaults.class.getName() + " - smsa configuration problem: ")
                .contains(fault)
                .doesNotContain(API_KEY);
    }

    private static JsonNode json(String text) {
        try {
            return SmsaJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
