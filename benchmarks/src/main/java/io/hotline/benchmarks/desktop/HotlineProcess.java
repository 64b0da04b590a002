package io.hotline.benchmarks.desktop;

import io.hotline.benchmarks.agi.ServerCpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hotline under test seen from outside: its CPU time ({@code /proc/<pid>/stat}), its resident set
 * ({@code VmRSS} of {@code /proc/<pid>/status}) and its Java heap in use, before or after a full collection, read
 * with {@code jcmd} (which briefly attaches to it: never called while calls are timed). Thread-safe.
 */
final class HotlineProcess {
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final long pid;
    private final ServerCpu cpu;

    HotlineProcess(long pid) {
        this.pid = pid;
        this.cpu = ServerCpu.of(pid, 100);
    }

    long cpuMillis() throws IOException {
        return cpu.millis();
    }

    /** The resident set in MiB. */
    double rssMib() throws IOException {
        Matcher matcher = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status"),
                StandardCharsets.US_ASCII));
        if (!matcher.find()) {
            throw new IOException("no VmRSS for process " + pid);
        }
        return Long.parseLong(matcher.group(1)) / 1024.0;
    }

    /** The heap in use in MiB, after a full collection when {@code collectFirst}. */
    double heapUsedMib(boolean collectFirst) throws IOException, InterruptedException {
        if (collectFirst) {
            jcmd("GC.run");
        }
        Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!matcher.find()) {
            throw new IOException("jcmd GC.heap_info of " + pid + " names no heap in use");
        }
        return Long.parseLong(matcher.group(1)) / 1024.0;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + output);
        }
        return output;
    }
}
