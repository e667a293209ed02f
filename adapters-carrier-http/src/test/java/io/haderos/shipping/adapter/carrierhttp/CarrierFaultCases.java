package io.haderos.shipping.adapter.carrierhttp;

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
import org.junit.jupiter.params.provider.Arguments;

/**
 * The observations every carrier counts alike, as {@code @MethodSource} tables: this module's tests check the shared
 * rules with them, and each carrier's fault tests run them through its own classifier, so that neither carrier can
 * drift from {@link CarrierStatuses} or {@link ExchangeFailure} nor keep a copy of the table.
 */
public final class CarrierFaultCases {

    private CarrierFaultCases() {}

    /** Each status that names a carrier fault, with the reason it is counted as: {@code (int, Reason)}. */
    public static Stream<Arguments> carrierSideStatuses() {
        return Stream.of(
                arguments(502, Reason.SERVICE_UNAVAILABLE),
                arguments(503, Reason.SERVICE_UNAVAILABLE),
                arguments(429, Reason.SERVICE_UNAVAILABLE),
                arguments(504, Reason.TIMEOUT),
                arguments(408, Reason.TIMEOUT),
                arguments(500, Reason.SERVER_ERROR),
                arguments(501, Reason.SERVER_ERROR),
                arguments(599, Reason.SERVER_ERROR));
    }

    /**
     * Exchange failures, each with the reason it is counted as and its kind: {@code (IOException, Reason,
     * ExchangeFailure)}. A carrier's test may take the first two only.
     */
    public static Stream<Arguments> ioFailures() {
        return Stream.of(
                arguments(
                        new HttpConnectTimeoutException("connect timed out"),
                        Reason.CONNECTION_REFUSED,
                        ExchangeFailure.CONNECT_TIMEOUT),
                arguments(
                        new ConnectException("wrapped").initCause(new HttpConnectTimeoutException("connect timed out")),
                        Reason.CONNECTION_REFUSED,
                        ExchangeFailure.CONNECT_TIMEOUT),
                arguments(
                        new ConnectException("Connection refused"),
                        Reason.CONNECTION_REFUSED,
                        ExchangeFailure.NOT_CONNECTED),
                arguments(
                        new IOException("wrapped", new ConnectException()),
                        Reason.CONNECTION_REFUSED,
                        ExchangeFailure.NOT_CONNECTED),
                arguments(
                        new IOException("wrapped", new UnknownHostException("h")),
                        Reason.CONNECTION_REFUSED,
                        ExchangeFailure.NOT_CONNECTED),
                arguments(
                        new IOException("wrapped", new UnresolvedAddressException()),
                        Reason.CONNECTION_REFUSED,
                        ExchangeFailure.NOT_CONNECTED),
                arguments(
                        new NoRouteToHostException("No route to host"),
                        Reason.CONNECTION_REFUSED,
                        ExchangeFailure.NOT_CONNECTED),
                arguments(
                        new SSLHandshakeException("bad certificate"),
                        Reason.CONNECTION_REFUSED,
                        ExchangeFailure.TLS_HANDSHAKE),
                arguments(
                        new IOException("wrapped", new SSLHandshakeException("bad")),
                        Reason.CONNECTION_REFUSED,
                        ExchangeFailure.TLS_HANDSHAKE),
                arguments(new HttpTimeoutException("request timed out"), Reason.TIMEOUT, ExchangeFailure.TIMEOUT),
                arguments(
                        new EOFException("EOF reached while reading"),
                        Reason.CONNECTION_LOST,
                        ExchangeFailure.CONNECTION_LOST),
                arguments(
                        new SocketException("Connection reset"),
                        Reason.CONNECTION_LOST,
                        ExchangeFailure.CONNECTION_LOST),
                arguments(new IOException("Connection reset"), Reason.CONNECTION_LOST, ExchangeFailure.CONNECTION_LOST),
                arguments(new IOException("closed"), Reason.CONNECTION_LOST, ExchangeFailure.CONNECTION_LOST));
    }
}
