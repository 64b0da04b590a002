package io.hotline.routing.desk;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;

/**
 * A held work order, mutable, owned by the desk. Times are epoch milliseconds, {@link #NONE} when not reached, to
 * keep 100,000 of them small. Confined to the service-desk thread.
 */
final class DeskWorkOrder {
    static final long NONE = Long.MIN_VALUE;

    final long id;
    final Origin origin;
    final CallKey call;
    /** Who and about what; its product line changes with {@link DeskEvent.DetailsChanged}. */
    CustomerProblem problem;
    String summary;
    final SlaCalendar calendar;
    final long openedAtMs;
    Severity severity;
    WorkOrderState state;
    Tier tier;
    String owner;
    long callbackAtMs = NONE;
    long respondedAtMs = NONE;
    long resolvedAtMs = NONE;
    long closedAtMs = NONE;
    String category;
    String notes;
    String resolutionText;
    String site;
    int contacts;
    int reopens;
    int auditCount;
    /** What the desk's figures count this work order as: its state, its tier while open, its breached clocks. */
    WorkOrderState countedState;
    Tier countedTier;
    int countedBreaches;
    final SlaClock response = new SlaClock(this, ClockKind.RESPONSE);
    final SlaClock resolution = new SlaClock(this, ClockKind.RESOLUTION);

    DeskWorkOrder(long id, Origin origin, CallKey call, CustomerProblem problem, String summary,
                  SlaCalendar calendar, long openedAtMs) {
        this.id = id;
        this.origin = origin;
        this.call = call;
        this.problem = problem;
        this.summary = summary;
        this.calendar = calendar;
        this.openedAtMs = openedAtMs;
    }

    SlaClock clock(ClockKind kind) {
        return kind == ClockKind.RESPONSE ? response : resolution;
    }

    /** Whether work goes on (neither resolved nor over). */
    boolean isOpen() {
        return state != WorkOrderState.RESOLVED && !state.isTerminal();
    }

    StoredWorkOrder stored() {
        WorkOrderTimes times = new WorkOrderTimes(Instant.ofEpochMilli(openedAtMs), instant(callbackAtMs),
                instant(respondedAtMs), instant(resolvedAtMs), instant(closedAtMs));
        return new StoredWorkOrder(id, origin, call, problem, summary, severity, state, tier, owner, times,
                response.state(), resolution.state(), contacts, reopens, auditCount,
                category == null && notes == null && resolutionText == null && site == null ? WorkOrderDetails.NONE
                        : new WorkOrderDetails(category, notes, resolutionText, site));
    }

    static DeskWorkOrder restored(StoredWorkOrder stored, SlaCalendar calendar) {
        WorkOrderTimes times = stored.times();
        DeskWorkOrder workOrder = new DeskWorkOrder(stored.id(), stored.origin(), stored.call(), stored.problem(),
                stored.summary(), calendar, times.openedAt().toEpochMilli());
        workOrder.severity = stored.severity();
        workOrder.state = stored.state();
        workOrder.tier = stored.tier();
        workOrder.owner = stored.ownerSeatId();
        workOrder.callbackAtMs = millis(times.callbackAt());
        workOrder.respondedAtMs = millis(times.respondedAt());
        workOrder.resolvedAtMs = millis(times.resolvedAt());
        workOrder.closedAtMs = millis(times.closedAt());
        workOrder.category = stored.details().category();
        workOrder.notes = stored.details().notes();
        workOrder.resolutionText = stored.details().resolution();
        workOrder.site = stored.details().site();
        workOrder.contacts = stored.contacts();
        workOrder.reopens = stored.reopens();
        workOrder.auditCount = stored.auditCount();
        workOrder.response.restore(stored.response());
        workOrder.resolution.restore(stored.resolution());
        return workOrder;
    }

    private static Instant instant(long ms) {
        return ms == NONE ? null : Instant.ofEpochMilli(ms);
    }

    private static long millis(Instant instant) {
        return instant == null ? NONE : instant.toEpochMilli();
    }
}
