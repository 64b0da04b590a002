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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One append of the routing journal's log as the route script waits for it (a batch of entries formatted as lines,
 * written, fsynced), on the real file system under {@code dir}: {@link JournalLog} as it is now (the segment's
 * zeros written ahead, the lines written over them, {@code fdatasync}) against the way it appended before, kept
 * here as it was (the lines appended to the end of the segment, so each {@code fdatasync} also writes the file's
 * new size) and the same with {@code fsync} ({@code force(true)}: the inode's times too). Segments of 4 MiB, rolled
 * as the log rolls them. Sample mode: the percentiles are the point (p50, p99 of one append). In the journal's
 * package (package-private classes), in the benchmarks jar only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalAppendBenchmark {
    private static final long SEGMENT_BYTES = 4L << 20;
    private static final Instant AT = Instant.parse("2026-12-07T10:15:30.123Z");

    /** Entries per append: 2 is what one routed call's JOINED and OFFERED usually make. */
    @Param({"2"})
    public int entries;

    /** Where the segments go: the disk the journal uses ({@code HOTLINE_DATA_DIR}). */
    @Param({"benchmarks/target/journal-append"})
    public String dir;

    private Path directory;
    private JournalLog log;
    private long sequence;
    private FileChannel oldSegment;
    private int oldSegments;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Path.of(dir).toAbsolutePath();
        deleteTree(directory);
        Files.createDirectories(directory.resolve("now"));
        Files.createDirectories(directory.resolve("before"));
        log = JournalLog.open(directory.resolve("now"), SEGMENT_BYTES);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        log.close();
        if (oldSegment != null) {
            oldSegment.close();
        }
        deleteTree(directory);
    }

    /** The log as it is now: preallocated segment, positional write, {@code fdatasync}. */
    @Benchmark
    public long preallocatedDatasync() throws IOException {
        log.append(batch());
        return sequence;
    }

    /** The log before: append mode, the file grows with each append, {@code fdatasync}. */
    @Benchmark
    public long growingDatasync() throws IOException {
        return appendAsBefore(false);
    }

    /** The same with {@code fsync}. */
    @Benchmark
    public long growingFsync() throws IOException {
        return appendAsBefore(true);
    }

    private long appendAsBefore(boolean metadata) throws IOException {
        List<JournalEntry> batch = batch();
        if (oldSegment == null || oldSegment.size() >= SEGMENT_BYTES) {
            if (oldSegment != null) {
                oldSegment.close();
            }
            oldSegment = FileChannel.open(directory.resolve("before").resolve("journal-" + oldSegments++ + ".log"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        StringBuilder lines = new StringBuilder(batch.size() * 160);
        for (JournalEntry entry : batch) {
            lines.append(JournalLine.of(entry));
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            oldSegment.write(bytes);
        }
        oldSegment.force(metadata);
        return sequence;
    }

    private List<JournalEntry> batch() {
        List<JournalEntry> batch = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            long number = ++sequence;
            batch.add(new JournalEntry.Decision(number, AT, "1733566530.4711",
                    "tier-1 seat BENCH17: ready longest (41 s), skills hw-printer 5, no owner; 3 waiting"));
        }
        return batch;
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
