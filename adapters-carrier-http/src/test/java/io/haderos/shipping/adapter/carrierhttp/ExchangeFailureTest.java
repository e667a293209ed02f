package io.haderos.shipping.adapter.carrierhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExchangeFailureTest {

    @ParameterizedTest
    @MethodSource("io.haderos.shipping.adapter.carrierhttp.CarrierFaultCases#ioFailures")
    void givenAnIoFailure_whenClassified_thenWhetherTheRequestCanHaveBeenSent(
            IOException failure, Reason reason, ExchangeFailure expected) {
        assertThat(ExchangeFailure.of(failure)).isEqualTo(expected);
        assertThat(expected.reason()).as("the reason the carriers count it as").isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "CONNECT_TIMEOUT,CONNECTION_REFUSED",
        "NOT_CONNECTED,CONNECTION_REFUSED",
        "TLS_HANDSHAKE,CONNECTION_REFUSED",
        "TIMEOUT,TIMEOUT",
        "CONNECTION_LOST,CONNECTION_LOST"
    })
    void givenAKindOfFailure_whenCounted_thenRefusedExactlyWhenNothingWasSent(ExchangeFailure kind, Reason reason) {
        assertThat(kind.reason()).isEqualTo(reason);
    }

    @Test
    void givenACauseChainThatLoopsOnItself_whenClassified_thenItEnds() {
        IOException looping = new IOException("self") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };

        assertThat(ExchangeFailure.of(looping)).isEqualTo(ExchangeFailure.CONNECTION_LOST);
    }
}
