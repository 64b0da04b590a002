package io.hotline.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import io.hotline.persistence.internal.UtcInstants;
import io.hotline.persistence.migration.Migrations;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool and the Jdbi instance over it: the one way Hotline reaches its database. Thread-safe; methods
 * block on I/O. {@link #close()} closes the pool (not an embedded server: see {@code EmbeddedMariaDb}).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String redactedUrl;

    private Database(HikariDataSource dataSource, String redactedUrl) {
        this.dataSource = dataSource;
        this.redactedUrl = redactedUrl;
        this.jdbi = configure(Jdbi.create(dataSource));
    }

    /**
     * Opens the pool and checks that the database answers.
     *
     * @param config         where the database is
     * @param meterRegistry  a Micrometer {@code MeterRegistry} for HikariCP's pool metrics, or {@code null};
     *                       typed {@code Object} as HikariCP's own setter is, so persistence needs no Micrometer
     * @throws DatabaseUnavailableException when no connection can be made within the connect timeout
     */
    public static Database open(PersistenceConfig config, Object meterRegistry) {
        String url = JdbcUrls.withRequiredProperties(config.jdbcUrl());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("hotline-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setValidationTimeout(Math.min(config.connectTimeout().toMillis(), 5_000));
        // Fail at start, with the cause, rather than on the first request.
        hikari.setInitializationFailTimeout(config.connectTimeout().toMillis());
        hikari.addDataSourceProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
        hikari.addDataSourceProperty("cachePrepStmts", "true");
        hikari.addDataSourceProperty("useServerPrepStmts", "false");
        if (meterRegistry != null) {
            hikari.setMetricRegistry(meterRegistry);
        }
        String redacted = JdbcUrls.redact(url);
        try {
            HikariDataSource dataSource = new HikariDataSource(hikari);
            LOG.info("Connected to {} as {} (pool of {})", redacted, config.user(), config.poolSize());
            return new Database(dataSource, redacted);
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseUnavailableException("cannot connect to database " + redacted + " as '"
                    + config.user() + "': " + rootMessage(e), e);
        }
    }

    static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(UtcInstants.argumentFactory());
        jdbi.registerColumnMapper(Instant.class, UtcInstants.columnMapper());
        return jdbi;
    }

    /** Applies pending migrations; returns how many ran. */
    public int migrate() {
        return Migrations.migrate(dataSource);
    }

    /** The Jdbi instance (thread-safe; handles and statements are not). */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pooled data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Connections of the pool in use now (0 once closed). Thread-safe, never blocks. */
    public int poolActive() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getActiveConnections();
    }

    /** Threads waiting for a connection of the pool now (0 once closed). Thread-safe, never blocks. */
    public int poolWaiting() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getThreadsAwaitingConnection();
    }

    /** A health check that borrows a connection and asks the driver whether it is valid. */
    public HealthCheck healthCheck() {
        return HealthCheck.of("database", this::ping);
    }

    private ComponentHealth ping() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                return ComponentHealth.down("a pooled connection is not valid");
            }
            DatabaseMetaData metaData = connection.getMetaData();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", metaData.getDatabaseProductName());
            details.put("version", metaData.getDatabaseProductVersion());
            details.put("poolActive", dataSource.getHikariPoolMXBean().getActiveConnections());
            details.put("poolTotal", dataSource.getHikariPoolMXBean().getTotalConnections());
            return ComponentHealth.up("connected", details);
        } catch (SQLException | RuntimeException e) {
            return ComponentHealth.down("cannot reach the database: " + JdbcUrls.withoutUrls(rootMessage(e)));
        }
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
