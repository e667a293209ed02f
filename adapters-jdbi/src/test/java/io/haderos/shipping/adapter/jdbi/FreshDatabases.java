package io.haderos.shipping.adapter.jdbi;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The databases a test opens, each closed after the test, the last opened first: the set-up and tear-down every JDBI
 * contract suite shares. Register it on an instance field with {@code @RegisterExtension}; it closes after the
 * test's own {@code @AfterEach} methods, so that what they stop (a log's writer) still finds its database open.
 */
final class FreshDatabases implements AfterEachCallback {

    private final Deque<Database> opened = new ArrayDeque<>();

    /** A migrated database (H2) or schema (PostgreSQL) of {@code kind} that nothing has used yet. */
    Database open(TestDatabases.Kind kind) {
        return open(TestDatabases.settings(kind));
    }

    /** A pool on {@code settings}; opening one settings twice gives two instances that share one database. */
    Database open(Database.Settings settings) {
        Database database = Database.open(settings);
        opened.push(database);
        return database;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }
}
