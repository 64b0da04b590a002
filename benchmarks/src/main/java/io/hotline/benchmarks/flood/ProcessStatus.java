package io.hotline.benchmarks.flood;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a process on this machine holds now, from {@code /proc/<pid>/status} and {@code /proc/<pid>/fd}: resident
 * memory and its high-water mark in KiB, threads, open files. All -1 once the process is gone. Immutable.
 *
 * @param rssKib  VmRSS
 * @param hwmKib  VmHWM, the peak resident size so far
 * @param threads Threads
 * @param files   entries of {@code /proc/<pid>/fd}
 */
record ProcessStatus(long rssKib, long hwmKib, long threads, long files) {
    static final ProcessStatus GONE = new ProcessStatus(-1, -1, -1, -1);

    static ProcessStatus of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String status = Files.readString(proc.resolve("status"), StandardCharsets.US_ASCII);
            long files;
            try (Stream<Path> entries = Files.list(proc.resolve("fd"))) {
                files = entries.count();
            }
            return new ProcessStatus(field(status, "VmRSS:"), field(status, "VmHWM:"), field(status, "Threads:"),
                    files);
        } catch (IOException e) {
            return GONE;
        }
    }

    private static long field(String status, String name) {
        int start = status.indexOf(name);
        if (start < 0) {
            return -1;
        }
        String rest = status.substring(start + name.length(), status.indexOf('\n', start)).strip();
        return Long.parseLong(rest.split("\\s+")[0]);
    }

    /** Resident memory in MB (10^6 bytes), as docs/benchmarks.md reports it. */
    long rssMb() {
        return rssKib < 0 ? -1 : rssKib * 1024 / 1_000_000;
    }

    /** The larger of each figure. */
    ProcessStatus max(ProcessStatus other) {
        return new ProcessStatus(Math.max(rssKib, other.rssKib), Math.max(hwmKib, other.hwmKib),
                Math.max(threads, other.threads), Math.max(files, other.files));
    }
}
