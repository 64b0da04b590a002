package io.hotline.benchmarks.ami;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Context switches (voluntary and involuntary) of this process's threads, from {@code /proc/self/task/<tid>/status}
 * (Linux only). A snapshot maps each live thread to its count so far; {@link #since} adds up what the threads did
 * after it, new threads counted from zero and threads that ended in between lost. Immutable; thread-safe.
 */
final class ContextSwitches {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** More threads than any run of this benchmark has; bounds the directory walk. */
    private static final int MAX_THREADS = 10_000;

    private final Map<String, Long> byThread;

    private ContextSwitches(Map<String, Long> byThread) {
        this.byThread = Map.copyOf(byThread);
    }

    /** The counts now, or an empty snapshot where {@code /proc} is missing. */
    static ContextSwitches now() {
        Map<String, Long> counts = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new ContextSwitches(counts);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                if (counts.size() >= MAX_THREADS) {
                    break;
                }
                long switches = switches(task.resolve("status"));
                if (switches >= 0) {
                    counts.put(task.getFileName().toString(), switches);
                }
            }
        } catch (IOException e) {
            counts.clear();
        }
        return new ContextSwitches(counts);
    }

    /** A thread's voluntary plus involuntary switches, or -1 when it ended before it could be read. */
    private static long switches(Path status) {
        try {
            long total = 0;
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                    total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return total;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Switches of the threads alive now since {@code earlier}, or -1 when {@code /proc} could not be read. */
    long since(ContextSwitches earlier) {
        if (byThread.isEmpty() || earlier.byThread.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (Map.Entry<String, Long> thread : byThread.entrySet()) {
            total += thread.getValue() - earlier.byThread.getOrDefault(thread.getKey(), 0L);
        }
        return total;
    }
}
