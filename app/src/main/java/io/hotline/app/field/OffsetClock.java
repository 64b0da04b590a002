package io.hotline.app.field;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * For tests only ({@code HOTLINE_CLOCK_OFFSET_FILE}): the system clock plus the ISO-8601 duration a file holds, so a
 * test can move the service desk's, the field leg's and the webhook's time forward in a running Hotline, and keep it
 * moved across a {@code kill -9} and restart. The file is read again at most every {@value #RECHECK_MS} ms; a
 * missing file is no offset. A file that does not hold a duration fails the first read (naming the file) and is
 * ignored later (a half-written file: the last offset stays until the next read).
 * <p>
 * Thread-safe: the offset is published through a volatile field; a race reads the file twice, harmlessly.
 */
public final class OffsetClock implements InstantSource {
    static final long RECHECK_MS = 50;
    private final Path file;
    private final InstantSource system;
    private volatile Duration offset;
    private volatile long checkedAtMs;

    /**
     * @throws IllegalArgumentException when the file cannot be read or does not hold an ISO-8601 duration
     */
    public OffsetClock(Path file, InstantSource system) {
        this.file = Objects.requireNonNull(file, "file");
        this.system = Objects.requireNonNull(system, "system");
        this.offset = read();
        this.checkedAtMs = system.millis();
    }

    @Override
    public Instant instant() {
        Instant now = system.instant();
        if (now.toEpochMilli() - checkedAtMs >= RECHECK_MS) {
            checkedAtMs = now.toEpochMilli();
            try {
                offset = read();
            } catch (IllegalArgumentException e) {
                // A half-written file: keep the last offset and read it again at the next check.
                checkedAtMs = now.toEpochMilli() - RECHECK_MS;
            }
        }
        return now.plus(offset);
    }

    /** The offset now in force. */
    public Duration offset() {
        return offset;
    }

    private Duration read() {
        try {
            return Duration.parse(Files.readString(file).strip());
        } catch (NoSuchFileException e) {
            return Duration.ZERO;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + " does not hold an ISO-8601 duration such as PT10M", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the clock offset file " + file + ": " + e, e);
        }
    }
}
