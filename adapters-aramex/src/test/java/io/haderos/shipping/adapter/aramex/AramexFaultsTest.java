package io.haderos.shipping.adapter.aramex;

import static io.haderos.shipping.adapter.aramex.AramexOperation.CALCULATE_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.haderos.shipping.adapter.aramex.AramexWire.Notification;
import io.haderos.shipping.domain.port.out.CarrierConfigurationException;
import io.haderos.shipping.domain.port.out.CarrierException;
import io.haderos.shipping.domain.port.out.CarrierMessage;
import io.haderos.shipping.domain.port.out.CarrierRejectedException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException;
import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import io.haderos.shipping.domain.testing.StandardError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Aramex's failure rules one observation at a time; {@link AramexFaultsIT} covers them over real HTTP. */
class AramexFaultsTest {

    private static final String PASSWORD = "Pa55-w0rd!secret";
    private static final String PIN = "543210";

    private final AramexFaults faults = new AramexFaults(List.of(PASSWORD, PIN));

    private Throwable classify(String code, String message) {
        return catchThrowable(
                () -> faults.throwIfErrors(CALCULATE_RATE, true, List.of(new Notification(code, message))));
    }

    private static Reason reason(Throwable failure) {
        assertThat(failure).isInstanceOf(CarrierUnavailableException.class);
        return ((CarrierUnavailableException) failure).reason();
    }

    @Test
    void givenNoErrors_whenChecking_thenNothingIsThrownEvenWithInformationalNotifications() {
        assertThatCode(() -> faults.throwIfErrors(CALCULATE_RATE, false, List.of(new Notification("INF01", "note"))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ERR52|DestinationAddress - City name is invalid (Dubay)",
                "ERR06|Invalid postcode",
                "err52|lower-case code",
                "REQ01|Consignee phone number is required",
                "REQ17|anything",
                "ERR30|Duplicate ForeignHAWB",
                "ERR77|Consignee.PartyAddress - Line1 is required",
                "ERR78|ShipmentDetails - ProductType and PaymentType do not match",
                "''|OriginAddress.City - is required"
            })
    void givenCallerCodesOrMessagesNamingRequestContent_whenChecking_thenRejectedWithTheCarriersMessages(
            String code, String message) {
        Throwable failure = classify(code, message);

        assertThat(failure)
                .isInstanceOfSatisfying(
                        CarrierRejectedException.class,
                        rejected -> assertThat(rejected.messages()).containsExactly(new CarrierMessage(code, message)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ERR01|ClientInfo - Invalid username or password",
                "ERR02|Account is invalid",
                "ERR03|Account is blocked",
                "ERR99|ClientInfo - Version is not supported"
            })
    void givenCredentialOrAccountCodes_whenChecking_thenConfigurationFault(String code, String message) {
        assertThat(classify(code, message))
                .isInstanceOf(CarrierConfigurationException.class)
                .hasMessageContaining(code);
    }

    @Test
    void givenConfigurationAndCallerCodesTogether_whenChecking_thenConfigurationWins() {
        Throwable failure = catchThrowable(() -> faults.throwIfErrors(
                CALCULATE_RATE,
                true,
                List.of(
                        new Notification("ERR52", "City name is invalid"),
                        new Notification("ERR01", "ClientInfo - Invalid username or password"))));

        assertThat(failure).isInstanceOf(CarrierConfigurationException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ERR99|Internal error",
                "''|Object reference not set to an instance of an object.",
                "ERR40|Shipment creation failed - please try later"
            })
    void givenUnknownCodes_whenChecking_thenCarrierErrorThatTheBreakerCounts(String code, String message) {
        assertThat(reason(classify(code, message))).isEqualTo(Reason.CARRIER_ERROR);
    }

    @Test
    void givenHasErrorsWithoutNotifications_whenChecking_thenCarrierError() {
        Throwable failure = catchThrowable(() -> faults.throwIfErrors(CALCULATE_RATE, true, List.of()));

        assertThat(reason(failure)).isEqualTo(Reason.CARRIER_ERROR);
    }

    @Test
    void givenCarrierEchoesOurSecrets_whenClassified_thenMessagesAreScrubbed() {
        Throwable configuration = classify("ERR01", "ClientInfo - password " + PASSWORD + " / pin " + PIN + " invalid");
        Throwable rejected = classify("ERR52", "City " + PIN + " is invalid");
        Throwable unknown = classify("ERR99", "failed for " + PASSWORD);

        for (Throwable failure : List.of(configuration, rejected, unknown)) {
            assertThat(failure.getMessage())
                    .doesNotContain(PASSWORD)
                    .doesNotContain(PIN)
                    .contains("***");
        }
        assertThat(((CarrierRejectedException) rejected).messages().get(0).message())
                .isEqualTo("City *** is invalid");
    }

    @ParameterizedTest
    @MethodSource("io.haderos.shipping.adapter.carrierhttp.CarrierFaultCases#carrierSideStatuses")
    void givenCarrierSideStatus_whenClassified_thenCountedFault(int status, Reason expected) {
        CarrierException failure = faults.forStatus(CALCULATE_RATE, status, headers(Map.of()));

        assertThat(reason(failure)).isEqualTo(expected);
        assertThat(failure).hasMessageContaining("HTTP " + status).hasMessageContaining("CalculateRate");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 415, 302})
    void givenOurSideStatus_whenClassified_thenConfigurationFault(int status) {
        CarrierException failure = faults.forStatus(
                CALCULATE_RATE, status, headers(Map.of("Content-Type", List.of("text/html; charset=UTF-8"))));

        assertThat(failure)
                .isInstanceOf(CarrierConfigurationException.class)
                .hasMessageContaining("HTTP " + status)
                .hasMessageContaining("our request or endpoint is wrong");
    }

    @Test
    void givenServiceUnavailableWithRetryAfter_whenClassified_thenRetryAfterIsKept() {
        CarrierException failure = faults.forStatus(CALCULATE_RATE, 503, headers(Map.of("Retry-After", List.of("30"))));

        assertThat(((CarrierUnavailableException) failure).retryAfter()).contains(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @MethodSource("io.haderos.shipping.adapter.carrierhttp.CarrierFaultCases#ioFailures")
    void givenNetworkFailure_whenClassified_thenRefusedTimeoutOrLost(IOException failure, Reason expected) {
        assertThat(faults.forIoFailure(CALCULATE_RATE, failure).reason()).isEqualTo(expected);
    }

    @Test
    void givenRefusedConnection_whenClassified_thenNotProcessedSoSafeToFallBack() {
        assertThat(faults.forIoFailure(CALCULATE_RATE, new ConnectException())
                        .reason()
                        .mayHaveBeenProcessed())
                .isFalse();
        assertThat(faults.forIoFailure(CALCULATE_RATE, new HttpTimeoutException("t"))
                        .reason()
                        .mayHaveBeenProcessed())
                .isTrue();
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }

    @Test
    void givenAConfigurationFault_whenClassified_thenOneWarningWithTheFaultsMessageAndNoSecret() {
        String refused =
                StandardError.during(() -> classify("ERR01", "ClientInfo - password " + PASSWORD + " / pin " + PIN));
        String wrongUrl = StandardError.during(() -> faults.forStatus(
                CALCULATE_RATE, 404, headers(Map.of("Content-Type", List.of("text/html; charset=UTF-8")))));
        String rejected = StandardError.during(() -> classify("ERR52", "City " + PIN + " is invalid"));

        assertThat(refused.lines())
                .singleElement()
                .asString()
                .contains("WARN " + AramexFaults.class.getName() + " - aramex configuration problem: ")
                .contains("ERR01")
                .doesNotContain(PASSWORD)
                .doesNotContain(PIN);
        assertThat(wrongUrl.lines())
                .singleElement()
                .asString()
                .contains("WARN " + AramexFaults.class.getName() + " - aramex configuration problem: ")
                .contains("HTTP 404");
        assertThat(rejected)
                .as("a caller fault is the caller's to fix, not the operator's")
                .isEmpty();
    }

    @Test
    void givenUnreadableReply_whenClassified_thenUnreadableReplyNamingTheOperation() {
        CarrierUnavailableException failure = faults.unreadable(CALCULATE_RATE, "no HasErrors field", null);

        assertThat(failure.reason()).isEqualTo(Reason.UNREADABLE_REPLY);
        assertThat(failure).hasMessageContaining("CalculateRate");
        assertThat(failure.retryAfter()).isEqualTo(Optional.empty());
    }
}
