package io.hotline.app;

import io.hotline.persistence.PersistenceConfig;
import io.hotline.persistence.embedded.EmbeddedMariaDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Hotline's database is: an external server when {@code url} is present, otherwise an embedded MariaDB
 * whose files live under {@code dataDir/mariadb}. {@link #toString()} never shows the password.
 *
 * @param url            the external server's JDBC URL, or empty for the embedded server
 * @param user           the user on the external server
 * @param password       its password
 * @param poolSize       the connection pool's size
 * @param connectTimeout how long to wait for a connection
 * @param dataDir        Hotline's data directory (the embedded server's files are below it)
 * @param embeddedPort   the embedded server's port on 127.0.0.1, 0 for a free one
 */
public record DatabaseSettings(Optional<String> url, String user, String password, int poolSize,
                               Duration connectTimeout, Path dataDir, int embeddedPort) {

    /** The name of Hotline's database on the embedded server. */
    static final String EMBEDDED_DATABASE = "hotline";

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Whether Hotline must start its own MariaDB. */
    public boolean embedded() {
        return url.isEmpty();
    }

    /** Where the embedded server keeps its files. */
    public Path embeddedDirectory() {
        return dataDir.resolve("mariadb");
    }

    /** The pool configuration for the external server. */
    PersistenceConfig external() {
        return new PersistenceConfig(url.orElseThrow(), user, password, poolSize, connectTimeout);
    }

    /** The pool configuration for Hotline's database on the embedded {@code server} (its generated account). */
    PersistenceConfig embeddedAt(EmbeddedMariaDb server) {
        return new PersistenceConfig(server.jdbcUrl(EMBEDDED_DATABASE), server.user(), server.password(), poolSize,
                connectTimeout);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + (embedded() ? "embedded in " + embeddedDirectory() : external()) + "]";
    }
}
