package io.haderos.shipping.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Slack incoming webhook on a free loopback port: it answers 200 and keeps every message posted to it. */
final class SlackStub implements AutoCloseable {

    private final HttpServer server;
    private final String path;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private SlackStub(String path) throws IOException {
        this.path = path;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                messages.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
    }

    /** Listens for posts to {@code path} (the token part of a webhook URL) until closed. */
    static SlackStub start(String path) throws IOException {
        SlackStub stub = new SlackStub(path);
        stub.server.start();
        return stub;
    }

    /** The webhook URL for {@code ALERTS_SLACK_WEBHOOK_URL}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The bodies posted so far, in order; a live view. */
    List<String> messages() {
        return Collections.unmodifiableList(messages);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
