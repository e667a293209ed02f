package io.haderos.shipping.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound {@link HttpServer} with its own pool of daemon threads. Closing it is prompt: waiting
 * handlers are woken through {@link #awaitClosed(long)} and open connections are dropped.
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
 */
final class Listener {

    static final String NODELAY = "sun.net.httpserver.nodelay";

    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    static {
        String noDelay = System.getProperty(NODELAY);
        if (noDelay == null) {
            System.setProperty(NODELAY, "true");
        } else if (!Boolean.parseBoolean(noDelay)) {
            LOG.warn("{}={}: every stand-in reply over a kept-alive connection will wait ~40 ms", NODELAY, noDelay);
        }
    }

    /** Handles one exchange; the listener is passed so a handler can wait interruptibly on it. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, Listener listener) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Listener(String name, String host, int port, Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-" + name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handler.handle(exchange, this));
        server.start();
    }

    static Listener open(String name, String host, int port, Handler handler) throws IOException {
        return new Listener(name, host, port, handler);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Waits up to {@code millis}, returning early when the listener closes.
     *
     * @return true if the listener closed (or the thread was interrupted) while waiting
     */
    boolean awaitClosed(long millis) {
        try {
            return closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
