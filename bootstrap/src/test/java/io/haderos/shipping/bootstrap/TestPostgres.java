package io.haderos.shipping.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fresh schema in the PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}; override
 * with {@code TEST_POSTGRES_URL} and {@code TEST_POSTGRES_USER}), for gateways that must share one database.
 */
final class TestPostgres {

    static final String URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("TEST_POSTGRES_USER", "postgres");

    /** Schemas this JVM created; dropped when it exits, so that repeated runs do not pile them up. */
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreatedSchemas, "drop-it-schemas"));
    }

    private TestPostgres() {
    }

    /** Creates a new schema and returns a JDBC URL whose connections use it. */
    static String freshSchemaUrl() throws SQLException {
        return schemaUrl(URL, freshSchema());
    }

    static String freshSchema() throws SQLException {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL, USER, null)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        CREATED.add(schema);
        return schema;
    }

    static String schemaUrl(String url, String schema) {
        return url + "?currentSchema=" + schema;
    }

    /** The gateway's database settings for {@code url}. */
    static Map<String, String> environment(String url) {
        return Map.of("DATABASE_URL", url, "DATABASE_USERNAME", USER);
    }

    private static void dropCreatedSchemas() {
        try (Connection connection = DriverManager.getConnection(URL, USER, null)) {
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
