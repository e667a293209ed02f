package io.haderos.shipping.adapter.jdbi;

import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.FAST;
import static io.haderos.shipping.adapter.jdbi.JdbiCircuitTransitionLogFixtures.PATIENCE;
import static org.awaitility.Awaitility.await;

import io.haderos.shipping.domain.port.out.CircuitTransitionListener;
import io.haderos.shipping.domain.testing.TransitionHistoryContract;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit trail contract on a fresh database of {@link #kind()}: one log per instance id. */
abstract class JdbiTransitionHistoryContract extends TransitionHistoryContract {

    @RegisterExtension
    final FreshDatabases databases = new FreshDatabases();

    abstract TestDatabases.Kind kind();

    private final List<JdbiCircuitTransitionLog> logs = new ArrayList<>();

    @Override
    protected Trail open(Clock clock, String... instanceIds) {
        Database database = databases.open(kind());
        Map<String, CircuitTransitionListener> writers = new LinkedHashMap<>();
        for (String instanceId : instanceIds) {
            JdbiCircuitTransitionLog log = new JdbiCircuitTransitionLog(database.jdbi(), instanceId, clock, FAST);
            logs.add(log);
            writers.put(instanceId, log);
        }
        return new Trail(
                writers,
                logs.get(0),
                () -> await().atMost(PATIENCE).until(() -> logs.stream().allMatch(log -> log.backlog() == 0)));
    }

    /** Before {@link #databases} closes the database, so that each log's last writes still reach it. */
    @AfterEach
    void closeLogs() {
        logs.forEach(JdbiCircuitTransitionLog::close);
    }
}
