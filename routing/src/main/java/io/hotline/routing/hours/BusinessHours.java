package io.hotline.routing.hours;

import io.hotline.routing.ladder.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When each tier is staffed, in the hotline's time zone, with a holiday calendar that closes every tier.
 * A tier without an entry is always open.
 *
 * @param zone     the hotline's time zone (Asia/Shanghai for the model operation)
 * @param schedule opening hours per tier
 * @param holidays dates on which no tier is open
 */
public record BusinessHours(ZoneId zone, Map<Tier, OpeningHours> schedule, Set<LocalDate> holidays) {

    /** Tier 1 and tier 2 every day 08:00-19:00, experts always reachable, no holidays, Asia/Shanghai. */
    public static final BusinessHours DEFAULT = new BusinessHours(ZoneId.of("Asia/Shanghai"),
            Map.of(Tier.TIER1, OpeningHours.SEVEN_BY_ELEVEN, Tier.TIER2, OpeningHours.SEVEN_BY_ELEVEN),
            Set.of());

    /** Always open (tests, 24x7 operations). */
    public static final BusinessHours ALWAYS_OPEN = new BusinessHours(ZoneId.of("UTC"), Map.of(), Set.of());

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        schedule = schedule.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(schedule));
        holidays = Set.copyOf(holidays);
    }

    /** Whether {@code tier} is staffed at {@code instant}. */
    public boolean isOpen(Tier tier, Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        OpeningHours hours = schedule.get(tier);
        return hours == null || hours.isOpen(local.getDayOfWeek(), local.toLocalTime());
    }

    /** The next instant at or after {@code from} when {@code tier} opens, searching up to 31 days ahead. */
    public Optional<Instant> nextOpening(Tier tier, Instant from) {
        if (isOpen(tier, from)) {
            return Optional.of(from);
        }
        OpeningHours hours = schedule.get(tier);
        ZonedDateTime local = from.atZone(zone);
        for (int day = 0; day <= 31; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            ZonedDateTime opening = (hours == null ? date.atStartOfDay(zone) : date.atTime(hours.opens()).atZone(zone))
                    .truncatedTo(ChronoUnit.SECONDS);
            if (!opening.isBefore(local) && isOpen(tier, opening.toInstant())) {
                return Optional.of(opening.toInstant());
            }
        }
        return Optional.empty();
    }
}
