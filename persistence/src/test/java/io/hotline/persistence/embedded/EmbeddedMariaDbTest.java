package io.hotline.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.Database;
import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.PersistenceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded server itself, whatever server the other tests use: first start unpacks and initialises,
 * a second start over the same directory keeps the data.
 */
class EmbeddedMariaDbTest {

    // Not a @TempDir: those lie under java.io.tmpdir, which the embedded server refuses (see the last test).
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
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(directory, 0)) {
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
            server.createDatabase("hotline");
            try (Database database = Database.open(config(server), null)) {
                // then the schema is current and the row is still there
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
    void shouldExplainWhyItCannotStart() throws Exception {
        Path notADirectory = Files.createFile(directory.resolve("occupied"));

        assertThatThrownBy(() -> EmbeddedMariaDb.start(notADirectory, 0))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("embedded MariaDB did not start")
                .hasMessageContaining(notADirectory.toString());
    }

    @Test
    void shouldRefuseADirectoryThatMariaDb4jWouldWipe() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "hotline-data");

        assertThatThrownBy(() -> EmbeddedMariaDb.start(underTmp, 0))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("choose another directory");
        assertThat(underTmp).doesNotExist();
    }

    private static PersistenceConfig config(EmbeddedMariaDb server) {
        return new PersistenceConfig(server.jdbcUrl("hotline"), "root", "", 2, Duration.ofSeconds(5));
    }

    private static void deleteRecursively(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
