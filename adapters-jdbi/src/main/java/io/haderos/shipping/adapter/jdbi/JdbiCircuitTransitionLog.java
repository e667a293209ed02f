package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.application.port.out.AlertSource;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.circuit.RecordedTransition;
import io.haderos.shipping.domain.model.CarrierId;
import io.haderos.shipping.domain.model.Checks;
import io.haderos.shipping.domain.policy.Alert;
import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.haderos.shipping.domain.port.out.TransitionHistory;
import io.haderos.shipping.domain.port.out.TransitionHistoryUnavailableException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The breakers' audit trail in table {@code circuit_transition} (docs/architecture.md#operations), shared by every gateway instance
 * that uses the same database.
 *
 * <p>Writing: {@link #onTransition} only queues the event, on the breaker's (the carrier call's) thread. One
 * writer thread stores the queue in order, in batches of up to {@link Settings#batchSize()} rows per
 * transaction. While the database is unavailable it retries the same batch with exponential back-off and keeps
 * everything else queued; {@link #alerts()} says so. Rows are idempotent on (instance id, carrier, sequence):
 * a batch retried after its first attempt had in fact committed, or an event delivered twice, is stored once.
 * {@link #close()} flushes the queue, retrying for at most {@link Settings#closeTimeout()}.
 *
 * <p>What a crash loses: the queue lives in memory, so {@code kill -9} (or a power cut) loses the transitions not
 * yet written — normally none or a few, all of them while the database is unavailable.
 *
 * <p>Reading ({@link TransitionHistory}) goes to the database directly and sees every instance's rows.
 */
public final class JdbiCircuitTransitionLog
        implements CircuitTransitionListener, TransitionHistory, AlertSource, AutoCloseable {

    private final String instanceId;
    private final CircuitTransitionTable table;
    private final AuditWriter writer;

    /**
     * How the writer batches, retries and buffers.
     *
     * @param batchSize       rows written per transaction at most; 1 to 1000, default 100
     * @param initialBackoff  the wait before the first retry of a failed write, doubled on every further failure;
     *                        positive, default 100 ms
     * @param maxBackoff      the longest wait between retries; not below {@code initialBackoff}, default 30 s
     * @param queueCapacity   transitions held in memory at most while the database is away; beyond that new ones
     *                        are counted as lost and raise a critical alert; positive, default 100 000
     *                        (at the default breaker timings that is weeks of flapping)
     * @param closeTimeout    how long {@link #close()} keeps trying to write what is queued; positive, default 10 s
     * @param backlogAlertAge how old the oldest waiting transition may get before {@link #alerts()} warns even
     *                        though no write has failed (a slow database); not negative, default 5 s
     * @throws IllegalArgumentException naming the setting when a value is out of range
     */
    public record Settings(
            int batchSize,
            Duration initialBackoff,
            Duration maxBackoff,
            int queueCapacity,
            Duration closeTimeout,
            Duration backlogAlertAge) {

        /** 100 rows, 100 ms to 30 s, 100 000 queued, 10 s to close, warn after 5 s. */
        public static final Settings DEFAULTS = new Settings(
                100,
                Duration.ofMillis(100),
                Duration.ofSeconds(30),
                100_000,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5));

        public Settings {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("batch-size must be between 1 and 1000, got " + batchSize);
            }
            requirePositive(initialBackoff, "initial-backoff");
            requirePositive(maxBackoff, "max-backoff");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "max-backoff must not be below initial-backoff (" + initialBackoff + "), got " + maxBackoff);
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queue-capacity must be positive, got " + queueCapacity);
            }
            requirePositive(closeTimeout, "close-timeout");
            Objects.requireNonNull(backlogAlertAge, "backlog-alert-age");
            if (backlogAlertAge.isNegative()) {
                throw new IllegalArgumentException("backlog-alert-age must not be negative, got " + backlogAlertAge);
            }
        }

        public Settings withBatchSize(int batchSize) {
            return new Settings(batchSize, initialBackoff, maxBackoff, queueCapacity, closeTimeout, backlogAlertAge);
        }

        public Settings withBackoff(Duration initialBackoff, Duration maxBackoff) {
            return new Settings(batchSize, initialBackoff, maxBackoff, queueCapacity, closeTimeout, backlogAlertAge);
        }

        public Settings withQueueCapacity(int queueCapacity) {
            return new Settings(batchSize, initialBackoff, maxBackoff, queueCapacity, closeTimeout, backlogAlertAge);
        }

        public Settings withCloseTimeout(Duration closeTimeout) {
            return new Settings(batchSize, initialBackoff, maxBackoff, queueCapacity, closeTimeout, backlogAlertAge);
        }

        public Settings withBacklogAlertAge(Duration backlogAlertAge) {
            return new Settings(batchSize, initialBackoff, maxBackoff, queueCapacity, closeTimeout, backlogAlertAge);
        }

        private static void requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }
    }

    /** With {@link Settings#DEFAULTS}. */
    public JdbiCircuitTransitionLog(Jdbi jdbi, String instanceId, Clock clock) {
        this(jdbi, instanceId, clock, Settings.DEFAULTS);
    }

    /**
     * Starts the writer thread. The database need not be reachable yet: the writer retries.
     *
     * @param jdbi       over a database migrated by {@link Database} (table {@code circuit_transition})
     * @param instanceId this process among all that share the database; <strong>unique per process
     *                   start</strong>, because the sequence of each breaker starts again at 1 in a new process and
     *                   rows are idempotent on (instance id, carrier, sequence): a reused id would have the new
     *                   process's transitions taken for duplicates (they are then not stored, and
     *                   {@link #alerts()} raises a critical alert). See {@link #uniqueInstanceId}. At most 100
     *                   characters
     * @param clock      gives {@code recorded_at} and the times in alerts
     * @throws InvalidValueException when the instance id is blank or longer than 100 characters
     */
    public JdbiCircuitTransitionLog(Jdbi jdbi, String instanceId, Clock clock, Settings settings) {
        Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        this.instanceId = Checks.text(instanceId, "instance_id", 100);
        this.table = new CircuitTransitionTable(jdbi);
        this.writer = new AuditWriter(table, this.instanceId, clock, settings);
        writer.start();
    }

    /**
     * An instance id unique to this process start: {@code <name>-<pid>-<8 random hex digits>}, such as
     * {@code gw-host1-4711-9f86d081}.
     *
     * @param name what operators know the instance by (a host name, a configured name); its first 70 characters
     *             are used
     * @throws InvalidValueException when the name is blank
     */
    public static String uniqueInstanceId(String name) {
        String prefix = Checks.text(name, "instance name", Integer.MAX_VALUE);
        if (prefix.length() > 70) {
            prefix = prefix.substring(0, 70);
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return prefix + "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().formatHex(random);
    }

    /** The id this log writes its rows under. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Queues the transition for writing and returns at once; never throws. After {@link #close()} the transition
     * is logged (at WARN, with all its fields) instead of written: a carrier-call thread must not do SQL.
     */
    @Override
    public void onTransition(CircuitStateChanged event) {
        if (event == null) {
            return;
        }
        try {
            writer.enqueue(event);
        } catch (RuntimeException e) {
            // The contract forbids throwing into the breaker; only a bug gets here: count the event as lost.
            writer.lostToError();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Order: {@code occurred_at} descending, then instance id ascending, then sequence descending.
     *
     * @param limit 1 to {@value #MAX_LIMIT}
     * @throws InvalidValueException (an {@link IllegalArgumentException}) naming {@code limit} when it is out of
     *                               range, or {@code until} when it is before {@code since}
     * @throws TransitionHistoryUnavailableException when the database cannot be read
     */
    @Override
    public List<RecordedTransition> transitions(
            CarrierId carrier, Optional<Instant> since, Optional<Instant> until, int limit) {
        TransitionHistory.checkQuery(carrier, since, until, limit);
        return read(() -> table.transitions(carrier, since, until, limit));
    }

    /**
     * {@inheritDoc}
     *
     * <p>For each (instance id, carrier), the row that occurred last, the higher sequence breaking a tie. Ordered by
     * instance id, then carrier. Instances that have stopped keep their last row: look at its time.
     *
     * @throws TransitionHistoryUnavailableException when the database cannot be read
     */
    @Override
    public List<RecordedTransition> latestPerInstance() {
        return read(table::latestPerInstance);
    }

    /**
     * At most one alert of each kind, all about {@value io.haderos.shipping.domain.policy.AlertPolicy#GATEWAY}:
     * <ul>
     *   <li>WARNING while transitions wait because writes fail ("audit trail: N transitions waiting to be
     *       written; database unavailable since T: reason"), or because the oldest has waited longer than
     *       {@link Settings#backlogAlertAge()}; gone once the writer has caught up;</li>
     *   <li>CRITICAL once transitions were lost to a full queue, or were not stored because their instance id was
     *       used by another process; these stay until the process ends, because the gap stays in the trail;</li>
     *   <li>CRITICAL if the writer thread died.</li>
     * </ul>
     * Reads only in-memory state: cheap and never blocks.
     */
    @Override
    public List<Alert> alerts() {
        return writer.alerts();
    }

    /** Transitions queued or being written, not yet stored: for metrics and tests. */
    public int backlog() {
        return writer.backlog();
    }

    /** Transitions dropped because the queue was full ({@link Settings#queueCapacity()}): for metrics. */
    public long lost() {
        return writer.lost();
    }

    /**
     * Writes everything queued — retrying for at most {@link Settings#closeTimeout()} while the database is
     * unavailable — then stops the writer. Transitions still unwritten then are logged at ERROR, one line each.
     * Close it before the database's connection pool. Idempotent.
     */
    @Override
    public void close() {
        writer.close();
    }

    private static <T> T read(Supplier<T> query) {
        return DatabaseFailures.guarded(
                "audit trail cannot be read", query, TransitionHistoryUnavailableException::new);
    }
}
