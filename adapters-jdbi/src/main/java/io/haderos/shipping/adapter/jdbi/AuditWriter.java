package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.policy.Alert.Severity;
import io.haderos.shipping.domain.policy.AlertPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail's write side: a FIFO queue filled by the breakers' threads and one thread that empties it
 * into the table in batches, retrying with capped exponential back-off while the database is away.
 *
 * <p>The callers' side only takes an uncontended lock for an {@code ArrayDeque} add: the writer holds the lock
 * just to move entries in and out, never while it talks to the database.
 */
final class AuditWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);

    /** While closing, retries come at least this often so that the bounded flush gets several chances. */
    private static final Duration CLOSING_BACKOFF_CAP = Duration.ofSeconds(1);
    /** How long close() waits for a write still in progress after giving up on the backlog. */
    private static final Duration ABANDON_GRACE = Duration.ofSeconds(1);

    private final CircuitTransitionTable table;
    private final String instanceId;
    private final Clock clock;
    private final JdbiCircuitTransitionLog.Settings settings;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}: whether the writer still takes new entries. */
    private boolean accepting = true;

    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong conflicting = new AtomicLong();
    private volatile Instant firstLoss;
    private volatile Instant firstConflict;
    /** The enqueue time of the oldest entry not yet written; null when none waits. Written under the lock. */
    private volatile Instant oldestWaiting;
    /** Set while writes fail; null when the last attempt succeeded. */
    private volatile Failure failure;
    /** The batch being written, for the shutdown log when close() gives up on it. */
    private volatile List<Entry> inFlight = List.of();

    private volatile boolean closing;
    private volatile boolean abandoned;
    /** Set if the writer thread ended by an error: nothing is written any more. */
    private volatile Failure died;

    private final Thread thread;

    AuditWriter(
            CircuitTransitionTable table, String instanceId, Clock clock, JdbiCircuitTransitionLog.Settings settings) {
        this.table = table;
        this.instanceId = instanceId;
        this.clock = clock;
        this.settings = settings;
        this.thread = new Thread(this::run, "audit-trail-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues the event; never blocks for long and never throws. */
    void enqueue(CircuitStateChanged event) {
        Instant now = clock.instant();
        boolean queued = false;
        lock.lock();
        try {
            if (accepting && !abandoned) {
                if (backlog.get() >= settings.queueCapacity()) {
                    if (lost.getAndIncrement() == 0) {
                        firstLoss = now;
                    }
                    return;
                }
                queue.addLast(new Entry(event, now));
                backlog.incrementAndGet();
                if (oldestWaiting == null) {
                    oldestWaiting = now;
                }
                changed.signalAll();
                queued = true;
            }
        } finally {
            lock.unlock();
        }
        if (!queued) {
            // Only after close(): the process is stopping, so a log line on this thread is acceptable.
            LOG.warn("audit trail closed: transition not recorded: {}", describe(event));
        }
    }

    /** An event that could not even be queued (a bug): counted with those lost to a full queue. */
    void lostToError() {
        if (lost.getAndIncrement() == 0) {
            firstLoss = clock.instant();
        }
    }

    int backlog() {
        return backlog.get();
    }

    long lost() {
        return lost.get();
    }

    List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>(3);
        long lostCount = lost.get();
        if (lostCount > 0) {
            alerts.add(auditAlert(
                    Severity.CRITICAL,
                    transitions(lostCount)
                            + " lost: more than " + settings.queueCapacity()
                            + " were waiting to be written",
                    sinceOrNow(firstLoss)));
        }
        long conflicts = conflicting.get();
        if (conflicts > 0) {
            alerts.add(auditAlert(
                    Severity.CRITICAL,
                    transitions(conflicts)
                            + " not recorded: other rows already hold their instance id '" + instanceId
                            + "', carrier and sequence (the instance id must be unique per process start)",
                    sinceOrNow(firstConflict)));
        }
        Failure death = died;
        if (death != null && !closing) {
            alerts.add(auditAlert(
                    Severity.CRITICAL,
                    "the writer stopped: " + death.reason() + "; transitions are no longer recorded",
                    death.since()));
        }
        int waiting = backlog.get();
        Failure failing = failure;
        Instant oldest = oldestWaiting;
        if (waiting > 0 && failing != null) {
            alerts.add(auditAlert(
                    Severity.WARNING,
                    transitions(waiting)
                            + " waiting to be written; database unavailable since " + failing.since() + ": "
                            + failing.reason(),
                    failing.since()));
        } else if (waiting > 0
                && oldest != null
                && !Duration.between(oldest, clock.instant())
                        .minus(settings.backlogAlertAge())
                        .isNegative()) {
            alerts.add(auditAlert(
                    Severity.WARNING,
                    transitions(waiting) + " waiting to be written; the oldest since " + oldest,
                    oldest));
        }
        return List.copyOf(alerts);
    }

    /**
     * Writes what is queued, retrying for at most {@code closeTimeout}, then stops. What could not be written
     * is logged, one line per transition, so that it is not lost without a trace.
     */
    void close() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        boolean finished = join(settings.closeTimeout());
        List<Entry> unwritten;
        lock.lock();
        try {
            abandoned = true;
            accepting = false;
            unwritten = new ArrayList<>(queue);
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        List<Entry> attempted = inFlight;
        if (!finished) {
            join(ABANDON_GRACE);
        }
        if (!unwritten.isEmpty() || !attempted.isEmpty()) {
            Failure failing = died != null ? died : failure;
            LOG.error(
                    "audit trail: stopped after trying for {} with {} unwritten{}",
                    settings.closeTimeout(),
                    transitions(unwritten.size() + attempted.size()),
                    failing == null ? "" : " (" + failing.reason() + ")");
            attempted.forEach(entry -> LOG.error(
                    "audit trail: perhaps not recorded (its write had not finished): {}", describe(entry.event())));
            unwritten.forEach(entry -> LOG.error("audit trail: not recorded: {}", describe(entry.event())));
        }
        logLosses();
    }

    private void run() {
        try {
            Duration backoff = settings.initialBackoff();
            List<Entry> batch;
            while (!(batch = nextBatch()).isEmpty()) {
                inFlight = batch;
                while (!write(batch)) {
                    if (abandoned) {
                        return;
                    }
                    awaitBackoff(backoff);
                    backoff = next(backoff);
                    if (abandoned) {
                        return;
                    }
                }
                inFlight = List.of();
                backoff = settings.initialBackoff();
            }
        } catch (Throwable e) {
            died = new Failure(clock.instant(), DatabaseFailures.describe(e));
            LOG.error("audit trail: the writer stopped; transitions are no longer recorded", e);
            throw e;
        }
    }

    /** The next entries in order, at most one batch; empty when closing (or abandoned) and nothing is left. */
    private List<Entry> nextBatch() {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closing || abandoned) {
                    accepting = false;
                    return List.of();
                }
                changed.awaitUninterruptibly();
            }
            if (abandoned) {
                return List.of();
            }
            int size = Math.min(settings.batchSize(), queue.size());
            List<Entry> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(queue.pollFirst());
            }
            return List.copyOf(batch);
        } finally {
            lock.unlock();
        }
    }

    /** One attempt; true when the batch is stored (or was already). */
    private boolean write(List<Entry> batch) {
        try {
            List<RecordedTransition> conflicts =
                    table.insert(instanceId, batch.stream().map(Entry::event).toList(), clock);
            conflicts.forEach(this::conflict);
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
        lock.lock();
        try {
            backlog.addAndGet(-batch.size());
            oldestWaiting = queue.isEmpty() ? null : queue.peekFirst().enqueuedAt();
        } finally {
            lock.unlock();
        }
        Failure recovered = failure;
        failure = null;
        if (recovered != null) {
            LOG.info(
                    "audit trail: database available again (unavailable since {}); {} left to write",
                    recovered.since(),
                    transitions(backlog.get()));
        }
        return true;
    }

    private void failed(RuntimeException e) {
        String reason = DatabaseFailures.describe(e);
        if (failure == null) {
            failure = new Failure(clock.instant(), reason);
            LOG.warn(
                    "audit trail: cannot write ({} waiting), retrying until the database is back: {}",
                    transitions(backlog.get()),
                    reason);
        } else {
            LOG.debug("audit trail: still cannot write: {}", reason);
        }
    }

    private void conflict(RecordedTransition stored) {
        if (conflicting.getAndIncrement() == 0) {
            firstConflict = clock.instant();
        }
        LOG.error(
                "audit trail: transition #{} of {} not recorded: instance id '{}' already holds another one "
                        + "under that sequence ({}); the instance id must be unique per process start",
                stored.transition().sequence(),
                stored.transition().carrier(),
                instanceId,
                describe(stored.transition()));
    }

    /**
     * Waits out the back-off, cut short when close() begins so that the flush starts retrying at once, and
     * never longer than {@link #CLOSING_BACKOFF_CAP} while closing.
     */
    private void awaitBackoff(Duration backoff) {
        boolean wasClosing = closing;
        Duration wait = wasClosing && backoff.compareTo(CLOSING_BACKOFF_CAP) > 0 ? CLOSING_BACKOFF_CAP : backoff;
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            long left;
            while (!abandoned && closing == wasClosing && (left = deadline - System.nanoTime()) > 0) {
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            // Our own thread: nobody but a stray caller interrupts it, and the retry loop must go on.
            Thread.interrupted();
        } finally {
            lock.unlock();
        }
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    private boolean join(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void logLosses() {
        if (lost.get() > 0) {
            LOG.error(
                    "audit trail: {} transitions were lost while the queue was full (capacity {})",
                    lost.get(),
                    settings.queueCapacity());
        }
    }

    /** The time a counter first moved, which another thread may not have published yet. */
    /** A gateway alert about the audit trail: {@code text} follows "audit trail: ". */
    private static Alert auditAlert(Severity severity, String text, Instant since) {
        return new Alert(AlertPolicy.GATEWAY, severity, "audit trail: " + text, since);
    }

    private Instant sinceOrNow(Instant since) {
        return since != null ? since : clock.instant();
    }

    private static String transitions(long count) {
        return count == 1 ? "1 transition" : count + " transitions";
    }

    private static String describe(CircuitStateChanged event) {
        return event.carrier() + " #" + event.sequence() + " " + CircuitTransitionTable.name(event.from()) + " -> "
                + CircuitTransitionTable.name(event.to()) + " at " + event.at() + " (failures "
                + event.failureCount() + ", successes " + event.successCount() + ")"
                + event.actor().map(actor -> " by " + actor).orElse("")
                + (event.cause().isEmpty() ? "" : ": " + event.cause());
    }

    private record Entry(CircuitStateChanged event, Instant enqueuedAt) {}

    private record Failure(Instant since, String reason) {}
}
