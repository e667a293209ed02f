package io.haderos.shipping.adapter.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;

/**
 * The gateway's database: a Hikari connection pool, the schema migrated by Flyway, and JDBI on top.
 * H2 (a file under {@code ./data/} by default) or PostgreSQL, chosen by the JDBC URL.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String kind;

    private Database(HikariDataSource dataSource, String kind) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.kind = kind;
    }

    /**
     * Where the database is and how to log in.
     *
     * @param schema    for PostgreSQL, the schema to use (created if missing); empty for the user's default
     * @param poolSize  connections kept open at most
     */
    public record Settings(
            String url,
            Optional<String> username,
            Optional<String> password,
            Optional<String> schema,
            int poolSize,
            Duration connectionTimeout) {

        public Settings {
            if (url == null || !url.startsWith("jdbc:")) {
                throw new IllegalArgumentException("database url must be a JDBC URL (jdbc:h2:… or jdbc:postgresql:…)");
            }
            if (poolSize < 1) {
                throw new IllegalArgumentException("pool size must be at least 1");
            }
        }

        public static Settings of(String url, Optional<String> username, Optional<String> password) {
            return new Settings(url, username, password, Optional.empty(), 10, Duration.ofSeconds(5));
        }

        public Settings withSchema(String schema) {
            return new Settings(url, username, password, Optional.of(schema), poolSize, connectionTimeout);
        }

        @Override
        public String toString() {
            return "Settings[url=" + url + ", username=" + username.orElse("") + ", password=***, schema="
                    + schema.orElse("") + ", poolSize=" + poolSize + "]";
        }
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @throws IllegalStateException when the database cannot be reached or migrated
     */
    public static Database open(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(settings.url()));
        settings.username().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        settings.schema().ifPresent(config::setSchema);
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setPoolName("gateway-db");
        // Start even when the database is away: the audit writer retries, readiness says so.
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            FluentConfiguration flyway =
                    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
            settings.schema().ifPresent(flyway::schemas);
            flyway.load().migrate();
            return new Database(dataSource, settings.url().startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2");
        } catch (RuntimeException e) {
            dataSource.close();
            // Not the URL: it may carry a password.
            throw new IllegalStateException("cannot open the database: " + DatabaseFailures.describe(e), e);
        }
    }

    /** Whether this is PostgreSQL, which can notify other instances of a change (H2 cannot: they poll). */
    boolean isPostgres() {
        return kind.equals("PostgreSQL");
    }

    /**
     * A connection of its own, outside the pool, for a listener that holds it for as long as it listens: a pooled one
     * would be taken from the requests for good.
     */
    Connection dedicatedConnection(String applicationName) throws SQLException {
        Properties properties = new Properties();
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    /** {@code H2} or {@code PostgreSQL}, for the start-up log. */
    public String kind() {
        return kind;
    }

    /**
     * H2 writes a commit to its file up to 500 ms later by default: a {@code kill -9} in that window would
     * forget an order the carrier has already shipped, and the next request would ship it again. Every commit
     * goes to the file at once unless the URL says otherwise.
     */
    static String durable(String url) {
        boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        return h2File && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY=") ? url + ";WRITE_DELAY=0" : url;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Whether a connection can be had and answers now. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
