package io.haderos.shipping.bootstrap;

import io.haderos.shipping.adapter.jdbi.TestDatabases;
import java.util.Map;

/**
 * Gateways sharing the PostgreSQL at 127.0.0.1:5432 (see {@link TestDatabases}): a fresh schema, and the
 * environment that points a gateway at it.
 */
final class TestPostgres {

    static final String URL = TestDatabases.POSTGRES_URL;
    static final String USER = TestDatabases.POSTGRES_USER;

    private TestPostgres() {}

    /** Creates a new schema (dropped when the test JVM exits) and returns a JDBC URL whose connections use it. */
    static String freshSchemaUrl() {
        return schemaUrl(URL, freshSchema());
    }

    static String freshSchema() {
        return TestDatabases.freshPostgresSchema();
    }

    static String schemaUrl(String url, String schema) {
        return url + "?currentSchema=" + schema;
    }

    /** The gateway's database settings for {@code url}. */
    static Map<String, String> environment(String url) {
        return Map.of("DATABASE_URL", url, "DATABASE_USERNAME", USER);
    }
}
