package io.hotline.routing.desk;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.sla.SlaTarget;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Everything the desk owns, and the few operations every handler shares: emitting, refusing, auditing a change,
 * rescheduling a work order's clocks. Confined to the service-desk thread.
 */
final class DeskState {
    /** A closed work order to release when its reopen window ends. */
    record Release(long atMs, long workOrderId) implements Comparable<Release> {
        @Override
        public int compareTo(Release other) {
            int byTime = Long.compare(atMs, other.atMs);
            return byTime != 0 ? byTime : Long.compare(workOrderId, other.workOrderId);
        }
    }

    final DeskConfig config;
    final Map<Long, DeskWorkOrder> byId = new HashMap<>();
    final Map<CallKey, DeskWorkOrder> byCall = new HashMap<>();
    final DeskTimers timers = new DeskTimers();
    final PriorityQueue<Release> releases = new PriorityQueue<>();
    private final long[][] targetMs = new long[Severity.values().length][ClockKind.values().length];
    private final Map<String, SlaCalendar> calendars = new HashMap<>();
    /** The figures, kept as work orders change so that a snapshot costs nothing at 100,000 work orders. */
    final int[] byState = new int[WorkOrderState.values().length];
    final int[] openByTier = new int[Tier.values().length];
    final int[] breached = new int[ClockKind.values().length];
    long nextId = 1;
    long nowMs;
    long warningsFired;
    private Consumer<? super DeskCommand> sink;
    /** The field leg, told of every work-order change (a closure by other means cancels the dispatch order). */
    FieldWork field;

    DeskState(DeskConfig config) {
        this.config = config;
        for (Severity severity : Severity.values()) {
            SlaTarget target = config.serviceLevels().target(severity);
            targetMs[severity.ordinal()][ClockKind.RESPONSE.ordinal()] = target.respond().toMillis();
            targetMs[severity.ordinal()][ClockKind.RESOLUTION.ordinal()] = target.resolve().toMillis();
        }
        config.contractHours().forEach((level, hours) -> calendars.put(level, SlaCalendar.of(hours)));
    }

    void emitTo(Consumer<? super DeskCommand> sink) {
        this.sink = sink;
    }

    void emit(DeskCommand command) {
        sink.accept(command);
    }

    Instant now() {
        return Instant.ofEpochMilli(nowMs);
    }

    /** The calendar a work order's clocks count in: its contract level's business hours, or 24x7. */
    SlaCalendar calendarFor(CustomerProblem problem) {
        SlaCalendar calendar = problem.contractLevel() == null ? null : calendars.get(problem.contractLevel());
        return calendar == null ? SlaCalendar.ALWAYS : calendar;
    }

    BusinessHours hotlineHours() {
        return config.hotlineHours();
    }

    void refuse(String subject, String request, String reason, Actor actor) {
        emit(new DeskCommand.Refused(subject, request, reason, actor));
    }

    /** Registers a new work order (its id allocated by the caller): schedules its clocks and announces it. */
    void opened(DeskWorkOrder workOrder, Actor actor, String why) {
        byId.put(workOrder.id, workOrder);
        if (workOrder.call != null) {
            byCall.put(workOrder.call, workOrder);
        }
        reschedule(workOrder);
        count(workOrder);
        AuditEvent audit = audit(workOrder, actor, AuditAction.OPENED, why, null, null);
        emit(new DeskCommand.WorkOrderOpened(workOrder.stored(), audit));
    }

    /** A change was made to {@code workOrder}: its clocks are rescheduled and the change is audited and announced. */
    void changed(DeskWorkOrder workOrder, Actor actor, AuditAction action, String why, WorkOrderState fromState,
                 Tier fromTier) {
        reschedule(workOrder);
        recount(workOrder);
        AuditEvent audit = audit(workOrder, actor, action, why, fromState, fromTier);
        emit(new DeskCommand.WorkOrderChanged(workOrder.stored(), audit));
        if (field != null) {
            field.workOrderChanged(workOrder, why);
        }
    }

    private AuditEvent audit(DeskWorkOrder workOrder, Actor actor, AuditAction action, String why,
                             WorkOrderState fromState, Tier fromTier) {
        return new AuditEvent(workOrder.id, ++workOrder.auditCount, now(), actor, action, why, fromState,
                workOrder.state, fromTier, workOrder.tier, workOrder.severity, workOrder.owner, workOrder.contacts);
    }

    /** Recomputes both clocks' due times and places them on the timer heap. */
    void reschedule(DeskWorkOrder workOrder) {
        for (ClockKind kind : ClockKind.values()) {
            SlaClock clock = workOrder.clock(kind);
            clock.recompute(targetMs(workOrder.severity, kind), workOrder.calendar, nowMs);
            timers.update(clock);
        }
    }

    /**
     * Schedules the release of a closed work order at the end of its reopen window. A reopen leaves the entry
     * behind; it is recognised as stale when it comes due (the work order is no longer closed then, or closed
     * again later).
     */
    void scheduleRelease(DeskWorkOrder workOrder) {
        releases.add(new Release(releaseAtMs(workOrder), workOrder.id));
    }

    long targetMs(Severity severity, ClockKind kind) {
        return targetMs[severity.ordinal()][kind.ordinal()];
    }

    /** When a closed work order's reopen window ends. */
    long releaseAtMs(DeskWorkOrder workOrder) {
        return workOrder.closedAtMs + config.reopenWindow().toMillis();
    }

    /** Until when a resolved or closed work order may be reopened. */
    long reopenableUntilMs(DeskWorkOrder workOrder) {
        long from = workOrder.closedAtMs != DeskWorkOrder.NONE ? workOrder.closedAtMs : workOrder.resolvedAtMs;
        return from + config.reopenWindow().toMillis();
    }

    /** Forgets a released work order. */
    void release(DeskWorkOrder workOrder) {
        byId.remove(workOrder.id);
        if (workOrder.call != null) {
            byCall.remove(workOrder.call);
        }
        timers.remove(workOrder.response);
        timers.remove(workOrder.resolution);
        uncount(workOrder);
    }

    /** Counts {@code workOrder} in the figures as it is now, replacing what it was counted as. */
    void recount(DeskWorkOrder workOrder) {
        uncount(workOrder);
        count(workOrder);
    }

    void count(DeskWorkOrder workOrder) {
        byState[workOrder.state.ordinal()]++;
        workOrder.countedState = workOrder.state;
        if (workOrder.isOpen()) {
            openByTier[workOrder.tier.ordinal()]++;
            workOrder.countedTier = workOrder.tier;
        }
        for (ClockKind kind : ClockKind.values()) {
            SlaClock clock = workOrder.clock(kind);
            if (!clock.stopped && (clock.fired & WarningLevel.BREACH.bit()) != 0) {
                breached[kind.ordinal()]++;
                workOrder.countedBreaches |= 1 << kind.ordinal();
            }
        }
    }

    private void uncount(DeskWorkOrder workOrder) {
        if (workOrder.countedState != null) {
            byState[workOrder.countedState.ordinal()]--;
            workOrder.countedState = null;
        }
        if (workOrder.countedTier != null) {
            openByTier[workOrder.countedTier.ordinal()]--;
            workOrder.countedTier = null;
        }
        for (ClockKind kind : ClockKind.values()) {
            if ((workOrder.countedBreaches & 1 << kind.ordinal()) != 0) {
                breached[kind.ordinal()]--;
            }
        }
        workOrder.countedBreaches = 0;
    }
}
