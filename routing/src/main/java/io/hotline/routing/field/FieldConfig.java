package io.hotline.routing.field;

import java.time.Duration;
import java.util.Objects;

/**
 * The field leg's deadlines and whom it alerts. Validated at construction. Immutable.
 *
 * @param acknowledgeWithin a branch's time to acknowledge before the order goes to the next (10 minutes)
 * @param assignWithin      the time from acknowledgement to an assigned engineer (4 hours)
 * @param assignWarning     when, after acknowledgement, the assignment warning fires (3 hours); below
 *                          {@code assignWithin}
 * @param followUpAfter     the time from completion to the follow-up (30 minutes)
 * @param followUpRetry     the time to the next attempt when the customer was unreachable
 * @param followUpAttempts  attempts before the follow-up is given up as unreachable and the order scored without
 *                          satisfaction
 * @param headquarters      whom headquarters' alerts and reports go to (the supervisors' board)
 */
public record FieldConfig(Duration acknowledgeWithin, Duration assignWithin, Duration assignWarning,
                          Duration followUpAfter, Duration followUpRetry, int followUpAttempts, String headquarters) {
    /** 10 minutes, 4 h (warning at 3 h), follow-up 30 minutes after completion, 3 attempts 1 h apart. */
    public static final FieldConfig DEFAULT = new FieldConfig(Duration.ofMinutes(10), Duration.ofHours(4),
            Duration.ofHours(3), Duration.ofMinutes(30), Duration.ofHours(1), 3, "supervisors");

    public FieldConfig {
        positive(acknowledgeWithin, "acknowledgeWithin");
        positive(assignWithin, "assignWithin");
        positive(assignWarning, "assignWarning");
        positive(followUpAfter, "followUpAfter");
        positive(followUpRetry, "followUpRetry");
        Objects.requireNonNull(headquarters, "headquarters");
        if (assignWarning.compareTo(assignWithin) >= 0) {
            throw new IllegalArgumentException("assignWarning (" + assignWarning + ") must come before assignWithin ("
                    + assignWithin + ")");
        }
        if (followUpAttempts < 1) {
            throw new IllegalArgumentException("followUpAttempts must be at least 1: " + followUpAttempts);
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
