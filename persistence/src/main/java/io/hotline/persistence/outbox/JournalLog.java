package io.hotline.persistence.outbox;

import io.hotline.persistence.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's local log: journal entries appended as lines to segment files named by their first entry's number
 * ({@code journal-00000000000000000001.log}), each append fsynced before it returns. Segments whose entries have
 * all reached the database are deleted. Opening a log recovers from a crash: a torn last line (no newline, or a
 * checksum that does not match) is cut off. A damaged line elsewhere is skipped, logged and counted.
 * <p>
 * The newest segment is preallocated: zero bytes are written ahead of the entries, {@value #PREALLOCATE} at a time,
 * so that most appends overwrite bytes the file already has and the fsync ({@code fdatasync}) writes the data only,
 * not the file's size (no file system journal commit on the answer's path). The entries end where the zeros begin:
 * a line never holds a zero byte, so a zero at the start of a line is the end of the log. What a crash left after
 * the last whole entry (a torn line, or the zeros) is zeroed or kept as zeros when the log is opened; a segment is
 * cut to its entries when the next one starts.
 * <p>
 * Thread-safe: the journal's writer thread appends while its database thread reads and drops; every method holds
 * the log's monitor (appends and reads are short: one fsync, or one segment read from the page cache).
 */
final class JournalLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalLog.class);
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{20})\\.log");
    /** Zero bytes written ahead of the entries at a time (one fsync of that size every few thousand entries). */
    static final int PREALLOCATE = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10);

    private final Path directory;
    private final long segmentBytes;
    /** First entry number of each segment -> its file, oldest first; the last one is appended to. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel current;
    /** Where the entries of {@link #current} end (the next append's position), and where its zeros end. */
    private long end;
    private long preallocated;
    private long lastSequence;
    private long damagedLines;
    /** Where the last read stopped: after entry {@code cursorAfter}, at {@code cursorPosition} of that segment. */
    private long cursorAfter = -1;
    private long cursorSegment = -1;
    private long cursorPosition;

    private JournalLog(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /** Opens (creating it if needed) the log in {@code directory}, cutting off a line torn by a crash. */
    static JournalLog open(Path directory, long segmentBytes) throws IOException {
        // Callers' numbers and seats' names are in it: the owner's only, also what an earlier version wrote.
        OwnerOnly.directory(directory);
        OwnerOnly.restrictTree(directory);
        JournalLog log = new JournalLog(directory, segmentBytes);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "journal-*.log")) {
            for (Path file : files) {
                Matcher name = SEGMENT.matcher(file.getFileName().toString());
                if (name.matches()) {
                    log.segments.put(Long.parseLong(name.group(1)), file);
                }
            }
        }
        log.recoverNewest();
        return log;
    }

    /** The highest entry number in the log, 0 when it never held one. */
    synchronized long lastSequence() {
        return lastSequence;
    }

    /** Lines skipped because they were damaged, since the log was opened. */
    synchronized long damagedLines() {
        return damagedLines;
    }

    /** Segment files in the log. */
    synchronized int segmentCount() {
        return segments.size();
    }

    /** Appends {@code entries} (numbered after {@link #lastSequence()}) and forces them to disk. */
    synchronized void append(List<JournalEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        if (current == null || end >= segmentBytes) {
            startSegment(entries.get(0).sequence());
        }
        StringBuilder lines = new StringBuilder(entries.size() * 160);
        for (JournalEntry entry : entries) {
            lines.append(JournalLine.of(entry));
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        if (end + bytes.remaining() > preallocated) {
            // Rarely: the zeros ahead run out. The fsync below also writes the new size; the next ones need not.
            preallocated = zeroFill(current, preallocated,
                    Math.max(end + bytes.remaining(), Math.min(preallocated + PREALLOCATE, segmentBytes)));
        }
        long at = end;
        while (bytes.hasRemaining()) {
            at += current.write(bytes, at);
        }
        // fdatasync: the data, and the size only when it changed (it did not, unless the zeros were extended).
        current.force(false);
        end = at;
        lastSequence = entries.get(entries.size() - 1).sequence();
    }

    /** Up to {@code max} entries numbered after {@code after}, in order. */
    synchronized List<JournalEntry> readAfter(long after, int max) throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        Map.Entry<Long, Path> segment = segments.floorEntry(after + 1);
        if (segment == null) {
            segment = segments.firstEntry();
        }
        if (segment == null) {
            return entries;
        }
        long position = cursorAfter == after && cursorSegment == segment.getKey() ? cursorPosition : 0;
        while (true) {
            position = readSegment(segment, position, after, max, entries);
            Map.Entry<Long, Path> next = segments.higherEntry(segment.getKey());
            if (entries.size() >= max || next == null) {
                break;
            }
            segment = next;
            position = 0;
        }
        // The next read usually starts where this one stopped: remember where that is.
        cursorAfter = entries.isEmpty() ? after : entries.get(entries.size() - 1).sequence();
        cursorSegment = segment.getKey();
        cursorPosition = position;
        return entries;
    }

    /** Deletes the segments (all but the newest) whose every entry is numbered {@code applied} or lower. */
    synchronized void dropThrough(long applied) throws IOException {
        while (segments.size() > 1) {
            Map.Entry<Long, Path> oldest = segments.firstEntry();
            Long next = segments.higherKey(oldest.getKey());
            if (next > applied + 1) {
                return;
            }
            Files.deleteIfExists(oldest.getValue());
            segments.remove(oldest.getKey());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** Reads the complete lines of {@code segment} from {@code position}; returns where it stopped. */
    private long readSegment(Map.Entry<Long, Path> segment, long position, long after, int max,
                             List<JournalEntry> into) throws IOException {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(segment.getValue(), StandardOpenOption.READ)) {
            // The newest segment's entries end where its zeros begin; an older one was cut to its entries.
            long size = current != null && segment.getKey().equals(segments.lastKey()) ? end : channel.size();
            if (position >= size) {
                return position;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - position));
            int read = 0;
            while (buffer.hasRemaining() && read >= 0) {
                read = channel.read(buffer, position + buffer.position());
            }
            bytes = buffer.array();
        }
        int start = 0;
        for (int i = 0; i < bytes.length && into.size() < max; i++) {
            if (i == start && bytes[i] == 0) {
                // Zeros where a line starts: preallocated space a crash left before the segment was cut.
                break;
            }
            if (bytes[i] != '\n') {
                continue;
            }
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            start = i + 1;
            try {
                JournalEntry entry = JournalLine.parse(line);
                if (entry.sequence() > after) {
                    into.add(entry);
                }
            } catch (IllegalArgumentException e) {
                damagedLines++;
                LOG.error("Journal segment {}: skipping a damaged line at byte {}: {}", segment.getValue(),
                        position + start, e.getMessage());
            }
        }
        return position + start;
    }

    /**
     * Zeroes what follows the last whole entry in the newest segment (a line a crash left without its newline or
     * with a wrong checksum; zeros written ahead stay zeros) and finds the last entry number. A damaged line before
     * whole entries stays, and is skipped when read.
     */
    private void recoverNewest() throws IOException {
        while (!segments.isEmpty()) {
            Map.Entry<Long, Path> newest = segments.lastEntry();
            long validEnd = 0;
            long last = 0;
            byte[] bytes = Files.readAllBytes(newest.getValue());
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    try {
                        last = JournalLine.parse(new String(bytes, start, i - start, StandardCharsets.UTF_8))
                                .sequence();
                        validEnd = i + 1;
                    } catch (IllegalArgumentException e) {
                        // Damaged: cut off if no whole entry follows it, skipped when read otherwise.
                    }
                    start = i + 1;
                }
            }
            int tornEnd = bytes.length;
            while (tornEnd > validEnd && bytes[tornEnd - 1] == 0) {
                tornEnd--;
            }
            if (validEnd > 0) {
                current = FileChannel.open(newest.getValue(), StandardOpenOption.WRITE);
                if (tornEnd > validEnd) {
                    LOG.warn("Journal segment {}: cutting off {} bytes after the last whole entry (torn by a crash)",
                            newest.getValue(), tornEnd - validEnd);
                    zeroFill(current, validEnd, tornEnd);
                    current.force(true);
                }
                lastSequence = last;
                end = validEnd;
                preallocated = bytes.length;
                return;
            }
            Files.delete(newest.getValue());
            segments.remove(newest.getKey());
        }
    }

    private void startSegment(long firstSequence) throws IOException {
        if (current != null) {
            // Cut to its entries, so that reading it reads no zeros (not forced: a crash that undoes the cut leaves
            // zeros after whole entries, which a read stops at).
            current.truncate(end);
            current.close();
            // Not reused if the new segment cannot be created: the next append tries to create it again.
            current = null;
        }
        Path file = directory.resolve(String.format("journal-%020d.log", firstSequence));
        current = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OwnerOnly.fileAttributes());
        segments.put(firstSequence, file);
        end = 0;
        preallocated = 0;
    }

    /** Writes zeros over {@code [from, to)} of {@code channel}, not forced; returns {@code to}. */
    private static long zeroFill(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer zeros = ZEROS.duplicate();
        long at = from;
        while (at < to) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), to - at));
            at += channel.write(zeros, at);
        }
        return to;
    }
}
