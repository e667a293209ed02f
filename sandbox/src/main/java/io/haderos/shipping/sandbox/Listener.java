package io.haderos.shipping.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound {@link HttpServer} with a small fixed pool of named daemon handler threads
 * ({@code sandbox-<name>-http-<n>}). Handlers never wait: a reply that is due later is left to a
 * scheduler ({@link HeldExchanges}), so a few threads serve any number of open requests. Closing
 * is prompt: every open connection is dropped.
 *
 * <p><b>TCP_NODELAY.</b> The JDK server sets TCP_NODELAY on accepted connections only when the
 * system property {@value #NODELAY} is {@code true}, and it reads that property once per JVM, when
 * its first server is created. Without it every reply over a kept-alive connection stalls about
 * 40 ms: the server writes a reply's headers and its body separately, and Nagle's algorithm holds
 * the body back until the client's delayed ACK of the headers. This class therefore sets the
 * property, unless it is already set, when it is first loaded, which is before the sandbox creates
 * its first server. Caveat: if other code in the same JVM created a JDK {@code HttpServer} before
 * that, the value in force is the one that code saw; pass {@code -Dsun.net.httpserver.nodelay=true}
 * on the command line to be independent of start-up order. An explicit {@code false} is respected,
 * with a warning.
 *
 * <p>In the same way, and with the same caveat, it sets {@value #MAX_RESPONSE_TIME} (seconds) to
 * {@value #MAX_RESPONSE_SECONDS} unless it is set. The JDK server keeps a small record of every
 * connection whose exchange was closed without an answer (a dropped {@link HeldExchanges held}
 * exchange) until that limit passes, or else until the listener closes. The limit is well above
 * the longest latency a stand-in can be given, so it never cuts off a reply that is still due.
 */
final class Listener {

    static final String NODELAY = "sun.net.httpserver.nodelay";
    static final String MAX_RESPONSE_TIME = "sun.net.httpserver.maxRspTime";
    static final long MAX_RESPONSE_SECONDS = 900;

    /** Handler threads per listener. */
    static final int HANDLER_THREADS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);
    private static final int BACKLOG = 1024;

    static {
        String noDelay = System.getProperty(NODELAY);
        if (noDelay == null) {
            System.setProperty(NODELAY, "true");
        } else if (!Boolean.parseBoolean(noDelay)) {
            LOG.warn("{}={}: every stand-in reply over a kept-alive connection will wait ~40 ms", NODELAY, noDelay);
        }
        if (System.getProperty(MAX_RESPONSE_TIME) == null) {
            System.setProperty(MAX_RESPONSE_TIME, Long.toString(MAX_RESPONSE_SECONDS));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private boolean closed;

    private Listener(String name, String host, int port, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        executor = Executors.newFixedThreadPool(HANDLER_THREADS, threads("sandbox-" + name + "-http-"));
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
    }

    /**
     * Binds and starts serving; {@code handler} runs on a handler thread and may leave the
     * exchange open to answer it later from another thread.
     */
    static Listener open(String name, String host, int port, HttpHandler handler) throws IOException {
        return new Listener(name, host, port, handler);
    }

    /** Daemon threads named {@code <prefix>1}, {@code <prefix>2}, … */
    static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening and drops every open connection at once. Idempotent. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
