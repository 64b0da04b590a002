package io.hotline.app;

import io.hotline.persistence.Database;
import io.hotline.persistence.embedded.EmbeddedMariaDb;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hotline's database, opened and migrated: the pool, and the embedded server under it when there is one.
 * Closing closes the pool first, then stops the embedded server. Not thread-safe: the lifecycle thread owns it.
 */
final class OpenDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenDatabase.class);

    private final Database database;
    private final EmbeddedMariaDb embedded;

    private OpenDatabase(Database database, EmbeddedMariaDb embedded) {
        this.database = database;
        this.embedded = embedded;
    }

    /**
     * Starts the embedded server if the settings ask for it, opens the pool and applies migrations.
     *
     * @param meterRegistry a Micrometer registry for the pool's metrics, or {@code null}
     */
    static OpenDatabase open(DatabaseSettings settings, Object meterRegistry) {
        if (!settings.embedded()) {
            return migrated(Database.open(settings.external(), meterRegistry), null);
        }
        LOG.info("HOTLINE_DB_URL is not set: starting the embedded MariaDB in {}", settings.embeddedDirectory());
        EmbeddedMariaDb embedded = EmbeddedMariaDb.start(settings.embeddedDirectory(), settings.embeddedPort());
        try {
            embedded.createDatabase(DatabaseSettings.EMBEDDED_DATABASE);
            Database database = Database.open(settings.embeddedAt(embedded), meterRegistry);
            return migrated(database, embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static OpenDatabase migrated(Database database, EmbeddedMariaDb embedded) {
        try {
            database.migrate();
            return new OpenDatabase(database, embedded);
        } catch (RuntimeException e) {
            database.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    Database database() {
        return database;
    }

    Optional<EmbeddedMariaDb> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        database.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
