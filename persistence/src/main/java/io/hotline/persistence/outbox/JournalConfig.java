package io.hotline.persistence.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DurableRoutingJournal} keeps its outbox.
 *
 * @param directory    where the local log lives (Hotline: {@code HOTLINE_DATA_DIR/journal})
 * @param name         the journal's name, its checkpoint's key in the database (Hotline: the Asterisk server's
 *                     name); two Hotlines writing one database need two names
 * @param capacity     entries the routing thread may hand over before the writer has logged them; more are
 *                     dropped and counted (only a disk that stops taking writes gets there)
 * @param segmentBytes size after which the log starts a new segment file
 * @param retryFirst   wait before retrying the database after a failed write; doubles on each further failure
 * @param retryMax     the longest wait between retries
 */
public record JournalConfig(Path directory, String name, int capacity, long segmentBytes, Duration retryFirst,
                            Duration retryMax) {
    public JournalConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retryFirst, "retryFirst");
        Objects.requireNonNull(retryMax, "retryMax");
        if (name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("journal name must be 1-64 characters: '" + name + "'");
        }
        if (capacity < 1 || segmentBytes < 1 || retryFirst.isNegative() || retryMax.compareTo(retryFirst) < 0) {
            throw new IllegalArgumentException("capacity and segment size must be positive, retries 0 <= first <= max");
        }
    }

    /** Hotline's settings: 65,536 entries in hand, 4 MiB segments, retries from 1 s up to 30 s. */
    public static JournalConfig of(Path directory, String name) {
        return new JournalConfig(directory, name, 65_536, 4L << 20, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The same with other retry waits (tests). */
    public JournalConfig withRetries(Duration first, Duration max) {
        return new JournalConfig(directory, name, capacity, segmentBytes, first, max);
    }

    /** The same with another segment size (tests). */
    public JournalConfig withSegmentBytes(long bytes) {
        return new JournalConfig(directory, name, capacity, bytes, retryFirst, retryMax);
    }
}
