package io.hotline.app.wallboard;

import io.hotline.persistence.calls.QueueDayQuery;
import io.hotline.persistence.figures.PeriodFigures;
import io.hotline.persistence.figures.ServiceFiguresQuery;
import io.hotline.web.wallboard.WallboardAssembly;
import io.hotline.web.wallboard.WallboardSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Today's figures from the records for the wallboard: each queue's calls ({@link QueueDayQuery}) and the share
 * solved without a visit ({@link ServiceFiguresQuery}), "today" being the calendar day in the routing file's
 * {@code hours.zone} (docs/figures.md). {@link #refresh()} reads the database; {@link #current()} answers from
 * memory, empty for a new day until its first read.
 * <p>
 * Thread-safe: one thread refreshes, any thread reads the immutable value published through a volatile field.
 */
public final class TodayFigures {
    private final QueueDayQuery calls;
    private final ServiceFiguresQuery service;
    private final Map<String, Duration> thresholds;
    private final ZoneId zone;
    private final InstantSource clock;
    private volatile WallboardAssembly.Today read;

    /**
     * @param thresholds each queue's service-level threshold, by name
     * @param zone       the zone whose calendar day is "today"
     */
    public TodayFigures(QueueDayQuery calls, ServiceFiguresQuery service, Map<String, Duration> thresholds,
                        ZoneId zone, InstantSource clock) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.service = Objects.requireNonNull(service, "service");
        this.thresholds = Map.copyOf(thresholds);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The start of the day {@code now} falls in, in the zone. */
    public static Instant dayStart(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    /** Reads today's figures from the database. Blocks; throws what the queries throw. */
    public void refresh() {
        Instant now = clock.instant();
        Instant start = dayStart(now, zone);
        Map<String, WallboardSnapshot.Day> queues = new LinkedHashMap<>();
        calls.since(start, thresholds).forEach((queue, day) -> queues.put(queue, new WallboardSnapshot.Day(
                day.offered(), day.answered(), day.answeredWithinThreshold(), day.abandoned())));
        PeriodFigures figures = service.forPeriod(start, now);
        read = new WallboardAssembly.Today(start, queues, new WallboardSnapshot.Share(
                figures.solvedWithoutVisit().count(), figures.solvedWithoutVisit().of()));
    }

    /** Today's figures as last read; none yet (a new day, or before the first read) is an empty {@code Today}. */
    public WallboardAssembly.Today current() {
        Instant start = dayStart(clock.instant(), zone);
        WallboardAssembly.Today last = read;
        return last != null && last.dayStart().equals(start) ? last
                : new WallboardAssembly.Today(start, Map.of(), null);
    }
}
