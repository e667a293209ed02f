package io.haderos.shipping.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port that a test can {@link #cut} and {@link #restore}: the server behind it goes
 * away and comes back while its clients keep the same address, as when a database host fails over or a network
 * partition heals. Each connection is forwarded by two daemon threads, one per direction.
 */
final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final InetSocketAddress target;
    private final int port;
    /** Both ends of every forwarded connection, so that {@link #cut} can break them. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Guarded by {@code this}; null while cut. */
    private ServerSocket listener;
    /** Guarded by {@code this}. */
    private boolean closed;

    private TcpProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        this.port = listener.getLocalPort();
    }

    /** Listens on a free loopback port and forwards every connection to {@code host:port}. */
    static TcpProxy start(String host, int port) throws IOException {
        TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), listen(0));
        synchronized (proxy) {
            proxy.acceptOn(proxy.listener);
        }
        return proxy;
    }

    /** The loopback port clients connect to; the same after {@link #restore}. */
    int port() {
        return port;
    }

    /**
     * The server goes away: new connections are refused and every open one is broken, both ends closed. When this
     * returns, no byte is forwarded any more.
     */
    synchronized void cut() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /**
     * The server is back: listens again on the same port and forwards new connections. Does nothing if not cut.
     *
     * @throws IOException when the port cannot be bound again (something else took it while cut)
     */
    synchronized void restore() throws IOException {
        if (closed) {
            throw new IllegalStateException("the proxy is closed");
        }
        if (listener == null) {
            listener = listen(port);
            acceptOn(listener);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        // The broken connections leave this port in TIME_WAIT: binding it again needs SO_REUSEADDR.
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    /** Guarded by {@code this}. */
    private void acceptOn(ServerSocket accepting) {
        daemon("tcp-proxy-" + port + "-accept", () -> {
            while (true) {
                Socket client;
                try {
                    client = accepting.accept();
                } catch (IOException cutOrClosed) {
                    return;
                }
                forward(client, accepting);
            }
        });
    }

    private void forward(Socket client, ServerSocket acceptedBy) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        synchronized (this) {
            if (listener != acceptedBy) {
                // Cut after this connection was accepted: it must not outlive the cut.
                closeQuietly(client);
                closeQuietly(upstream);
                return;
            }
            open.add(client);
            open.add(upstream);
        }
        pump(client, upstream, "up");
        pump(upstream, client, "down");
    }

    private void pump(Socket from, Socket to, String direction) {
        daemon("tcp-proxy-" + port + "-" + from.getPort() + "-" + direction, () -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) != -1) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException brokenOrCut) {
                // Either end went away: the connection is over in both directions.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is all we want; an error here means it is closed already.
        }
    }
}
