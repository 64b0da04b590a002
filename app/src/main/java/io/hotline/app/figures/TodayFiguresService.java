package io.hotline.app.figures;

import io.hotline.persistence.figures.PeriodFigures;
import io.hotline.persistence.figures.TodayFigures;
import io.hotline.persistence.figures.TodayFiguresQuery;
import io.hotline.routing.desk.ServiceFigures;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads today's figures from the records every interval on its own {@value #THREAD_NAME} thread and keeps the
 * latest: a restart or a reload never resets a figure a person reads as "today", because each read starts again
 * from the records. While the database does not answer, the last figures stay ({@link #latest()}) and grow old
 * ({@link #age()}, the gauge {@code hotline_today_figures_age_seconds}); the first failure of an outage is logged,
 * the rest only counted, and the recovery logged.
 * <p>
 * Thread-safe: {@link #latest()}, {@link #age()} and {@link #failures()} read volatile or atomic fields and never
 * block. Start once; {@link #close()} stops the thread.
 */
public final class TodayFiguresService implements AutoCloseable {
    /** The reading thread's name, as thread dumps and logs show it. */
    public static final String THREAD_NAME = "today-figures";
    private static final Logger LOG = LoggerFactory.getLogger(TodayFiguresService.class);

    private final TodayFiguresQuery query;
    private final Duration interval;
    private final InstantSource clock;
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService thread;
    private volatile TodayFigures latest;
    private volatile boolean failing;

    /**
     * A service that holds empty figures (read "now") until its first read.
     *
     * @param query    what reads the figures
     * @param interval how often (HOTLINE_FIGURES_INTERVAL)
     * @param clock    the clock of the figures' age
     */
    public TodayFiguresService(TodayFiguresQuery query, Duration interval, InstantSource clock) {
        this.query = Objects.requireNonNull(query, "query");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the figures' interval must be positive: " + interval);
        }
        Instant now = clock.instant();
        latest = new TodayFigures(now, now, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0, 0,
                new PeriodFigures(now, now, ServiceFigures.REPEAT_WINDOW, new ServiceFigures.Share(0, 0),
                        new ServiceFigures.Share(0, 0)));
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread reader = new Thread(runnable, THREAD_NAME);
            reader.setDaemon(true);
            return reader;
        });
    }

    /** Reads at once, then every interval. */
    public TodayFiguresService start() {
        thread.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads the figures now, on the calling thread; keeps the last ones when the read fails. */
    public void refresh() {
        try {
            latest = query.read();
            if (failing) {
                failing = false;
                LOG.info("Today's figures are read again after {} failed reads", failures.get());
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            if (!failing) {
                failing = true;
                LOG.warn("Today's figures cannot be read ({}); the last ones stay, marked by their age",
                        e.toString());
            }
        }
    }

    /** The figures of the latest successful read (empty ones before the first). */
    public TodayFigures latest() {
        return latest;
    }

    /** How long ago the latest figures were read; grows past the interval while reads fail. */
    public Duration age() {
        Duration age = Duration.between(latest.to(), clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** Reads that failed since start. */
    public long failures() {
        return failures.get();
    }

    /** How often the figures are read. */
    public Duration interval() {
        return interval;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("The {} thread did not stop within 2 s", THREAD_NAME);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
