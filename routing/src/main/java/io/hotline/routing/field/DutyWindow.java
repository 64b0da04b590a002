package io.hotline.routing.field;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One weekly shift of a branch's duty roster, in the branch's time zone: from {@code from} (inclusive) to
 * {@code to} (exclusive) on {@code day}. Immutable.
 *
 * @param day          the day of the week
 * @param from         when the shift starts
 * @param to           when it ends; after {@code from}
 * @param managerName  the duty manager on that shift
 * @param managerPhone the duty phone the dispatch SMS goes to on that shift
 */
public record DutyWindow(DayOfWeek day, LocalTime from, LocalTime to, String managerName, String managerPhone) {
    public DutyWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(managerPhone, "managerPhone");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a duty shift ends after it starts: " + from + " to " + to);
        }
    }
}
