package io.haderos.shipping.adapter.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL notification channel, on a thread and a connection of its own, and calls a callback for
 * every notification. When the connection is lost it reconnects, waiting 1 s and doubling up to 30 s, and calls the
 * callback once after each (re)connection: notifications sent while it was away are lost, so whoever listens must look
 * for what changed. The callback runs on the listener's thread and must return at once.
 */
final class PostgresNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresNotifications.class);

    /** How long one wait for notifications lasts, so that {@link #close()} is seen soon. */
    private static final int WAIT_MILLIS = 500;

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final Database database;
    private final String channel;
    private final Runnable onNotice;
    private final Thread thread;
    private volatile boolean closed;

    private PostgresNotifications(Database database, String channel, Runnable onNotice) {
        this.database = database;
        this.channel = channel;
        this.onNotice = onNotice;
        this.thread = new Thread(this::run, "db-notifications-" + channel);
        this.thread.setDaemon(true);
    }

    /** Starts listening on {@code channel}, a lower-case identifier of letters, digits and underscores. */
    static PostgresNotifications start(Database database, String channel, Runnable onNotice) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        PostgresNotifications listener = new PostgresNotifications(database, channel, onNotice);
        listener.thread.start();
        return listener;
    }

    /** Stops listening within about half a second and closes the connection. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        boolean lost = false;
        while (!closed) {
            try (Connection connection = database.dedicatedConnection("gateway-notifications")) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                if (lost) {
                    LOG.info("listening again for changes on {}", channel);
                }
                lost = false;
                retry = FIRST_RETRY;
                notifyListener(); // whatever was sent while we were not listening
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        notifyListener();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!lost) {
                    LOG.warn(
                            "lost the connection that listens for changes on {} ({}); polling still covers them, "
                                    + "reconnecting",
                            channel,
                            DatabaseFailures.describe(e));
                }
                lost = true;
                pause(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    private void notifyListener() {
        try {
            onNotice.run();
        } catch (RuntimeException e) {
            LOG.warn("the listener of {} failed: {}", channel, e.toString());
        }
    }

    private void pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (!closed && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(WAIT_MILLIS, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
