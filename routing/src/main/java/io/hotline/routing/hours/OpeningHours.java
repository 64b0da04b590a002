package io.hotline.routing.hours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One tier's weekly opening hours: the same daily window on the given days, {@code [opens, closes)}.
 * Tier 1 is staffed 7 days x 11 hours by default: every day 08:00-19:00.
 *
 * @param days   the days it is open
 * @param opens  the time it opens
 * @param closes the time it closes (after {@code opens})
 */
public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    /** Every day of the week, 08:00-19:00. */
    public static final OpeningHours SEVEN_BY_ELEVEN =
            new OpeningHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(19, 0));

    /** Always open. */
    public static final OpeningHours ALWAYS =
            new OpeningHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX);

    public OpeningHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("opening hours must close after they open: " + opens + "-" + closes);
        }
    }

    /** Whether it is open on {@code day} at {@code time}. */
    public boolean isOpen(DayOfWeek day, LocalTime time) {
        return days.contains(day) && !time.isBefore(opens) && (closes.equals(LocalTime.MAX) || time.isBefore(closes));
    }
}
