package io.haderos.shipping.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests one listener has read but not answered yet, each waiting on a scheduler instead of
 * a thread: the handler hands an exchange over and returns at once; the scheduler answers it when
 * its time has come ({@code slow}), or drops it when it has been held too long ({@code hang}).
 * (The JDK server lets an exchange be completed from any thread after its handler returned: it
 * closes nothing when the handler returns.)
 *
 * <p>Bounded in number and in age: at most {@code capacity} exchanges are held, and when one more
 * arrives the oldest is dropped; a hung exchange is dropped after the time given, a slow one is
 * answered after its latency (at most {@link Fault#MAX_LATENCY_MS}). Dropping an exchange closes its
 * connection without an answer, as a server that dies would; {@link #close()} drops them all, and
 * an exchange handed over after that is dropped at once. Thread-safe.
 */
final class HeldExchanges {

    /** Default bound on the exchanges a stand-in holds at once. */
    static final int CAPACITY = 10_000;

    /** How long a stand-in holds a hung request before dropping it: 5 minutes. */
    static final long HANG_LIMIT_MS = 300_000;

    private static final Logger LOG = LoggerFactory.getLogger(HeldExchanges.class);

    private final String name;
    private final ScheduledExecutorService scheduler;
    private final int capacity;
    private final LinkedHashSet<Held> held = new LinkedHashSet<>(); // arrival order; guarded by this
    private boolean closed; // guarded by this

    HeldExchanges(String name, ScheduledExecutorService scheduler, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.name = name;
        this.scheduler = scheduler;
        this.capacity = capacity;
    }

    /** Runs {@code answer} on the scheduler after {@code delayMs} unless the exchange is dropped first. */
    void answerLater(HttpExchange exchange, long delayMs, Runnable answer) {
        hold(new Held(exchange, answer), delayMs);
    }

    /** Never answers; drops the exchange after {@code afterMs} unless it is dropped before. */
    void dropLater(HttpExchange exchange, long afterMs) {
        hold(new Held(exchange, null), afterMs);
    }

    /** How many exchanges are held now. */
    synchronized int size() {
        return held.size();
    }

    /** Drops every held exchange; any handed over later is dropped at once. Idempotent. */
    void close() {
        List<Held> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(held);
            held.clear();
        }
        dropped.forEach(Held::drop);
    }

    private void hold(Held entry, long delayMs) {
        Held evicted = null;
        synchronized (this) {
            if (closed) {
                evicted = entry;
            } else {
                try {
                    entry.timer = scheduler.schedule(entry, delayMs, TimeUnit.MILLISECONDS);
                    held.add(entry);
                } catch (RejectedExecutionException e) { // the stand-in is closing
                    evicted = entry;
                }
                if (held.size() > capacity) {
                    Iterator<Held> oldest = held.iterator();
                    evicted = oldest.next();
                    oldest.remove();
                }
            }
        }
        if (evicted != null) {
            evicted.drop();
        }
    }

    /** Takes an exchange out, so that only one of answer and drop ever happens to it. */
    private synchronized boolean release(Held entry) {
        return held.remove(entry);
    }

    private final class Held implements Runnable {
        private final HttpExchange exchange;
        private final Runnable answer; // null: drop when due
        private ScheduledFuture<?> timer; // set under the lock of the enclosing instance

        Held(HttpExchange exchange, Runnable answer) {
            this.exchange = exchange;
            this.answer = answer;
        }

        @Override
        public void run() {
            if (!release(this)) {
                return; // dropped already
            }
            if (answer == null) {
                drop();
            } else {
                answer.run();
            }
        }

        void drop() {
            ScheduledFuture<?> pending;
            synchronized (HeldExchanges.this) {
                pending = timer;
            }
            if (pending != null) {
                pending.cancel(false);
            }
            LOG.debug(
                    "Sandbox {} stand-in: dropped {} {} unanswered",
                    name,
                    exchange.getRequestMethod(),
                    exchange.getRequestURI());
            try {
                exchange.close(); // no answer was sent, so this closes the connection
            } catch (RuntimeException e) {
                LOG.debug("Sandbox {} stand-in: closing a dropped exchange failed: {}", name, e.toString());
            }
        }
    }
}
