package io.haderos.shipping.adapter.carrierhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CarrierStatusesTest {

    @ParameterizedTest
    @MethodSource("io.haderos.shipping.adapter.carrierhttp.CarrierFaultCases#carrierSideStatuses")
    void givenAStatusThatNamesACarrierFault_whenRead_thenItsReason(int status, Reason reason) {
        assertThat(CarrierStatuses.unavailableReason(status)).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 302, 400, 401, 404, 600})
    void givenAnyOtherStatus_whenRead_thenLeftToTheCarrier(int status) {
        assertThat(CarrierStatuses.unavailableReason(status)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"30,30", "' 0 ',0", "86400,86400"})
    void givenRetryAfterInSecondsUpToADay_whenRead_thenThatHint(String header, long seconds) {
        assertThat(CarrierStatuses.retryAfter(headers(header))).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"86401", "-5", "+5", "1.5", "Wed, 21 Oct 2025 07:28:00 GMT", "9999999"})
    void givenRetryAfterThatIsNoDelayUpToADay_whenRead_thenNoHint(String header) {
        assertThat(CarrierStatuses.retryAfter(headers(header))).isEmpty();
    }

    @Test
    void givenNoRetryAfter_whenRead_thenNoHint() {
        assertThat(CarrierStatuses.retryAfter(HttpHeaders.of(Map.of(), (name, value) -> true)))
                .isEqualTo(Optional.empty());
    }

    private static HttpHeaders headers(String retryAfter) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (name, value) -> true);
    }
}
