package io.haderos.shipping.adapter.carrierhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExchangeFailureTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments(new HttpConnectTimeoutException("connect timed out"), ExchangeFailure.CONNECT_TIMEOUT),
                arguments(
                        new ConnectException("wrapped").initCause(new HttpConnectTimeoutException("connect timed out")),
                        ExchangeFailure.CONNECT_TIMEOUT),
                arguments(new ConnectException("Connection refused"), ExchangeFailure.NOT_CONNECTED),
                arguments(new IOException("wrapped", new ConnectException()), ExchangeFailure.NOT_CONNECTED),
                arguments(new IOException("wrapped", new UnknownHostException("h")), ExchangeFailure.NOT_CONNECTED),
                arguments(new IOException("wrapped", new UnresolvedAddressException()), ExchangeFailure.NOT_CONNECTED),
                arguments(new NoRouteToHostException("No route to host"), ExchangeFailure.NOT_CONNECTED),
                arguments(new SSLHandshakeException("bad certificate"), ExchangeFailure.TLS_HANDSHAKE),
                arguments(new IOException("wrapped", new SSLHandshakeException("bad")), ExchangeFailure.TLS_HANDSHAKE),
                arguments(new HttpTimeoutException("request timed out"), ExchangeFailure.TIMEOUT),
                arguments(new EOFException("EOF reached while reading"), ExchangeFailure.CONNECTION_LOST),
                arguments(new SocketException("Connection reset"), ExchangeFailure.CONNECTION_LOST),
                arguments(new IOException("closed"), ExchangeFailure.CONNECTION_LOST));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void givenAnIoFailure_whenClassified_thenWhetherTheRequestCanHaveBeenSent(
            IOException failure, ExchangeFailure expected) {
        assertThat(ExchangeFailure.of(failure)).isEqualTo(expected);
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
