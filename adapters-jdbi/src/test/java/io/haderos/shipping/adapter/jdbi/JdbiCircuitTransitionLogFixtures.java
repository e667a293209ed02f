package io.haderos.shipping.adapter.jdbi;

import io.haderos.shipping.adapter.jdbi.TestDatabases.Kind;
import io.haderos.shipping.domain.circuit.CircuitState;
import io.haderos.shipping.domain.circuit.CircuitStateChanged;
import io.haderos.shipping.domain.model.CarrierId;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** Databases that tests can take away and give back, and transitions to feed the audit trail. */
final class JdbiCircuitTransitionLogFixtures {

    /** Small batches, quick retries, a short flush: what the tests need to stay fast. */
    static final JdbiCircuitTransitionLog.Settings FAST = JdbiCircuitTransitionLog.Settings.DEFAULTS
            .withBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
            .withCloseTimeout(Duration.ofSeconds(5));

    /** Bounds every wait of the tests: generous, since nothing waits for it when all goes well. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private JdbiCircuitTransitionLogFixtures() {}

    static CircuitStateChanged event(CarrierId carrier, long sequence, CircuitState from, CircuitState to, Instant at) {
        int failures = to == CircuitState.CLOSED ? 0 : 3;
        int successes = to == CircuitState.CLOSED ? 2 : 0;
        return new CircuitStateChanged(
                carrier, from, to, at, "test transition " + sequence, sequence, failures, successes, Optional.empty());
    }

    /**
     * A breaker that keeps flapping: closed → open → half_open → closed → open …, one transition a second from
     * {@code start}, sequence 1 upwards.
     */
    static CircuitStateChanged flap(CarrierId carrier, long sequence, Instant start) {
        CircuitState[] cycle = {CircuitState.CLOSED, CircuitState.OPEN, CircuitState.HALF_OPEN};
        CircuitState from = cycle[(int) ((sequence - 1) % 3)];
        CircuitState to = cycle[(int) (sequence % 3)];
        return event(carrier, sequence, from, to, start.plusSeconds(sequence));
    }

    /**
     * A fresh migrated database ({@link #database}, always there, for assertions) and a {@link FlakyDataSource}
     * in front of it for the log under test.
     */
    static final class TestDatabase implements AutoCloseable {

        final Database database;
        final FlakyDataSource dataSource;

        private TestDatabase(Database database, FlakyDataSource dataSource) {
            this.database = database;
            this.dataSource = dataSource;
        }

        static TestDatabase open(Kind kind) {
            Database.Settings settings = TestDatabases.settings(kind);
            return new TestDatabase(Database.open(settings), new FlakyDataSource(settings));
        }

        /** A JDBI for the log under test: through the flaky data source. */
        Jdbi flakyJdbi() {
            return Jdbi.create(dataSource);
        }

        Jdbi jdbi() {
            return database.jdbi();
        }

        int rows() {
            return jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM circuit_transition")
                    .mapTo(Integer.class)
                    .one());
        }

        /** The sequences of an instance's carrier in the order the rows were inserted. */
        List<Long> sequencesInInsertOrder(String instanceId, CarrierId carrier) {
            return jdbi().withHandle(h -> h.createQuery("""
                            SELECT sequence FROM circuit_transition
                             WHERE instance_id = :instance AND carrier = :carrier ORDER BY id""")
                    .bind("instance", instanceId)
                    .bind("carrier", carrier.value())
                    .mapTo(Long.class)
                    .list());
        }

        @Override
        public void close() {
            dataSource.release();
            database.close();
        }
    }

    /**
     * A data source without a pool, one new connection per request, that a test can switch off (connections are
     * refused), make hang, or have one commit succeed but report failure (the acknowledgement lost on the way).
     */
    static final class FlakyDataSource implements DataSource {

        /** Looks like what a careless driver might put in a message: the alert must not repeat it. */
        static final String SECRET = "hunter2";

        private final Database.Settings settings;
        private final AtomicBoolean available = new AtomicBoolean(true);
        private final AtomicBoolean failNextCommit = new AtomicBoolean();
        private final AtomicInteger commits = new AtomicInteger();
        private final Set<String> callerThreads = ConcurrentHashMap.newKeySet();
        private volatile CountDownLatch hang = new CountDownLatch(0);

        FlakyDataSource(Database.Settings settings) {
            this.settings = settings;
        }

        void goAway() {
            available.set(false);
        }

        void comeBack() {
            available.set(true);
        }

        /** Connections are handed out only after {@link #release()}. */
        void hang() {
            hang = new CountDownLatch(1);
        }

        void release() {
            hang.countDown();
        }

        /** The next commit is carried out, then reported as failed. */
        void failNextCommitAfterCommitting() {
            failNextCommit.set(true);
        }

        int commits() {
            return commits.get();
        }

        /** The names of the threads that asked for a connection. */
        Set<String> callerThreads() {
            return Set.copyOf(callerThreads);
        }

        @Override
        public Connection getConnection() throws SQLException {
            callerThreads.add(Thread.currentThread().getName());
            try {
                if (!hang.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new SQLTransientConnectionException("test: connection request timed out", "08001");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("interrupted", "08001", e);
            }
            if (!available.get()) {
                throw new SQLTransientConnectionException(
                        "Connection to jdbc:postgresql://gateway:" + SECRET + "@db:5432/gw?password=" + SECRET
                                + " refused",
                        "08001");
            }
            Connection real = DriverManager.getConnection(
                    settings.url(),
                    settings.username().orElse(""),
                    settings.password().orElse(""));
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(real, args);
                            if (method.getName().equals("commit")) {
                                commits.incrementAndGet();
                                if (failNextCommit.getAndSet(false)) {
                                    throw new SQLException("test: connection reset after the commit", "08006");
                                }
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
