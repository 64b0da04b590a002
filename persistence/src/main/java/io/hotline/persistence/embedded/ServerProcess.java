package io.hotline.persistence.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MariaDB program (the server or its installer) run as a child process whose console output is read by a
 * daemon thread: errors are logged at WARN, the rest at DEBUG, and the last lines are kept for the message of a
 * failed start. A JVM shutdown hook stops a server still running when the JVM exits without closing it.
 * Thread-safe.
 */
final class ServerProcess {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
    private static final int KEPT_LINES = 20;

    private final String name;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final String marker;
    private final CountDownLatch markerSeen = new CountDownLatch(1);
    private final Thread shutdownHook;

    private ServerProcess(String name, Process process, String marker) {
        this.name = name;
        this.process = process;
        this.marker = marker;
        this.shutdownHook = new Thread(() -> stop(Duration.ofSeconds(10)), name + "-stop-at-exit");
    }

    /**
     * Starts {@code command} in {@code workingDirectory} with {@code environment} added to this JVM's.
     *
     * @param marker a console line containing it counts for {@link #awaitMarker}, or {@code null}
     */
    static ServerProcess start(String name, List<String> command, Map<String, String> environment,
                               Path workingDirectory, String marker) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        ServerProcess server = new ServerProcess(name, builder.start(), marker);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        Thread reader = new Thread(server::readConsole, name + "-console");
        reader.setDaemon(true);
        reader.start();
        return server;
    }

    private void readConsole() {
        try (BufferedReader console = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = console.readLine(); line != null; line = console.readLine()) {
                keep(line);
                if (line.contains("[ERROR]")) {
                    LOG.warn("{}: {}", name, line);
                } else {
                    LOG.debug("{}: {}", name, line);
                }
                if (marker != null && line.contains(marker)) {
                    markerSeen.countDown();
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: console closed: {}", name, e.toString());
        }
    }

    private synchronized void keep(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }

    /** The last console lines, for an error message. */
    synchronized String lastLines() {
        return String.join("\n", lastLines);
    }

    /** The process id. */
    long pid() {
        return process.pid();
    }

    /** Whether the process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the marker line appears; false if the process exits first or {@code atMost} passes. */
    boolean awaitMarker(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (markerSeen.await(200, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (!process.isAlive()) {
                return markerSeen.getCount() == 0;
            }
        }
        return false;
    }

    /** Waits for the process to end; its exit status, or -1 if it still ran after {@code atMost}. */
    int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        removeShutdownHook();
        return process.exitValue();
    }

    /** Asks the process to stop (SIGTERM: MariaDB shuts down cleanly) and kills it after {@code atMost}. */
    void stop(Duration atMost) {
        process.destroy();
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) did not stop within {} s: killing it", name, process.pid(), atMost.toSeconds());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: this very hook may be what is stopping the process.
            LOG.trace("JVM shutting down", e);
        }
    }
}
