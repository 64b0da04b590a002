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
            Timers.Timer timer;
            while ((timer = timers.pollDue(now)) != null) {
                polled.add(timer);
            }

            // then nothing left is due, and what came out was due
            assertThat(timers.nextDueMs()).isGreaterThan(now);
        }
        while (timers.size() > 0) {
            polled.add(timers.pollDue(Long.MAX_VALUE));
        }

        // then everything came out once, in (due, sequence) order
        expected.addAll(polled);
        expected.sort(Comparator.naturalOrder());
        assertThat(polled).isEqualTo(expected);
        assertThat(polled).extracting(Timers.Timer::sequence).doesNotHaveDuplicates();
        assertThat(timers.pollDue(Long.MAX_VALUE)).isNull();
        assertThat(timers.nextDueMs()).isEqualTo(Long.MAX_VALUE);
    }
}
