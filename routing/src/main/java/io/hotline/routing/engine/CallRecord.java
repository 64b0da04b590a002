package io.hotline.routing.engine;

import io.hotline.routing.queue.QueueConfig;
import io.hotline.routing.queue.RoutingStep;
import java.util.Comparator;

/**
 * A call's live state. Mutable, confined to the routing thread. Fields that order or place calls in the waiting
 * indexes ({@link #rankMs}, {@link #escalated}, {@link #sequence}, {@link #queuedMs}, {@link #queue},
 * {@link #ownerSeatId}, {@link #requiredSkills}) change only while the call is out of them.
 */
final class CallRecord {
    /**
     * Queue discipline: the earliest effective arrival first ({@code joined - priority points x point value},
     * so age raises priority and nobody starves); then escalated calls before fresh ones; then arrival order.
     */
    static final Comparator<CallRecord> QUEUE_ORDER = (a, b) -> {
        // Spelled out rather than composed: the waiting index compares on every insert and every step of a scan.
        if (a.rankMs != b.rankMs) {
            return a.rankMs < b.rankMs ? -1 : 1;
        }
        if (a.escalated != b.escalated) {
            return a.escalated ? -1 : 1;
        }
        return Long.compare(a.sequence, b.sequence);
    };

    /** Longest waiting in the current queue first. */
    static final Comparator<CallRecord> AGE_ORDER = (a, b) -> a.queuedMs != b.queuedMs
            ? Long.compare(a.queuedMs, b.queuedMs) : Long.compare(a.sequence, b.sequence);

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
    /** The callback this call is an attempt of, or {@code null} for a caller's call. */
    RoutingEvent.CallbackDue callback;
    /** When the current conversation started, for handling time. */
    long connectedMs;
    CallPhase phase = CallPhase.WAITING;
    SeatRecord seat;
    /**
     * With {@link RoutingConfig#holdUntilDialEnds()}: the seat whose withdrawn offer Asterisk may still be ringing.
     * The call is then WAITING but out of the waiting index, until the dialplan reports the end of that Dial.
     */
    SeatRecord dialing;
    long offerGeneration;
    /** Which of the call's announcement timers is current: a new one each time the call joins a queue. */
    long announceGeneration;
    boolean callbackOffered;
    /**
     * Set once the call has left the engine (removed from its calls by id): pending timers and lists that still
     * hold the record test this instead of looking the id up.
     */
    boolean gone;
    /** The waiting-index lane holding the call, or {@code null} when it is not waiting. Owned by WaitingCalls. */
    WaitingCalls.Lane lane;
    /** Neighbours in the lane, and in the queue's list of calls with the same offset. Owned by WaitingCalls. */
    CallRecord lanePrev;
    CallRecord laneNext;
    CallRecord queuePrev;
    CallRecord queueNext;
    /** Escalated, or came back into its queue out of order: not in a list. Owned by WaitingCalls. */
    boolean straggler;
    /** The required skill whose lanes hold the call while it waits, or -1 for none. Owned by WaitingCalls. */
    int filingSkill = -1;
    /** {@link WaitingCalls#skillMask} of {@link #requiredSkills}, set while waiting. Owned by WaitingCalls. */
    long skillMask;
    /** {@link #queue}'s step boundaries (millis after joining at which each step ends), for {@link #stepIndex}. */
    long[] stepEndsMs;
    QueueConfig stepEndsOf;
    /** The call's node in its queue's {@link QueuePositions} tree, or -1. Owned by QueuePositions. */
    int posNode = -1;

    CallRecord(String id, long sequence) {
        this.id = id;
        this.sequence = sequence;
    }

    /** The relaxation step in force at {@code nowMs}. */
    int stepIndex(long nowMs) {
        // QueueConfig.stepAt, with the boundaries summed once per queue instead of on every eligibility check.
        if (stepEndsOf != queue) {
            stepEndsMs = new long[queue.steps().size() - 1];
            for (int i = 0; i < stepEndsMs.length; i++) {
                stepEndsMs[i] = queue.stepEndsAfterMillis(i);
            }
            stepEndsOf = queue;
        }
        long waited = Math.max(0, nowMs - queuedMs);
        for (int i = 0; i < stepEndsMs.length; i++) {
            if (waited < stepEndsMs[i]) {
                return i;
            }
        }
        return stepEndsMs.length;
    }

    RoutingStep step(long nowMs) {
        return queue.steps().get(stepIndex(nowMs));
    }

    boolean hasRequirements() {
        return requiredSkills.length > 0;
    }
}
