package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as an operator runs it, in its own process: embedded MariaDB on a fresh data directory,
 * healthy, SIGTERM exits 0 within 10 s, a second start reuses the data and holds the data directory against
 * a migrate, a MariaDB left by a killed Hotline is stopped by the next start; and the command line's failures.
 */
class HotlineProcessIT {
    private static final Path JAR = Path.of(System.getProperty("hotline.jar", "target/hotline.jar"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> embeddedDirectories = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // The logs stay for inspection; the ~400 MB of MariaDB files do not.
        for (Path directory : embeddedDirectories) {
            // A MariaDB that a killed Hotline left (should the test have failed before the next start stopped it).
            Path pidFile = directory.resolve("data").resolve("mariadbd.pid");
            if (Files.isRegularFile(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(server -> {
                    server.destroy();
                    server.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(failure -> server).join();
                });
            }
            deleteRecursively(directory);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void shouldRunOnEmbeddedDatabaseStopOnSigtermAndReuseDataOnRestart() throws Exception {
        // given a fresh data directory and free ports
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
        embeddedDirectories.add(dataDir.resolve("mariadb"));
        int httpPort = HotlineTest.freePort();
        int dbPort = HotlineTest.freePort();
        Map<String, String> env = Map.of(
                "HOTLINE_DATA_DIR", dataDir.toString(),
                "HOTLINE_HTTP_PORT", Integer.toString(httpPort),
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_EMBEDDED_DB_PORT", Integer.toString(dbPort));

        // when Hotline runs for the first time
        Process first = start(env, dataDir.resolve("first.log"), "run");
        awaitHealthy(httpPort, Duration.ofSeconds(120));
        assertThat(get(httpPort, "/metrics").body()).contains("hikaricp_connections");
        long seats = count(dataDir, dbPort, "SELECT COUNT(*) FROM seat");
        long migrations = count(dataDir, dbPort, "SELECT COUNT(*) FROM flyway_schema_history");
        assertThat(seats).isPositive();

        // then SIGTERM stops it in order with exit status 0 within 10 s
        first.destroy();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s").isTrue();
        assertThat(first.exitValue()).isZero();

        // and a second start over the same directory reuses the data: no new migration, no second seed
        Process second = start(env, dataDir.resolve("second.log"), "run");
        awaitHealthy(httpPort, Duration.ofSeconds(150));
        assertThat(count(dataDir, dbPort, "SELECT COUNT(*) FROM seat")).isEqualTo(seats);
        assertThat(count(dataDir, dbPort, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(migrations);

        // and while it runs, migrate on the same data directory says so at once and exits 1
        Process migrate = start(env, dataDir.resolve("migrate.log"), "migrate");
        assertThat(migrate.waitFor(30, TimeUnit.SECONDS)).as("migrate ended").isTrue();
        assertThat(migrate.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dataDir.resolve("migrate.log"))).contains("hotline: another Hotline (pid "
                + second.pid() + ", hotline run) uses data directory " + dataDir);

        // when it dies without stopping anything (kill -9), its MariaDB stays behind
        long mariadb = Long.parseLong(Files.readString(dataDir.resolve("mariadb/data/mariadbd.pid")).strip());
        second.destroyForcibly();
        assertThat(second.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(mariadb).map(ProcessHandle::isAlive)).contains(true);

        // then the next start finds and stops it, and comes up over the same data
        Process third = start(env, dataDir.resolve("third.log"), "run");
        awaitHealthy(httpPort, Duration.ofSeconds(150));
        assertThat(ProcessHandle.of(mariadb).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.readString(dataDir.resolve("third.log"))).contains("(pid " + mariadb + ") left behind");
        assertThat(count(dataDir, dbPort, "SELECT COUNT(*) FROM seat")).isEqualTo(seats);
        third.destroy();
        assertThat(third.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(third.exitValue()).isZero();
    }

    @Test
    void shouldRejectAnInvalidSettingNamingIt() throws Exception {
        Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "invalid-", ".log");
        Process process = start(Map.of("HOTLINE_HTTP_PORT", "eighty"), log, "run");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("HOTLINE_HTTP_PORT", "eighty");
    }

    @Test
    void shouldExitOneWithTheCauseWhenTheExternalDatabaseIsUnreachable() throws Exception {
        Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "unreachable-", ".log");
        Process process = start(Map.of(
                "HOTLINE_DB_URL", "jdbc:mysql://127.0.0.1:" + HotlineTest.freePort() + "/hotline",
                "HOTLINE_DB_PASSWORD", "never-printed",
                "HOTLINE_DB_CONNECT_TIMEOUT", "1s",
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("unreachable")), log, "run");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        String output = Files.readString(log);
        assertThat(output).contains("hotline: cannot connect to database").doesNotContain("never-printed");
    }

    @Test
    void shouldDescribeEveryCommandInHelp() throws Exception {
        Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "help-", ".log");
        Process process = start(Map.of(), log, "--help");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(log)).contains("run", "seed", "migrate", "config");
    }

    private Process start(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("HOTLINE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitHealthy(int port, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> get(port, "/health").statusCode() == 200);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A count on the embedded database, as the operator reaches it: account hotline, the generated password. */
    private static long count(Path dataDir, int dbPort, String sql) throws SQLException, IOException {
        String password = Files.readString(dataDir.resolve("mariadb").resolve("password")).strip();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + dbPort + "/hotline", "hotline", password);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
