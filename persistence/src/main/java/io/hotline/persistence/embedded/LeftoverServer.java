package io.hotline.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a MariaDB server left running over a data directory by a Hotline that died without stopping
 * it ({@code kill -9}, an {@code OutOfMemoryError} exit, a power cut of the JVM only). The server writes its pid
 * to {@code mariadbd.pid} in its data directory; a process with that pid counts as the leftover only when its
 * command line is {@code mariadbd} with exactly this {@code --datadir}, so a recycled pid is never touched.
 * The caller holds Hotline's data-directory lock, so no running Hotline owns that server. Stateless.
 */
final class LeftoverServer {
    /** The pid file's name in the server's data directory. */
    static final String PID_FILE = "mariadbd.pid";

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
    private static final Duration ORDERLY_STOP = Duration.ofSeconds(60);
    private static final Duration KILLED_STOP = Duration.ofSeconds(10);

    private LeftoverServer() {
    }

    /** Stops the server running over {@code dataDir}, if any; returns its pid when there was one. */
    static Optional<Long> stopIfRunning(Path dataDir) {
        Optional<ProcessHandle> leftover = find(dataDir);
        leftover.ifPresent(process -> stop(process, dataDir));
        return leftover.map(ProcessHandle::pid);
    }

    /** The live {@code mariadbd} process over {@code dataDir} named by its pid file, if any. */
    static Optional<ProcessHandle> find(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Ignoring the unreadable MariaDB pid file {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> servesDataDirectory(commandLine(pid), dataDir));
    }

    /** Whether {@code arguments} (argv of a process) are a {@code mariadbd} over {@code dataDir}. */
    static boolean servesDataDirectory(List<String> arguments, Path dataDir) {
        if (arguments.isEmpty() || !Path.of(arguments.get(0)).getFileName().toString().equals("mariadbd")) {
            return false;
        }
        String wanted = "--datadir=" + dataDir.toAbsolutePath().normalize();
        return arguments.contains(wanted);
    }

    /** The process's arguments from {@code /proc} (Linux); empty where there is no such file. */
    private static List<String> commandLine(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
            return Arrays.stream(raw.split("\0")).filter(argument -> !argument.isEmpty()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void stop(ProcessHandle process, Path dataDir) {
        LOG.warn("A MariaDB server (pid {}) left behind by an earlier Hotline still runs over {}: stopping it",
                process.pid(), dataDir);
        process.destroy();
        if (!awaitExit(process, ORDERLY_STOP)) {
            LOG.warn("The left-behind MariaDB server (pid {}) did not stop within {} s: killing it", process.pid(),
                    ORDERLY_STOP.toSeconds());
            process.destroyForcibly();
            if (!awaitExit(process, KILLED_STOP)) {
                throw new IllegalStateException("the MariaDB server left behind (pid " + process.pid()
                        + ") over " + dataDir + " does not stop; stop it by hand");
            }
        }
        LOG.info("The left-behind MariaDB server (pid {}) stopped", process.pid());
    }

    private static boolean awaitExit(ProcessHandle process, Duration atMost) {
        try {
            process.onExit().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
