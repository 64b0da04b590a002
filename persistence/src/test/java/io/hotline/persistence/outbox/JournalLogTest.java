package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's local log on a real file system: order, segments, reading on, dropping, crash recovery. */
class JournalLogTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:15:30.123Z");

    @TempDir
    Path directory;

    @Test
    void shouldReadEveryEntryInOrderAcrossSegmentsWhileItGrows() throws IOException {
        // given a log with small segments, appended in batches
        try (JournalLog log = JournalLog.open(directory, 2_000)) {
            List<JournalEntry> read = new ArrayList<>();
            long next = 1;
            for (int batch = 0; batch < 20; batch++) {
                List<JournalEntry> entries = entries(next, 1 + batch % 7);
                next += entries.size();
                log.append(entries);

                // when it is read on, a few entries at a time, between appends
                List<JournalEntry> more;
                while (!(more = log.readAfter(read.isEmpty() ? 0 : read.get(read.size() - 1).sequence(), 3))
                        .isEmpty()) {
                    read.addAll(more);
                }
            }

            // then every entry came back once, in order, and the log spans several segments
            assertThat(read).extracting(JournalEntry::sequence)
                    .containsExactlyElementsOf(LongStream.range(1, next).boxed().toList());
            assertThat(log.lastSequence()).isEqualTo(next - 1);
            assertThat(log.segmentCount()).isGreaterThan(3);
            // and reading from anywhere starts at the right entry
            assertThat(log.readAfter(17, 2)).extracting(JournalEntry::sequence).containsExactly(18L, 19L);
            assertThat(log.readAfter(0, 1)).extracting(JournalEntry::sequence).containsExactly(1L);
        }
    }

    @Test
    void shouldKeepItsFilesTheOwnersOnlyAlsoThoseAnEarlierVersionWrote() throws IOException {
        // given a journal directory and segment an earlier version left readable by everyone
        Path journal = directory.resolve("journal");
        Files.createDirectories(journal);
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(journal.resolve(String.format("journal-%020d.log", 1)), "");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        // when the log opens and writes a new segment
        try (JournalLog log = JournalLog.open(journal, 200)) {
            log.append(entries(1, 4));
        }

        // then the directory and every file are the owner's only
        assertThat(Files.getPosixFilePermissions(journal)).isEqualTo(OwnerOnly.DIRECTORY);
        try (Stream<Path> files = Files.list(journal)) {
            List<Path> segments = files.toList();
            assertThat(segments).isNotEmpty();
            for (Path segment : segments) {
                assertThat(Files.getPosixFilePermissions(segment)).as(segment.toString()).isEqualTo(OwnerOnly.FILE);
            }
        }
    }

    @Test
    void shouldDeleteOnlySegmentsWhoseEveryEntryIsWritten() throws IOException {
        try (JournalLog log = JournalLog.open(directory, 500)) {
            for (long first = 1; first <= 40; first += 4) {
                log.append(entries(first, 4));
            }
            int before = log.segmentCount();

            log.dropThrough(20);

            assertThat(log.segmentCount()).isLessThan(before);
            assertThat(log.readAfter(20, 100)).extracting(JournalEntry::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(21, 40).boxed().toList());
            log.dropThrough(40);
            // the newest segment stays: it is still being appended to, and it remembers the last number
            assertThat(log.segmentCount()).isEqualTo(1);
        }
        try (JournalLog reopened = JournalLog.open(directory, 500)) {
            assertThat(reopened.lastSequence()).isEqualTo(40);
        }
    }

    @Test
    void shouldCutOffALineTornByACrashAndGoOnFromTheLastWholeEntry() throws IOException {
        // given a log whose process died in the middle of writing a line
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            log.append(entries(1, 5));
        }
        Path segment = onlySegment();
        String torn = JournalLine.of(entries(6, 1).get(0));
        Files.writeString(segment, torn.substring(0, torn.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        // when it is opened again and appended to
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            assertThat(log.lastSequence()).isEqualTo(5);
            log.append(entries(6, 2));

            // then the torn half is gone and nothing is lost or damaged
            assertThat(log.readAfter(0, 100)).extracting(JournalEntry::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(log.damagedLines()).isZero();
        }
    }

    @Test
    void shouldSkipAndCountADamagedLineBetweenWholeEntries() throws IOException {
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            log.append(entries(1, 3));
        }
        Path segment = onlySegment();
        List<String> lines = new ArrayList<>(Files.readAllLines(segment, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("call-2", "call-X"));
        Files.write(segment, lines, StandardCharsets.UTF_8);

        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            assertThat(log.readAfter(0, 100)).extracting(entry -> ((JournalEntry.Decision) entry).callId())
                    .containsExactly("call-1", "call-3");
            assertThat(log.damagedLines()).isEqualTo(1);
            assertThat(log.lastSequence()).isEqualTo(3);
        }
    }

    @Test
    void shouldWriteZerosAheadOfTheEntriesAndReadOnlyTheEntries() throws IOException {
        // given a log appended to in a few batches
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            log.append(entries(1, 3));
            log.append(entries(4, 2));

            // then the segment holds the entries, then zeros up to a preallocated size, and reads the entries only
            byte[] bytes = Files.readAllBytes(onlySegment());
            int entriesEnd = lines(entries(1, 5)).length;
            assertThat(bytes.length).isEqualTo(JournalLog.PREALLOCATE);
            assertThat(new String(bytes, 0, entriesEnd, StandardCharsets.UTF_8))
                    .isEqualTo(new String(lines(entries(1, 5)), StandardCharsets.UTF_8));
            assertThat(zerosFrom(bytes, entriesEnd)).isTrue();
            assertThat(log.readAfter(0, 100)).extracting(JournalEntry::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
        }

        // when it is opened again (a restart, or a crash after the last fsync) and appended to
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            assertThat(log.lastSequence()).isEqualTo(5);
            log.append(entries(6, 2));

            // then the new entries follow the old ones, with no zeros between them, and nothing is damaged
            assertThat(log.readAfter(0, 100)).extracting(JournalEntry::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(log.damagedLines()).isZero();
            byte[] bytes = Files.readAllBytes(onlySegment());
            assertThat(new String(bytes, 0, lines(entries(1, 7)).length, StandardCharsets.UTF_8))
                    .isEqualTo(new String(lines(entries(1, 7)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldZeroALineTornInsideThePreallocatedSpaceAndGoOnFromTheLastWholeEntry() throws IOException {
        // given a log whose process died while writing a line over the zeros written ahead
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            log.append(entries(1, 5));
        }
        Path segment = onlySegment();
        long size = Files.size(segment);
        byte[] torn = lines(entries(6, 1));
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(torn, 0, torn.length - 7), lines(entries(1, 5)).length);
        }

        // when it is opened again and appended to
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            assertThat(log.lastSequence()).isEqualTo(5);
            // then the torn bytes are zeros again, the preallocated size kept
            byte[] bytes = Files.readAllBytes(segment);
            assertThat(bytes).hasSize((int) size);
            assertThat(zerosFrom(bytes, lines(entries(1, 5)).length)).isTrue();

            // and the next entries take their place: nothing lost, nothing damaged
            log.append(entries(6, 2));
            assertThat(log.readAfter(0, 100)).extracting(JournalEntry::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(log.damagedLines()).isZero();
        }
    }

    @Test
    void shouldCutEachFullSegmentToItsEntriesAndReadAnOlderSegmentThatKeptItsZeros() throws IOException {
        // given a log of small segments
        try (JournalLog log = JournalLog.open(directory, 1_000)) {
            for (long first = 1; first <= 30; first += 3) {
                log.append(entries(first, 3));
            }
            // then every segment but the newest holds its entries only
            List<Path> files = segments();
            assertThat(files).hasSizeGreaterThan(2);
            for (Path older : files.subList(0, files.size() - 1)) {
                byte[] bytes = Files.readAllBytes(older);
                assertThat(bytes[bytes.length - 1]).as(older.toString()).isEqualTo((byte) '\n');
            }
        }
        // when a crash undid a cut (zeros after an older segment's entries)
        Path older = segments().get(0);
        Files.write(older, new byte[4096], StandardOpenOption.APPEND);

        // then every entry is still read once, in order, none damaged
        try (JournalLog log = JournalLog.open(directory, 1_000)) {
            assertThat(log.readAfter(0, 100)).extracting(JournalEntry::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
            assertThat(log.damagedLines()).isZero();
            assertThat(log.lastSequence()).isEqualTo(30);
        }
    }

    @Test
    void shouldDropANewestSegmentOfZerosOnlyAndAppendToTheOneBefore() throws IOException {
        // given a crash right after a new segment was created and zeroed, before its first entry
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            log.append(entries(1, 4));
        }
        Path empty = directory.resolve(String.format("journal-%020d.log", 5));
        Files.write(empty, new byte[8192]);

        // when the log is opened again
        try (JournalLog log = JournalLog.open(directory, 1 << 20)) {
            // then the empty segment is gone and the log goes on after entry 4
            assertThat(Files.exists(empty)).isFalse();
            assertThat(log.lastSequence()).isEqualTo(4);
            log.append(entries(5, 1));
            assertThat(log.readAfter(0, 100)).extracting(JournalEntry::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    private List<Path> segments() throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    private static byte[] lines(List<JournalEntry> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach(entry -> text.append(JournalLine.of(entry)));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean zerosFrom(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private Path onlySegment() throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
        }
    }

    private static List<JournalEntry> entries(long first, int count) {
        List<JournalEntry> entries = new ArrayList<>();
        for (long sequence = first; sequence < first + count; sequence++) {
            entries.add(new JournalEntry.Decision(sequence, AT, "call-" + sequence,
                    "decision number " + sequence + " with a little text to fill the line"));
        }
        return entries;
    }
}
