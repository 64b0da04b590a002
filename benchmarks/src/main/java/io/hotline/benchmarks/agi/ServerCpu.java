package io.hotline.benchmarks.agi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time another process on this machine has used: {@code utime + stime} (fields 14 and 15) of
 * {@code /proc/<pid>/stat}, in clock ticks ({@code getconf CLK_TCK}, 100 on Linux). Immutable; thread-safe.
 */
public final class ServerCpu {
    /** For when no server process is given. */
    static final ServerCpu NONE = new ServerCpu(null, 100);

    private final Path stat;
    private final long ticksPerSecond;

    private ServerCpu(Path stat, long ticksPerSecond) {
        this.stat = stat;
        this.ticksPerSecond = ticksPerSecond;
    }

    public static ServerCpu of(long pid, long ticksPerSecond) {
        if (ticksPerSecond < 1) {
            throw new IllegalArgumentException("ticksPerSecond must be positive: " + ticksPerSecond);
        }
        return new ServerCpu(Path.of("/proc", Long.toString(pid), "stat"), ticksPerSecond);
    }

    /** The process's CPU time so far in milliseconds, or -1 when no process was given. */
    public long millis() throws IOException {
        if (stat == null) {
            return -1;
        }
        String text = Files.readString(stat, StandardCharsets.US_ASCII);
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / ticksPerSecond;
    }
}
