package io.hotline.app.wallboard;

import io.hotline.persistence.figures.PeriodFigures;
import io.hotline.persistence.figures.TodayFigures;
import io.hotline.web.wallboard.WallboardAssembly;
import io.hotline.web.wallboard.WallboardSnapshot;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Today's figures for the wallboard, as the metrics' {@code today-figures} thread last read them from the records
 * ({@link io.hotline.app.figures.TodayFiguresService}): each configured queue's calls and the share solved without a
 * visit, "today" being the calendar day in the routing file's {@code hours.zone} (docs/figures.md). One reader of
 * the records serves both the wall and {@code /metrics}, so the two never disagree.
 * <p>
 * Thread-safe: reads an immutable value through the supplier and keeps no state.
 */
public final class WallboardToday {
    private final Supplier<TodayFigures> figures;
    private final List<String> queues;
    private final ZoneId zone;
    private final InstantSource clock;

    /**
     * @param figures the latest figures read (a volatile read, never the database)
     * @param queues  the configured queues, in the wall's order
     * @param zone    the zone whose calendar day is "today"
     * @param clock   the desk's clock
     */
    public WallboardToday(Supplier<TodayFigures> figures, Collection<String> queues, ZoneId zone, InstantSource clock) {
        this.figures = Objects.requireNonNull(figures, "figures");
        this.queues = List.copyOf(queues);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The start of the day {@code now} falls in, in the zone. */
    public static Instant dayStart(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    /**
     * Today's figures as last read; figures read on an earlier day (the first read of a new day has not come yet,
     * or the database is away since yesterday) are none: an empty {@code Today}, never yesterday's as today's.
     */
    public WallboardAssembly.Today current() {
        Instant start = dayStart(clock.instant(), zone);
        TodayFigures last = figures.get();
        if (!last.from().equals(start) || !last.to().isAfter(last.from())) {
            return new WallboardAssembly.Today(start, Map.of(), null);
        }
        Map<String, WallboardSnapshot.Day> days = new LinkedHashMap<>();
        for (String queue : queues) {
            TodayFigures.QueueDay day = last.queue(queue);
            days.put(queue, new WallboardSnapshot.Day(day.offered(), day.answered(), day.answeredWithinThreshold(),
                    day.abandoned()));
        }
        PeriodFigures service = last.service();
        return new WallboardAssembly.Today(start, days, new WallboardSnapshot.Share(
                service.solvedWithoutVisit().count(), service.solvedWithoutVisit().of()));
    }
}
