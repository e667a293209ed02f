package io.haderos.shipping.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier stand-in: one listener on its own port, the current {@link Fault} and the counters.
 *
 * <p>Every request that reaches the listener is counted, then delayed by the fault's latency, then
 * answered according to the mode; {@code healthy}, {@code slow} and {@code reject} reach the
 * carrier protocol in {@link #serve}. The port chosen at the first bind is kept, so {@code down}
 * followed by any other mode re-binds the same port.
 */
abstract class StandIn {

    private static final Logger LOG = LoggerFactory.getLogger(StandIn.class);

    private static final String MAINTENANCE_PAGE = "<!DOCTYPE html>\n<html><head><title>Scheduled"
            + " maintenance</title></head>\n<body><h1>We'll be back soon</h1>\n<p>Our shipping services"
            + " are undergoing scheduled maintenance. Please try again later.</p></body></html>\n";
    private static final String UNAVAILABLE_PAGE = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\""
            + " \"http://www.w3.org/TR/html4/strict.dtd\">\n<HTML><HEAD><TITLE>Service Unavailable</TITLE>"
            + "\n<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\n<BODY>"
            + "<h2>Service Unavailable</h2>\n<hr><p>HTTP Error 503. The service is unavailable.</p>\n"
            + "</BODY></HTML>\n";

    private final String name;
    private final String host;
    private final String advertisedHost;
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.HEALTHY);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong shipmentsCreated = new AtomicLong();
    private int port;
    private Listener listener;
    private boolean closed;

    StandIn(String name, String host, int port) {
        this.name = name;
        this.host = host;
        this.advertisedHost = advertised(host);
        this.port = port;
    }

    /** Answers one request with the carrier's protocol; {@code reject} asks for a validation error. */
    abstract void serve(HttpExchange exchange, byte[] body, boolean reject) throws IOException;

    /** The path appended to {@code http://host:port} for the base URI; ends with a slash. */
    abstract String basePath();

    /** The carrier's answer to an unhandled fault (mode {@code error}). */
    abstract void sendServerError(HttpExchange exchange) throws IOException;

    final String name() {
        return name;
    }

    final synchronized void start() throws IOException {
        listener = Listener.open(name, host, port, this::handle);
        port = listener.port();
        LOG.info("Sandbox {} stand-in listening on {}", name, baseUri());
    }

    final synchronized int port() {
        return port;
    }

    final URI baseUri() {
        return URI.create("http://" + advertisedHost + ":" + port() + basePath());
    }

    /** Origin ({@code http://host:port}) without a path. */
    final String origin() {
        return "http://" + advertisedHost + ":" + port();
    }

    final Fault fault() {
        return fault.get();
    }

    /**
     * Applies a fault; {@code down} closes the listener, any other mode re-binds it if closed.
     *
     * @throws IOException if the port cannot be bound again (the stand-in stays down)
     */
    final synchronized Fault applyFault(Fault next) throws IOException {
        if (closed) {
            throw new IllegalStateException("sandbox is closed");
        }
        if (next.mode() == FaultMode.DOWN) {
            fault.set(next);
            if (listener != null) {
                listener.close();
                listener = null;
            }
        } else {
            if (listener == null) {
                listener = Listener.open(name, host, port, this::handle);
            }
            fault.set(next);
        }
        LOG.info(
                "Sandbox {} stand-in fault: mode={} latency_ms={}",
                name,
                next.mode().wireName(),
                next.latencyMs());
        return next;
    }

    final synchronized void reset() throws IOException {
        applyFault(Fault.HEALTHY);
        requests.set(0);
        shipmentsCreated.set(0);
    }

    final long requests() {
        return requests.get();
    }

    final long shipmentsCreated() {
        return shipmentsCreated.get();
    }

    final void countShipmentCreated() {
        shipmentsCreated.incrementAndGet();
    }

    final synchronized void close() {
        closed = true;
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    private void handle(HttpExchange exchange, Listener via) {
        requests.incrementAndGet();
        try {
            byte[] body = Exchanges.readBody(exchange);
            Fault current = fault.get();
            if (current.latencyMs() > 0 && via.awaitClosed(current.latencyMs())) {
                return; // closed while waiting: drop the request as a dead server would
            }
            switch (current.mode()) {
                case UNAVAILABLE:
                    Exchanges.sendHtml(exchange, 503, UNAVAILABLE_PAGE);
                    break;
                case ERROR:
                    sendServerError(exchange);
                    break;
                case GARBAGE:
                    Exchanges.sendHtml(exchange, 200, MAINTENANCE_PAGE);
                    break;
                default:
                    serve(exchange, body, current.mode() == FaultMode.REJECT);
                    break;
            }
        } catch (IOException e) {
            LOG.debug("Sandbox {} stand-in: exchange aborted: {}", name, e.toString());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Sandbox {} stand-in failed on {} {}",
                    name,
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    e);
            try {
                Exchanges.sendEmpty(exchange, 500);
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent; closing the exchange is all that is left
            }
        } finally {
            exchange.close();
        }
    }

    /** The host to put in URIs: a wildcard bind address is reached through loopback. */
    static String advertised(String host) {
        if ("0.0.0.0".equals(host) || "::".equals(host) || "[::]".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
