package io.hotline.routing.desk;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.hours.OpeningHours;
import io.hotline.routing.ladder.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The time an SLA clock counts: every millisecond (24x7), or only tier 1's opening hours of a contract's
 * {@link BusinessHours} (its daily window on its days, minus its holidays, in its time zone). Immutable.
 * <p>
 * Counting walks the calendar a day at a time; a clock's targets (hours to a few days) keep the walk short. A
 * calendar that never opens is refused when the configuration is built.
 */
final class SlaCalendar {
    /** Every millisecond counts. */
    static final SlaCalendar ALWAYS = new SlaCalendar(null, null, Set.of());
    private static final int MAX_DAYS = 800;

    private final ZoneId zone;
    private final OpeningHours hours;
    private final Set<LocalDate> holidays;

    private SlaCalendar(ZoneId zone, OpeningHours hours, Set<LocalDate> holidays) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = holidays;
    }

    /** The calendar counting tier 1's hours of {@code businessHours}. */
    static SlaCalendar of(BusinessHours businessHours) {
        OpeningHours tier1 = businessHours.schedule().get(Tier.TIER1);
        if (tier1 == null && businessHours.holidays().isEmpty()) {
            return ALWAYS;
        }
        return new SlaCalendar(businessHours.zone(), tier1, businessHours.holidays());
    }

    /** Fails when this calendar never opens (no day, or every day a holiday), naming the contract level. */
    void requireOpenings(String contractLevel) {
        if (zone != null && (hours != null && hours.days().isEmpty())) {
            throw new IllegalArgumentException("the business hours of contract level " + contractLevel
                    + " never open");
        }
    }

    /** Clock time counted between {@code fromMs} and {@code toMs} (0 when {@code toMs} is not after). */
    long counted(long fromMs, long toMs) {
        if (toMs <= fromMs) {
            return 0;
        }
        if (zone == null) {
            return toMs - fromMs;
        }
        long total = 0;
        LocalDate day = localDate(fromMs);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isOpen(day)) {
                continue;
            }
            long start = Math.max(windowStart(day), fromMs);
            if (start >= toMs) {
                return total;
            }
            long end = Math.min(windowEnd(day), toMs);
            if (end > start) {
                total += end - start;
            }
        }
        return total;
    }

    /** The instant at which {@code countedMs} of clock time have been counted from {@code fromMs}. */
    long plus(long fromMs, long countedMs) {
        if (countedMs <= 0) {
            return fromMs;
        }
        if (zone == null) {
            return fromMs + countedMs;
        }
        long remaining = countedMs;
        LocalDate day = localDate(fromMs);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isOpen(day)) {
                continue;
            }
            long start = Math.max(windowStart(day), fromMs);
            long end = windowEnd(day);
            if (end <= start) {
                continue;
            }
            if (remaining <= end - start) {
                return start + remaining;
            }
            remaining -= end - start;
        }
        throw new IllegalStateException("business hours open too rarely to count " + countedMs + " ms from "
                + Instant.ofEpochMilli(fromMs));
    }

    private LocalDate localDate(long ms) {
        return Instant.ofEpochMilli(ms).atZone(zone).toLocalDate();
    }

    private boolean isOpen(LocalDate day) {
        return !holidays.contains(day) && (hours == null || hours.days().contains(day.getDayOfWeek()));
    }

    private long windowStart(LocalDate day) {
        LocalTime opens = hours == null ? LocalTime.MIDNIGHT : hours.opens();
        return day.atTime(opens).atZone(zone).toInstant().toEpochMilli();
    }

    private long windowEnd(LocalDate day) {
        if (hours == null || hours.closes().equals(LocalTime.MAX)) {
            return day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        return day.atTime(hours.closes()).atZone(zone).toInstant().toEpochMilli();
    }
}
