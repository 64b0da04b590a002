package io.hotline.routing.desk;

import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldConfig;
import io.hotline.routing.field.FieldDeadline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The field leg's pending deadlines, ordered by (due time, work order id, deadline): independent of the order of
 * scheduling, so a restored desk fires in the same order as one that never stopped. A dispatch's pending deadlines
 * are derived from its state and its fired bits each time it changes ({@link #schedule}), so a fired or cancelled
 * deadline leaves nothing behind. Confined to the service-desk thread.
 */
final class FieldTimers {
    /** One pending deadline. */
    record Timer(long atMs, long workOrderId, FieldDeadline deadline) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(atMs, other.atMs);
            if (byTime != 0) {
                return byTime;
            }
            int byOrder = Long.compare(workOrderId, other.workOrderId);
            return byOrder != 0 ? byOrder : deadline.compareTo(other.deadline);
        }
    }

    private final TreeSet<Timer> due = new TreeSet<>();
    private final Map<Long, List<Timer>> byDispatch = new HashMap<>();
    private final FieldConfig config;

    FieldTimers(FieldConfig config) {
        this.config = config;
    }

    /** Replaces {@code dispatch}'s pending deadlines by those its state and fired bits call for now. */
    void schedule(DeskDispatch dispatch) {
        cancel(dispatch.workOrderId);
        List<Timer> timers = new ArrayList<>(2);
        DispatchLeg leg = dispatch.currentLeg();
        if (dispatch.state == DispatchState.SENT && leg.acknowledgedAt() == null && leg.expiredAt() == null) {
            timers.add(new Timer(leg.ackDueAt().toEpochMilli(), dispatch.workOrderId, FieldDeadline.ACKNOWLEDGE));
        } else if (dispatch.state == DispatchState.ACKNOWLEDGED && dispatch.engineerCode == null) {
            Instant acknowledged = leg.acknowledgedAt();
            if (!dispatch.hasFired(FieldDeadline.ASSIGN_WARNING)) {
                timers.add(new Timer(acknowledged.plus(config.assignWarning()).toEpochMilli(),
                        dispatch.workOrderId, FieldDeadline.ASSIGN_WARNING));
            }
            if (!dispatch.hasFired(FieldDeadline.ASSIGN)) {
                timers.add(new Timer(dispatch.assignDueAt.toEpochMilli(), dispatch.workOrderId,
                        FieldDeadline.ASSIGN));
            }
        } else if (dispatch.state == DispatchState.COMPLETED && dispatch.followUp != null
                && dispatch.followUp.recordedAt() == null && !dispatch.hasFired(FieldDeadline.FOLLOW_UP)) {
            timers.add(new Timer(dispatch.followUp.dueAt().toEpochMilli(), dispatch.workOrderId,
                    FieldDeadline.FOLLOW_UP));
        }
        if (!timers.isEmpty()) {
            due.addAll(timers);
            byDispatch.put(dispatch.workOrderId, timers);
        }
    }

    /** Forgets every pending deadline of the dispatch of {@code workOrderId}. */
    void cancel(long workOrderId) {
        List<Timer> timers = byDispatch.remove(workOrderId);
        if (timers != null) {
            timers.forEach(due::remove);
        }
    }

    /** The deadline due first, or {@code null}. */
    Timer first() {
        return due.isEmpty() ? null : due.first();
    }

    /** Takes {@code timer} off (it fires now). */
    void fired(Timer timer) {
        due.remove(timer);
        List<Timer> timers = byDispatch.get(timer.workOrderId());
        if (timers != null) {
            timers.remove(timer);
        }
    }

    long nextDueMs() {
        return due.isEmpty() ? SlaClock.NEVER : due.first().atMs();
    }
}
