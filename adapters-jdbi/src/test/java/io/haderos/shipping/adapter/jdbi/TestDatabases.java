package io.haderos.shipping.adapter.jdbi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fresh, migrated databases for tests: an H2 in-memory database, or a new schema in the PostgreSQL at
 * 127.0.0.1:5432 (database {@code test}, user {@code postgres}; override with {@code TEST_POSTGRES_URL},
 * {@code TEST_POSTGRES_USER}). Each call gets its own, so tests never see each other's rows.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = env("TEST_POSTGRES_USER", "postgres");

    /** Schemas this JVM created; dropped when it exits, so that repeated runs do not pile them up. */
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreatedSchemas, "drop-test-schemas"));
    }

    private TestDatabases() {}

    public enum Kind {
        H2,
        POSTGRES
    }

    public static Database open(Kind kind) {
        return Database.open(settings(kind));
    }

    /** Settings of a database (H2) or schema (PostgreSQL) that nothing has used yet. */
    public static Database.Settings settings(Kind kind) {
        return switch (kind) {
            case H2 ->
                Database.Settings.of(
                        "jdbc:h2:mem:" + freshName() + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty());
            case POSTGRES -> {
                String schema = freshPostgresSchema();
                yield Database.Settings.of(
                                POSTGRES_URL + "?currentSchema=" + schema, Optional.of(POSTGRES_USER), Optional.empty())
                        .withSchema(schema);
            }
        };
    }

    /** Creates a schema nothing has used yet in the PostgreSQL at {@link #POSTGRES_URL}; dropped when the JVM exits. */
    public static String freshPostgresSchema() {
        String name = freshName();
        createSchema(name);
        return name;
    }

    private static String freshName() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static void createSchema(String name) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null)) {
            connection.createStatement().execute("CREATE SCHEMA " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is required at " + POSTGRES_URL
                            + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)",
                    e);
        }
    }

    private static void dropCreatedSchemas() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null)) {
            for (String schema : CREATED) {
                connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test schemas " + CREATED + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
