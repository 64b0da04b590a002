package io.hotline.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the database. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl        a {@code jdbc:mysql:} or {@code jdbc:mariadb:} URL; Hotline adds the settings it needs
 *                       (UTC session time zone, batched statements) unless the URL sets them itself
 * @param user           the database user
 * @param password       the password, possibly empty
 * @param poolSize       the largest number of pooled connections (HikariCP {@code maximumPoolSize})
 * @param connectTimeout how long to wait for a connection before failing
 */
public record PersistenceConfig(String jdbcUrl, String user, String password, int poolSize,
                                Duration connectTimeout) {

    public PersistenceConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (!jdbcUrl.startsWith("jdbc:mysql:") && !jdbcUrl.startsWith("jdbc:mariadb:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:mysql: (got " + JdbcUrls.redact(jdbcUrl)
                    + ")");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        if (connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectTimeout must be at least 250 ms: " + connectTimeout);
        }
    }

    @Override
    public String toString() {
        return "PersistenceConfig[jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "******") + ", poolSize=" + poolSize + ", connectTimeout="
                + connectTimeout + "]";
    }
}
