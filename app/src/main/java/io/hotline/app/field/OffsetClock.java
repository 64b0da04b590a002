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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For tests only ({@code HOTLINE_CLOCK_OFFSET_FILE}): the system clock plus the ISO-8601 duration a file holds, so a
 * test can move the service desk's, the field leg's and the webhook's time forward in a running Hotline, and keep it
 * moved across a {@code kill -9} and restart. The file is read at construction (failing fast, naming the file, when
 * it holds no duration) and then every {@value #RECHECK_MS} ms on its own {@code clock-offset} thread
 * ({@link #watching}), never by a caller of {@link #instant()}: the desk's thread and the event loops read a volatile
 * field, no file. A missing file is no offset; a half-written one keeps the last offset until the next read.
 * <p>
 * Thread-safe: the offset is published through a volatile field.
 */
public final class OffsetClock implements InstantSource, AutoCloseable {
    static final long RECHECK_MS = 50;
    private final Path file;
    private final InstantSource system;
    private volatile Duration offset;
    private ScheduledExecutorService watcher;

    /**
     * A clock that reads the file once; {@link #refresh()} reads it again.
     *
     * @throws IllegalArgumentException when the file cannot be read or does not hold an ISO-8601 duration
     */
    OffsetClock(Path file, InstantSource system) {
        this.file = Objects.requireNonNull(file, "file");
        this.system = Objects.requireNonNull(system, "system");
        this.offset = read();
    }

    /** A clock that follows the file, read again every {@value #RECHECK_MS} ms on its own daemon thread. */
    public static OffsetClock watching(Path file, InstantSource system) {
        OffsetClock clock = new OffsetClock(file, system);
        clock.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "clock-offset");
            thread.setDaemon(true);
            return thread;
        });
        clock.watcher.scheduleWithFixedDelay(clock::refresh, RECHECK_MS, RECHECK_MS, TimeUnit.MILLISECONDS);
        return clock;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    /** The offset now in force. */
    public Duration offset() {
        return offset;
    }

    /** Reads the file again; a half-written file keeps the last offset. */
    void refresh() {
        try {
            offset = read();
        } catch (IllegalArgumentException e) {
            // A half-written file: the next read takes it.
        }
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

    /** Stops following the file. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
