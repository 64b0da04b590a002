package io.hotline.ops.config;

import io.hotline.routing.hours.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a tier's weekly opening hours as the routing file writes them: days, then one daily window, e.g.
 * {@code MON-SUN 08:00-19:00}, {@code MON-FRI,SAT 09:00-17:30} or {@code SAT,SUN 10:00-24:00}. Days are
 * three-letter abbreviations or full names in any case; a range may wrap ({@code FRI-MON}); {@code 24:00} closes
 * at midnight. Stateless.
 */
final class OpeningHoursSyntax {
    private static final Pattern HOURS =
            Pattern.compile("(?<days>.+?)\\s+(?<opens>\\d{1,2}:\\d{2})\\s*-\\s*(?<closes>\\d{1,2}:\\d{2})");
    private static final String EXPECTED = "(expected days and a daily window, e.g. MON-SUN 08:00-19:00 or "
            + "MON-FRI,SAT 09:00-17:30)";

    private OpeningHoursSyntax() {
    }

    /**
     * The opening hours {@code value} describes.
     *
     * @throws IllegalArgumentException with a message that continues {@code key='value' }, e.g. "is not ..."
     */
    static OpeningHours parse(String value) {
        Matcher matcher = HOURS.matcher(value.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("is not opening hours " + EXPECTED);
        }
        Set<DayOfWeek> days = days(matcher.group("days").replaceAll("\\s+", ""));
        LocalTime opens = time(matcher.group("opens"), false);
        LocalTime closes = time(matcher.group("closes"), true);
        try {
            return new OpeningHours(days, opens, closes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is invalid: " + e.getMessage(), e);
        }
    }

    private static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",", -1)) {
            int dash = item.indexOf('-');
            if (dash < 0) {
                days.add(day(item));
                continue;
            }
            DayOfWeek first = day(item.substring(0, dash));
            DayOfWeek last = day(item.substring(dash + 1));
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return day;
            }
        }
        throw new IllegalArgumentException("names no day of the week in '" + text + "' " + EXPECTED);
    }

    private static LocalTime time(String text, boolean closing) {
        if (closing && text.equals("24:00")) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("has no time of day in '" + text + "' (00:00 to 23:59, or 24:00 to "
                    + "close at midnight)", e);
        }
    }
}
