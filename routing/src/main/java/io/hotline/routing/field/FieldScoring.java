package io.hotline.routing.field;

import java.time.Duration;
import java.time.Instant;

/**
 * The automatic score of a dispatch order, exactly as docs/field-service.md ("Score") defines it: satisfaction
 * x 10 (of 50, left out when the customer was never reached), punctuality (of 20: at or before the appointment
 * + 15 min 20, within + 60 min 10, later 0, no appointment 10), deadlines (of 30: 10 each for leg 1 acknowledged in
 * time, assigned within the assignment deadline, completed before the work order's resolution was due); without
 * satisfaction the rest is scaled to 100. Pure; safe on any thread.
 */
public final class FieldScoring {
    private static final Duration ON_TIME = Duration.ofMinutes(15);
    private static final Duration LATE = Duration.ofMinutes(60);

    private FieldScoring() {
    }

    /**
     * The score of {@code dispatch} with {@code satisfaction} (1 to 5, or {@code null} when never reached).
     *
     * @param resolutionBreached whether the work order's resolution clock had breached when it was completed
     */
    public static FieldScore score(StoredDispatch dispatch, Integer satisfaction, boolean resolutionBreached) {
        int punctuality = punctuality(dispatch.appointmentAt(), dispatch.arrivedAt());
        int deadlines = 0;
        DispatchLeg first = dispatch.legs().isEmpty() ? null : dispatch.legs().get(0);
        if (dispatch.legs().size() == 1 && first.acknowledgedAt() != null && first.expiredAt() == null) {
            deadlines += 10;
        }
        if (dispatch.assignedAt() != null && (dispatch.fired() & FieldDeadline.ASSIGN.bit()) == 0) {
            deadlines += 10;
        }
        if (dispatch.completedAt() != null && !resolutionBreached) {
            deadlines += 10;
        }
        if (satisfaction == null) {
            return new FieldScore(Math.round((punctuality + deadlines) * 100f / 50f), null, punctuality, deadlines);
        }
        int satisfactionPart = satisfaction * 10;
        return new FieldScore(satisfactionPart + punctuality + deadlines, satisfactionPart, punctuality, deadlines);
    }

    /** 20 at or before the appointment + 15 min, 10 within + 60 min, else 0; 10 without appointment. */
    static int punctuality(Instant appointmentAt, Instant arrivedAt) {
        if (appointmentAt == null) {
            return 10;
        }
        if (arrivedAt == null) {
            return 0;
        }
        if (!arrivedAt.isAfter(appointmentAt.plus(ON_TIME))) {
            return 20;
        }
        return arrivedAt.isAfter(appointmentAt.plus(LATE)) ? 0 : 10;
    }
}
