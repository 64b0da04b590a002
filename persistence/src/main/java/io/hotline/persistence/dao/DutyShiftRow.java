package io.hotline.persistence.dao;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A {@code branch_duty_shift} row: who manages a branch during one weekly slot, in the branch's local time.
 * A shift ends before midnight ({@code ck_branch_duty_times}); a night shift is two rows. Immutable.
 *
 * @param id           the database key; ignored on insert
 * @param branchId     the branch
 * @param dayOfWeek    ISO day, 1 = Monday to 7 = Sunday (see {@link #day()})
 * @param startsAt     local start, inclusive
 * @param endsAt       local end, exclusive; after {@code startsAt}
 * @param managerName  the duty manager
 * @param managerPhone the duty manager's number, normalised by the constructor
 */
public record DutyShiftRow(long id, long branchId, int dayOfWeek, LocalTime startsAt, LocalTime endsAt,
                           String managerName, String managerPhone) {

    public DutyShiftRow {
        // Throws for anything outside 1-7, as ck_branch_duty_day would, but before the round trip.
        DayOfWeek.of(dayOfWeek);
        Objects.requireNonNull(managerName, "managerName");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("shift must end after it starts: " + startsAt + "-" + endsAt);
        }
        managerPhone = PhoneNumbers.normalise(managerPhone);
    }

    /** A shift on {@code day} from {@code startsAt} to {@code endsAt}, for inserting. */
    public static DutyShiftRow of(long branchId, DayOfWeek day, LocalTime startsAt, LocalTime endsAt,
                                  String managerName, String managerPhone) {
        return new DutyShiftRow(0, branchId, day.getValue(), startsAt, endsAt, managerName, managerPhone);
    }

    /** {@link #dayOfWeek()} as a {@link DayOfWeek}. */
    public DayOfWeek day() {
        return DayOfWeek.of(dayOfWeek);
    }
}
