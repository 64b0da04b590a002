package io.hotline.routing.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

/**
 * One running SLA clock of a held work order, and its place in the desk's timer heap. Counted time is kept as
 * what was counted before {@link #sinceMs} plus what the calendar counts from there, so pausing and resuming never
 * loses or double-counts time. Confined to the service-desk thread.
 */
final class SlaClock {
    static final long NOT_RUNNING = Long.MIN_VALUE;
    static final long NEVER = Long.MAX_VALUE;
    private static final WarningLevel[] LEVELS = WarningLevel.values();

    final DeskWorkOrder workOrder;
    final ClockKind kind;
    long countedMs;
    long sinceMs = NOT_RUNNING;
    boolean stopped;
    int fired;
    /** When the next unfired level is due, {@link #NEVER} when none will be (paused, stopped, all fired). */
    long dueMs = NEVER;
    /** When 100 % is reached if it keeps running, {@link #NEVER} while paused or stopped. */
    long breachMs = NEVER;
    int heapIndex = -1;

    SlaClock(DeskWorkOrder workOrder, ClockKind kind) {
        this.workOrder = workOrder;
        this.kind = kind;
    }

    boolean running() {
        return sinceMs != NOT_RUNNING;
    }

    /** Stops counting for now; what ran so far is kept. */
    void pause(SlaCalendar calendar, long nowMs) {
        if (running()) {
            countedMs += calendar.counted(sinceMs, nowMs);
            sinceMs = NOT_RUNNING;
        }
    }

    /** Stops for good (until {@link #restart}). */
    void stop(SlaCalendar calendar, long nowMs) {
        pause(calendar, nowMs);
        stopped = true;
    }

    /** Counts again from {@code fromMs} (after a pause or a stop). */
    void restart(long fromMs) {
        stopped = false;
        sinceMs = fromMs;
    }

    /** The first level not fired yet, or {@code null}. */
    WarningLevel nextLevel() {
        for (WarningLevel level : LEVELS) {
            if ((fired & level.bit()) == 0) {
                return level;
            }
        }
        return null;
    }

    /**
     * Recomputes the due times for a target of {@code targetMs}. A level already behind the clock (a stricter
     * severity) is due at once: at the start of the current run, or now when paused.
     */
    void recompute(long targetMs, SlaCalendar calendar, long nowMs) {
        breachMs = running() ? dueOf(targetMs, 100, calendar, nowMs) : NEVER;
        WarningLevel level = nextLevel();
        if (stopped || level == null) {
            dueMs = NEVER;
        } else {
            dueMs = dueOf(targetMs, level.percent(), calendar, nowMs);
        }
    }

    private long dueOf(long targetMs, int percent, SlaCalendar calendar, long nowMs) {
        long remaining = targetMs * percent / 100 - countedMs;
        if (remaining <= 0) {
            return running() ? Math.min(sinceMs, nowMs) : nowMs;
        }
        return running() ? calendar.plus(sinceMs, remaining) : NEVER;
    }

    /** Counted time at {@code nowMs}. */
    long countedAt(SlaCalendar calendar, long nowMs) {
        return running() ? countedMs + calendar.counted(sinceMs, nowMs) : countedMs;
    }

    SlaClockState state() {
        EnumSet<WarningLevel> levels = EnumSet.noneOf(WarningLevel.class);
        for (WarningLevel level : LEVELS) {
            if ((fired & level.bit()) != 0) {
                levels.add(level);
            }
        }
        return new SlaClockState(Duration.ofMillis(countedMs), running() ? Instant.ofEpochMilli(sinceMs) : null,
                stopped, levels, breachMs == NEVER ? null : Instant.ofEpochMilli(breachMs));
    }

    void restore(SlaClockState state) {
        countedMs = state.counted().toMillis();
        sinceMs = state.runningSince() == null ? NOT_RUNNING : state.runningSince().toEpochMilli();
        stopped = state.stopped();
        fired = 0;
        for (WarningLevel level : state.fired()) {
            fired |= level.bit();
        }
    }
}
