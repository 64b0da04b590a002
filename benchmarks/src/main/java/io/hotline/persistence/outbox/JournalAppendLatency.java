package io.hotline.persistence.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One append of the routing journal's log, the way it is now against the ways before, interleaved: each round
 * appends once each way, in a rotating order, so that every way meets the same disk (on a machine whose disk other
 * work shares, ways measured one after another, as JMH runs {@link JournalAppendBenchmark}, meet different disks).
 * Ways: {@code now} ({@link JournalLog}: the lines written over zeros written ahead, {@code fdatasync}),
 * {@code before} (the lines appended to a growing file, {@code fdatasync}, as the log did) and {@code before-fsync}
 * (the same with {@code force(true)}). Each way has its own 4 MiB segments, rolled as the log rolls them.
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.persistence.outbox.JournalAppendLatency [rounds=3000]
 * [dir=benchmarks/target/journal-latency]}; bounded in rounds. Prints p50, p90, p99, p99.9 and max per way in
 * milliseconds and each percentile's ratio to {@code before} (logged at INFO). Single-threaded.
 */
public final class JournalAppendLatency {
    private static final Logger LOG = LoggerFactory.getLogger(JournalAppendLatency.class);
    private static final long SEGMENT_BYTES = 4L << 20;
    private static final Instant AT = Instant.parse("2026-12-07T10:15:30.123Z");
    private static final String[] WAYS = {"now", "before", "before-fsync"};
    private static final double[] PERCENTILES = {0.5, 0.9, 0.99, 0.999, 1.0};

    private final Path directory;
    private final JournalLog log;
    private final FileChannel[] growing = new FileChannel[2];
    private final int[] segmentsStarted = new int[2];
    private long sequence;

    private JournalAppendLatency(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory.resolve("now"));
        Files.createDirectories(directory.resolve("before"));
        this.log = JournalLog.open(directory.resolve("now"), SEGMENT_BYTES);
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path directory = Path.of(args.length > 1 ? args[1] : "benchmarks/target/journal-latency").toAbsolutePath();
        deleteTree(directory);
        long[][] nanos = new long[WAYS.length][rounds];
        JournalAppendLatency bench = new JournalAppendLatency(directory);
        try {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < WAYS.length; i++) {
                    int way = (round + i) % WAYS.length;
                    long started = System.nanoTime();
                    bench.append(way);
                    nanos[way][round] = System.nanoTime() - started;
                }
            }
        } finally {
            bench.close();
            deleteTree(directory);
        }
        LOG.info("{} appends of 2 entries each way, interleaved; ms (ratio to before)", rounds);
        double[] before = percentiles(nanos[1]);
        for (int way = 0; way < WAYS.length; way++) {
            double[] these = percentiles(nanos[way]);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-13s", WAYS[way]));
            for (int p = 0; p < PERCENTILES.length; p++) {
                line.append(String.format(Locale.ROOT, "  p%s %.3f (%.2f)", PERCENTILES[p] == 1.0 ? "max"
                        : Double.toString(PERCENTILES[p] * 100), these[p], these[p] / before[p]));
            }
            LOG.info("{}", line);
        }
    }

    private void append(int way) throws IOException {
        List<JournalEntry> batch = new ArrayList<>(2);
        for (int i = 0; i < 2; i++) {
            batch.add(new JournalEntry.Decision(++sequence, AT, "1733566530.4711",
                    "tier-1 seat BENCH17: ready longest (41 s), skills hw-printer 5, no owner; 3 waiting"));
        }
        if (way == 0) {
            log.append(batch);
            return;
        }
        int slot = way - 1;
        if (growing[slot] == null || growing[slot].size() >= SEGMENT_BYTES) {
            if (growing[slot] != null) {
                growing[slot].close();
            }
            growing[slot] = FileChannel.open(directory.resolve("before").resolve(WAYS[way] + "-"
                    + segmentsStarted[slot]++ + ".log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        StringBuilder lines = new StringBuilder(batch.size() * 160);
        for (JournalEntry entry : batch) {
            lines.append(JournalLine.of(entry));
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            growing[slot].write(bytes);
        }
        growing[slot].force(way == 2);
    }

    private void close() throws IOException {
        log.close();
        for (FileChannel channel : growing) {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private static double[] percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double[] millis = new double[PERCENTILES.length];
        for (int p = 0; p < PERCENTILES.length; p++) {
            int rank = (int) Math.ceil(PERCENTILES[p] * sorted.length);
            millis[p] = sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1] / 1e6;
        }
        return millis;
    }

    private static void deleteTree(Path root) throws IOException {
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
