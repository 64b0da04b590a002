package io.hotline.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How {@link Instant}s cross the wire. mysql-connector-j sees MariaDB 10.x as "5.5.5-10.11..." and, for a
 * server it believes is that old, silently truncates a bound {@code Timestamp} or {@code Instant} to whole
 * seconds. Binding the instant as a UTC string with milliseconds sidesteps the driver entirely; every
 * Hotline time column is {@code DATETIME(3)} in UTC. Instants are truncated to milliseconds here, because
 * MariaDB truncates extra digits while MySQL rounds them: both then store the same value.
 */
public final class UtcInstants {
    private static final DateTimeFormatter WIRE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private UtcInstants() {
    }

    /** The SQL literal text of an instant: {@code 2026-11-22 12:29:17.123}, UTC. */
    public static String toSql(Instant instant) {
        return WIRE_FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The argument factory that binds instants as UTC strings. */
    public static AbstractArgumentFactory<Instant> argumentFactory() {
        return new ArgumentFactory();
    }

    /** The column mapper that reads {@code DATETIME} columns as UTC instants. */
    public static ColumnMapper<Instant> columnMapper() {
        return UtcInstants::read;
    }

    private static Instant read(ResultSet resultSet, int column, StatementContext context) throws SQLException {
        LocalDateTime local = resultSet.getObject(column, LocalDateTime.class);
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }

    private static final class ArgumentFactory extends AbstractArgumentFactory<Instant> {
        ArgumentFactory() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            String text = toSql(value);
            return (position, statement, context) -> statement.setString(position, text);
        }
    }
}
