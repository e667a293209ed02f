package io.haderos.shipping.adapter.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * Instants in {@code TIMESTAMP} (without time zone) columns, as UTC wall-clock times, whatever the JVM's or the
 * session's zone: the audit queries then read the same in H2 and PostgreSQL. Microseconds, as both store.
 */
final class UtcTime {

    private UtcTime() {}

    /** Binds the UTC wall-clock time with {@code setObject}: no conversion through any time zone. */
    static Argument of(Instant instant) {
        LocalDateTime value = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, value);
    }

    /** The column's instant, or null when it is SQL NULL. */
    static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
