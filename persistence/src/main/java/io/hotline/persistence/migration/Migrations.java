package io.hotline.persistence.migration;

import io.hotline.persistence.DatabaseUnavailableException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies Hotline's Flyway migrations. Stateless; call from one thread at start. */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Where the migration scripts live on the class path. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /**
     * Brings the schema of {@code dataSource}'s database up to date.
     *
     * @return the number of migrations this call applied (0 when already current)
     * @throws DatabaseUnavailableException when a migration fails; the message names it
     */
    public static int migrate(DataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            LOG.info("Database schema at version {} ({} migration(s) applied now)",
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseUnavailableException("database migration failed: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
