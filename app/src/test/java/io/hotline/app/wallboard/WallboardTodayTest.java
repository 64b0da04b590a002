package io.hotline.app.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.figures.PeriodFigures;
import io.hotline.persistence.figures.TodayFigures;
import io.hotline.routing.desk.ServiceFigures;
import io.hotline.web.wallboard.WallboardAssembly;
import io.hotline.web.wallboard.WallboardSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The wall shows today's figures as the metrics' reader last read them, and never an earlier day's as today's. */
class WallboardTodayTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-12-07 00:00 in Shanghai. */
    private static final Instant MIDNIGHT = Instant.parse("2026-12-06T16:00:00Z");

    @Test
    void shouldShowEachConfiguredQueueAndTheShareSolvedWithoutAVisit() {
        TodayFigures read = figures(MIDNIGHT, MIDNIGHT.plus(Duration.ofHours(9)),
                Map.of("support", new TodayFigures.QueueDay(10, 8, Map.of(), 7, 2, 0, 0, 0)), share(17, 20));
        WallboardToday today = new WallboardToday(() -> read, List.of("tier2", "support"), SHANGHAI,
                at(MIDNIGHT.plus(Duration.ofHours(9))));

        WallboardAssembly.Today shown = today.current();

        assertThat(shown.dayStart()).isEqualTo(MIDNIGHT);
        assertThat(shown.queues()).as("a configured queue without a call today shows zeros").isEqualTo(Map.of(
                "tier2", new WallboardSnapshot.Day(0, 0, 0, 0),
                "support", new WallboardSnapshot.Day(10, 8, 7, 2)));
        assertThat(shown.solvedWithoutVisit()).isEqualTo(new WallboardSnapshot.Share(17, 20));
    }

    @Test
    void shouldShowNoFiguresForANewDayUntilItsFirstReadNorBeforeAnyRead() {
        Instant yesterday = MIDNIGHT.minus(Duration.ofDays(1));
        AtomicReference<TodayFigures> latest = new AtomicReference<>(figures(yesterday,
                MIDNIGHT.minusSeconds(5),
                Map.of("support", new TodayFigures.QueueDay(90, 80, Map.of(), 70, 10, 0, 0, 0)), share(50, 60)));
        WallboardToday today = new WallboardToday(latest::get, List.of("support"), SHANGHAI,
                at(MIDNIGHT.plusSeconds(20)));

        assertThat(today.current()).isEqualTo(new WallboardAssembly.Today(MIDNIGHT, Map.of(), null));

        Instant started = MIDNIGHT.plusSeconds(10);
        latest.set(figures(started, started, Map.of(), share(0, 0)));
        assertThat(today.current()).as("the empty figures a reader holds before its first read")
                .isEqualTo(new WallboardAssembly.Today(MIDNIGHT, Map.of(), null));

        latest.set(figures(MIDNIGHT, MIDNIGHT.plusSeconds(15), Map.of(), share(0, 0)));
        assertThat(today.current().queues()).isEqualTo(Map.of("support", new WallboardSnapshot.Day(0, 0, 0, 0)));
    }

    private static TodayFigures figures(Instant from, Instant to, Map<String, TodayFigures.QueueDay> queues,
                                        ServiceFigures.Share withoutVisit) {
        return new TodayFigures(from, to, queues, Map.of(), Map.of(), Map.of(), Map.of(), 0, 0,
                new PeriodFigures(from, to, ServiceFigures.REPEAT_WINDOW, share(0, 0), withoutVisit));
    }

    private static ServiceFigures.Share share(long count, long of) {
        return new ServiceFigures.Share(count, of);
    }

    private static InstantSource at(Instant now) {
        return InstantSource.fixed(now);
    }
}
