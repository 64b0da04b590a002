package io.hotline.routing.engine;

import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import java.util.Comparator;

/**
 * A call's live state. Mutable, confined to the routing thread. Fields that order calls in the waiting
 * indexes ({@link #rankMs}, {@link #escalated}, {@link #sequence}, {@link #queuedMs}) change only while the call
 * is out of them.
 */
final class CallRecord {
    /**
     * Queue discipline: the earliest effective arrival first ({@code joined - priority points x point value},
     * so age raises priority and nobody starves); then escalated calls before fresh ones; then arrival order.
     */
    static final Comparator<CallRecord> QUEUE_ORDER = Comparator.<CallRecord>comparingLong(call -> call.rankMs)
            .thenComparing(call -> !call.escalated)
            .thenComparingLong(call -> call.sequence);

    /** Longest waiting in the current queue first. */
    static final Comparator<CallRecord> AGE_ORDER = Comparator.<CallRecord>comparingLong(call -> call.queuedMs)
            .thenComparingLong(call -> call.sequence);

    final String id;
    final long sequence;
    QueueConfig queue;
    String primarySkill;
    int[] requiredSkills;
    byte[] requiredLevels;
    int priorityPoints;
    /** When the caller first entered Hotline; escalations keep it, so the caller keeps their seniority. */
    long firstJoinedMs;
    /** When the caller entered the current queue; waits and service levels count from here. */
    long queuedMs;
    long rankMs;
    boolean escalated;
    String ownerSeatId;
    long stickyUntilMs;
    Long workOrderId;
    /** When the current conversation started, for handling time. */
    long connectedMs;
    CallPhase phase = CallPhase.WAITING;
    SeatRecord seat;
    long offerGeneration;
    long nextAnnounceMs;
    boolean callbackOffered;

    CallRecord(String id, long sequence) {
        this.id = id;
        this.sequence = sequence;
    }

    /** The relaxation step in force at {@code nowMs}. */
    int stepIndex(long nowMs) {
        return queue.stepAt(Math.max(0, nowMs - queuedMs));
    }

    RoutingStep step(long nowMs) {
        return queue.steps().get(stepIndex(nowMs));
    }

    boolean hasRequirements() {
        return requiredSkills.length > 0;
    }
}
