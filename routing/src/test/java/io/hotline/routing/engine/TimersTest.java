package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The timer heap hands timers out in due order, ties in scheduling order, only once due. */
class TimersTest {

    @Test
    void shouldPollTimersInDueThenSchedulingOrder() {
        // given timers scheduled at random times, many sharing a millisecond, polled while more are scheduled
        Random random = new Random(3);
        Timers timers = new Timers();
        List<Timers.Timer> expected = new ArrayList<>();
        List<Timers.Timer> polled = new ArrayList<>();
        long now = 0;

        for (int round = 0; round < 200; round++) {
            for (int i = random.nextInt(60); i > 0; i--) {
                timers.schedule(now + random.nextInt(500), Timers.Kind.CALL_WIDENS, null, null, round);
            }
            // when the clock moves and every due timer is polled
            now += random.nextInt(300);
            while (timers.pollDue(now)) {
                polled.add(fired(timers));
            }

            // then nothing left is due, and what came out was due
            assertThat(timers.nextDueMs()).isGreaterThan(now);
        }
        while (timers.size() > 0) {
            assertThat(timers.pollDue(Long.MAX_VALUE)).isTrue();
            polled.add(fired(timers));
        }

        // then everything came out once, in (due, sequence) order
        expected.addAll(polled);
        expected.sort(Comparator.naturalOrder());
        assertThat(polled).isEqualTo(expected);
        assertThat(polled).extracting(Timers.Timer::sequence).doesNotHaveDuplicates();
        assertThat(timers.pollDue(Long.MAX_VALUE)).isFalse();
        assertThat(timers.nextDueMs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldHandOutWhatWasScheduledWithTheTimerFromLanesAndHeapAlike() {
        // given one timer scheduled before the first poll (no delay known: the heap) and one after (a lane)
        Timers timers = new Timers();
        CallRecord call = new CallRecord("c1", 1);
        SeatRecord seat = new SeatRecord(0, "S1");
        timers.schedule(50, Timers.Kind.WRAP_UP_ENDS, null, seat, 3);
        assertThat(timers.pollDue(0)).isFalse();
        timers.schedule(100, Timers.Kind.ANNOUNCE, call, null, 7);

        // then each comes out with its own kind, target and generation, in due order
        assertThat(timers.pollDue(1_000)).isTrue();
        assertThat(timers.firedKind()).isEqualTo(Timers.Kind.WRAP_UP_ENDS);
        assertThat(timers.firedSeat()).isSameAs(seat);
        assertThat(timers.firedGeneration()).isEqualTo(3);
        assertThat(timers.pollDue(1_000)).isTrue();
        assertThat(timers.firedKind()).isEqualTo(Timers.Kind.ANNOUNCE);
        assertThat(timers.firedCall()).isSameAs(call);
        assertThat(timers.firedGeneration()).isEqualTo(7);
        assertThat(timers.firedAtMs()).isEqualTo(100);
        assertThat(timers.pollDue(1_000)).isFalse();
    }

    private static Timers.Timer fired(Timers timers) {
        return new Timers.Timer(timers.firedAtMs(), timers.firedSequence(), timers.firedKind(), timers.firedCall(),
                timers.firedSeat(), timers.firedGeneration());
    }
}
