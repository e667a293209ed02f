package io.haderos.shipping.adapter.carrierhttp;

import io.haderos.shipping.domain.port.out.CarrierUnavailableException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What an exchange's I/O failure says about its request, alike at every carrier: whether the request cannot have
 * reached the carrier (then a shipment may safely go to the next carrier) or may have been acted on. The failure's
 * whole cause chain is read, since the JDK client wraps what it meets. Each carrier words its own message.
 */
public enum ExchangeFailure {
    /** No connection within the connect timeout: nothing was sent. */
    CONNECT_TIMEOUT(Reason.CONNECTION_REFUSED),
    /** The connection was refused, or the host is unknown or out of reach: nothing was sent. */
    NOT_CONNECTED(Reason.CONNECTION_REFUSED),
    /** The TLS handshake failed, before any of the request was sent. */
    TLS_HANDSHAKE(Reason.CONNECTION_REFUSED),
    /** The client gave up waiting for the reply: the carrier may have acted on the request. */
    TIMEOUT(Reason.TIMEOUT),
    /** The connection broke once the request was on its way: the carrier may have acted on it. */
    CONNECTION_LOST(Reason.CONNECTION_LOST);

    private final Reason reason;

    ExchangeFailure(Reason reason) {
        this.reason = reason;
    }

    /** The kind of {@code failure}; anything not known to come before the request is sent is {@link #CONNECTION_LOST}. */
    public static ExchangeFailure of(IOException failure) {
        if (causedBy(failure, HttpConnectTimeoutException.class)) {
            return CONNECT_TIMEOUT;
        }
        if (causedBy(
                failure,
                ConnectException.class,
                UnresolvedAddressException.class,
                UnknownHostException.class,
                NoRouteToHostException.class)) {
            return NOT_CONNECTED;
        }
        if (causedBy(failure, SSLHandshakeException.class)) {
            return TLS_HANDSHAKE;
        }
        if (causedBy(failure, HttpTimeoutException.class)) {
            return TIMEOUT;
        }
        return CONNECTION_LOST;
    }

    /** The carrier fault it is counted as: {@code CONNECTION_REFUSED} when nothing was sent. */
    public Reason reason() {
        return reason;
    }

    @SafeVarargs
    private static boolean causedBy(Throwable failure, Class<? extends Throwable>... types) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
