package io.haderos.shipping.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier stand-in: one listener on its own port, the current {@link Fault} and the counters.
 *
 * <p>Every request that reaches the listener is counted and read at once, on one of the listener's
 * few handler threads. Its fault is fixed then, at arrival: with a latency it is handed to
 * {@link HeldExchanges} and answered by the stand-in's scheduler ({@code sandbox-<name>-timer-<n>},
 * {@value #TIMER_THREADS} daemon threads) once the latency has passed, so a stand-in holds
 * thousands of slow requests without a thread each; without one it is answered on the spot. The
 * answer follows the mode; {@code healthy}, {@code slow} and {@code reject} reach the carrier
 * protocol in {@link #serve}. {@code hang} holds the request the same way but never answers it.
 * {@code down} and {@link #close()} drop the held requests (their connections are closed, nothing
 * is answered). The port chosen at the first bind is kept, so {@code down} followed by any other
 * mode re-binds the same port.
 */
abstract class StandIn {

    /** Scheduler threads per stand-in: they only write replies that are due. */
    static final int TIMER_THREADS = 2;

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
    private final ScheduledThreadPoolExecutor scheduler;
    private int port;
    private Listener listener;
    private HeldExchanges held;
    private boolean closed;

    StandIn(String name, String host, int port) {
        this.name = name;
        this.host = host;
        this.advertisedHost = advertised(host);
        this.port = port;
        this.scheduler =
                new ScheduledThreadPoolExecutor(TIMER_THREADS, Listener.threads("sandbox-" + name + "-timer-"));
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
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
        openListener();
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
            closeListener();
        } else {
            if (listener == null) {
                openListener();
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

    /** Requests held open now (waiting out a latency, or hung). */
    final synchronized int held() {
        return held == null ? 0 : held.size();
    }

    /** Closes the listener, drops the held requests and stops the scheduler. Idempotent. */
    final synchronized void close() {
        closed = true;
        closeListener();
        scheduler.shutdownNow();
    }

    private void openListener() throws IOException {
        HeldExchanges heldHere = new HeldExchanges(name, scheduler, HeldExchanges.CAPACITY);
        listener = Listener.open(name, host, port, exchange -> handle(exchange, heldHere));
        held = heldHere;
    }

    private void closeListener() {
        if (listener != null) {
            held.close();
            listener.close();
            listener = null;
        }
    }

    private void handle(HttpExchange exchange, HeldExchanges heldHere) {
        requests.incrementAndGet();
        byte[] body;
        try {
            body = Exchanges.readBody(exchange);
        } catch (IOException e) {
            LOG.debug("Sandbox {} stand-in: request unreadable: {}", name, e.toString());
            exchange.close();
            return;
        }
        Fault current = fault.get();
        if (current.mode() == FaultMode.HANG) {
            heldHere.dropLater(exchange, HeldExchanges.HANG_LIMIT_MS);
        } else if (current.latencyMs() > 0) {
            heldHere.answerLater(exchange, current.latencyMs(), () -> answer(exchange, body, current));
        } else {
            answer(exchange, body, current);
        }
    }

    private void answer(HttpExchange exchange, byte[] body, Fault current) {
        try {
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
