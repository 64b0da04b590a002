package io.hotline.routing.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.hours.OpeningHours;
import io.hotline.routing.ladder.Tier;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counting clock time in business hours, and finding when a given amount has been counted. */
class SlaCalendarTest {
    /** Weekdays 09:00-17:00 in Berlin (which changes to summer time on 2027-03-28), Christmas off. */
    private static final SlaCalendar OFFICE = SlaCalendar.of(new BusinessHours(ZoneId.of("Europe/Berlin"),
            Map.of(Tier.TIER1, new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                    LocalTime.of(17, 0))), Set.of(LocalDate.of(2026, 12, 25))));
    private static final long HOUR = 3_600_000;

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void shouldCountOnlyOpeningHours() {
        // Friday 2026-12-11 16:00 Berlin (15:00Z) to Monday 10:00 Berlin (09:00Z): 1 h Friday, 1 h Monday
        assertThat(OFFICE.counted(ms("2026-12-11T15:00:00Z"), ms("2026-12-14T09:00:00Z"))).isEqualTo(2 * HOUR);
        assertThat(OFFICE.counted(ms("2026-12-14T09:00:00Z"), ms("2026-12-11T15:00:00Z"))).isZero();
    }

    @Test
    void shouldSkipWeekendsAndHolidaysWhenAddingTime() {
        // Thursday 24th 16:00 Berlin + 2 h: 1 h Thursday, Christmas (Friday) and the weekend off, 1 h Monday
        assertThat(OFFICE.plus(ms("2026-12-24T15:00:00Z"), 2 * HOUR)).isEqualTo(ms("2026-12-28T09:00:00Z"));
    }

    @Test
    void shouldStartCountingAtTheOpeningWhenAddedOutsideHours() {
        assertThat(OFFICE.plus(ms("2026-12-12T12:00:00Z"), 30 * 60_000)).isEqualTo(ms("2026-12-14T08:30:00Z"));
    }

    @Test
    void shouldCountAcrossTheChangeToSummerTime() {
        // Friday 26 March 16:00 CET (15:00Z) + 2 h: 1 h Friday, then Monday 29 March 09:00 CEST is 07:00Z
        assertThat(OFFICE.plus(ms("2027-03-26T15:00:00Z"), 2 * HOUR)).isEqualTo(ms("2027-03-29T08:00:00Z"));
    }

    @Test
    void shouldAgreeWithItselfForRandomInstantsAndAmounts() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        long start = ms("2026-12-01T00:00:00Z");
        for (int i = 0; i < 2_000; i++) {
            long from = start + (long) (random.nextDouble() * 60 * 24 * HOUR);
            long amount = 1 + (long) (random.nextDouble() * 48 * HOUR);
            long until = OFFICE.plus(from, amount);
            assertThat(OFFICE.counted(from, until)).as("seed %d, from %s plus %d ms", seed,
                    Instant.ofEpochMilli(from), amount).isEqualTo(amount);
            assertThat(OFFICE.counted(from, until - 1)).as("seed %d: reached no earlier", seed).isLessThan(amount);
        }
    }

    @Test
    void shouldCountEveryMillisecondAroundTheClock() {
        assertThat(SlaCalendar.ALWAYS.counted(5, 17)).isEqualTo(12);
        assertThat(SlaCalendar.ALWAYS.plus(5, 12)).isEqualTo(17);
        assertThat(SlaCalendar.of(BusinessHours.ALWAYS_OPEN)).isSameAs(SlaCalendar.ALWAYS);
    }
}
