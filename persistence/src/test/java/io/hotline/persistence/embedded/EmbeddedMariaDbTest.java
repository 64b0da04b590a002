package io.hotline.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.Database;
import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.PersistenceConfig;
import io.hotline.persistence.files.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded server itself, whatever server the other tests use: first start unpacks and initialises with a
 * generated password that a connection without it does not get past, owner-only files, a second start over the
 * same directory keeps the data, a server left behind is stopped.
 */
class EmbeddedMariaDbTest {

    private Path directory;

    @BeforeEach
    void createDirectory() throws Exception {
        Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
        directory = Files.createTempDirectory(target, "embedded-test-");
    }

    @AfterEach
    void deleteDirectory() throws Exception {
        deleteRecursively(directory);
    }

    @Test
    void shouldKeepDataAcrossRestartsAndRestoreMissingBinaries() throws Exception {
        // given a first start that migrates and writes a row
        String password;
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(directory, 0)) {
            password = server.password();
            server.createDatabase("hotline");
            try (Database database = Database.open(config(server), null)) {
                assertThat(database.migrate()).isPositive();
                database.jdbi().useHandle(handle -> handle.execute(
                        "INSERT INTO skill (code, name, kind) VALUES ('ERP', 'ERP suites', 'PRODUCT_LINE')"));
            }
        }
        assertThat(directory.resolve("base").resolve("bin").resolve("mariadbd")).isRegularFile();

        // and binaries that went missing since
        deleteRecursively(directory.resolve("base"));

        // when it starts again over the same files
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(directory, 0)) {
            // then the password is the one kept in the data directory
            assertThat(server.password()).isEqualTo(password);
            server.createDatabase("hotline");
            try (Database database = Database.open(config(server), null)) {
                // and the schema is current and the row is still there
                assertThat(database.migrate()).isZero();
                String name = database.jdbi().withHandle(handle -> handle
                        .createQuery("SELECT name FROM skill WHERE code = 'ERP'").mapTo(String.class).one());
                assertThat(name).isEqualTo("ERP suites");
            }
            // and a database name cannot smuggle SQL into the DDL
            assertThatThrownBy(() -> server.createDatabase("x`; DROP DATABASE mysql; --"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRefuseLocalConnectionsWithoutThePasswordAndKeepItsFilesOwnerOnly() throws Exception {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(directory, 0)) {
            String url = "jdbc:mysql://127.0.0.1:" + server.port() + "/?connectTimeout=5000";

            // a local connection over TCP without the password, as any account, is refused
            for (String user : List.of(server.user(), "root", "", "mysql", "nobody")) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, user, "").close())
                        .as("user '%s' without a password", user)
                        .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, server.user(), "guess").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            // and over the socket, which lies inside the owner-only data directory
            assertThat(server.socket()).startsWith(directory.resolve("data"));
            assertThat(SocketLogin.attempt(server.socket(), server.user())).startsWith("refused");
            assertThat(SocketLogin.attempt(server.socket(), "")).startsWith("refused");
            // while the password works
            try (var connection = DriverManager.getConnection(url, server.user(), server.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }

            // and the files are the owner's only
            Path passwordFile = directory.resolve("password");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password());
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(OwnerOnly.FILE);
            assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(OwnerOnly.DIRECTORY);
            assertThat(directory.resolve("init.sql")).doesNotExist();
            try (Stream<Path> files = Files.walk(directory.resolve("data"))) {
                for (Path file : files.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                        || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    assertThat(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)).as(file.toString())
                            .isEqualTo(Files.isDirectory(file) ? OwnerOnly.DIRECTORY : OwnerOnly.FILE);
                }
            }
        }
    }

    @Test
    void shouldStopAServerLeftBehindByAHotlineThatDied() throws Exception {
        // given a server whose owner never stopped it (as after kill -9: no shutdown hook ran)
        EmbeddedMariaDb first = EmbeddedMariaDb.start(directory, 0);
        long leftover = LeftoverServer.find(directory.resolve("data")).orElseThrow().pid();

        // and no password file, as in a directory written by a Hotline that ran MariaDB without grant tables
        String oldPassword = first.password();
        Files.delete(directory.resolve("password"));

        // when a new start comes over the same directory
        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(directory, 0)) {
            // then the leftover was stopped and the new server serves the data
            assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(LeftoverServer.find(directory.resolve("data")).orElseThrow().pid()).isNotEqualTo(leftover);
            second.createDatabase("hotline");
            // with a new password, kept in a new password file, and the old one no longer works
            assertThat(second.password()).isNotEqualTo(oldPassword);
            assertThat(Files.readString(directory.resolve("password")).strip()).isEqualTo(second.password());
            String url = "jdbc:mysql://127.0.0.1:" + second.port() + "/";
            assertThatThrownBy(() -> DriverManager.getConnection(url, second.user(), oldPassword).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        } finally {
            first.close();
        }
    }

    @Test
    void shouldRecogniseOnlyAMariadbdOverTheSameDataDirectory() {
        Path data = directory.resolve("data");

        assertThat(LeftoverServer.servesDataDirectory(List.of("/x/bin/mariadbd", "--no-defaults",
                "--datadir=" + data), data)).isTrue();
        assertThat(LeftoverServer.servesDataDirectory(List.of("/x/bin/mariadbd", "--datadir=" + data + "2"), data))
                .isFalse();
        assertThat(LeftoverServer.servesDataDirectory(List.of("/usr/bin/java", "--datadir=" + data), data)).isFalse();
        assertThat(LeftoverServer.servesDataDirectory(List.of(), data)).isFalse();
    }

    @Test
    void shouldExplainWhyItCannotStart() throws Exception {
        Path notADirectory = Files.createFile(directory.resolve("occupied"));

        assertThatThrownBy(() -> EmbeddedMariaDb.start(notADirectory, 0))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("embedded MariaDB did not start")
                .hasMessageContaining(notADirectory.toString());
    }

    @Test
    void shouldHashPasswordsAsMysqlNativePasswordDoes() {
        // SELECT PASSWORD('password') on MariaDB
        assertThat(EmbeddedCredentials.nativePasswordHash("password"))
                .isEqualTo("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19");
    }

    private static PersistenceConfig config(EmbeddedMariaDb server) {
        return new PersistenceConfig(server.jdbcUrl("hotline"), server.user(), server.password(), 2,
                Duration.ofSeconds(5));
    }

    private static void deleteRecursively(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
