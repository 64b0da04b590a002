package io.hotline.routing.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One SLA clock as stored: enough to go on exactly where it stopped after a restart.
 *
 * @param counted  clock time counted before {@code runningSince} (business time where the contract counts it)
 * @param runningSince when it last started running (may lie ahead: an after-hours call's clock starts at the
 *                 next opening), or {@code null} while paused or stopped
 * @param stopped  whether it stopped for good (responded; resolved, until a reopen)
 * @param fired    the warnings already fired; none of them fires again
 * @param dueAt    when it reaches 100 % if it keeps running, or {@code null} while paused or stopped; written for
 *                 readers (reports, the seat desktop), not read back on restore
 */
public record SlaClockState(Duration counted, Instant runningSince, boolean stopped, Set<WarningLevel> fired,
                            Instant dueAt) {

    public SlaClockState {
        Objects.requireNonNull(counted, "counted");
        fired = fired.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fired));
        if (counted.isNegative()) {
            throw new IllegalArgumentException("counted clock time must not be negative: " + counted);
        }
        if (stopped && runningSince != null) {
            throw new IllegalArgumentException("a stopped clock is not running");
        }
    }

    /** This clock with {@code level} fired too. */
    public SlaClockState withFired(WarningLevel level) {
        EnumSet<WarningLevel> all = fired.isEmpty() ? EnumSet.noneOf(WarningLevel.class) : EnumSet.copyOf(fired);
        all.add(level);
        return new SlaClockState(counted, runningSince, stopped, all, dueAt);
    }
}
