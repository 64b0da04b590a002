package io.hotline.persistence.dao;

import java.util.Set;

/**
 * Where an on-site dispatch order is; stored by name ({@code ck_dispatch_state}). The forward path is
 * {@code CREATED -> SENT -> ACKNOWLEDGED -> ASSIGNED -> SCHEDULED -> ON_SITE -> COMPLETED -> CLOSED};
 * {@link DispatchOrderDao} enforces it with guarded updates.
 */
public enum DispatchState {
    /** Decided, not yet sent to the branch. */
    CREATED,
    /** Sent to the branch's duty manager. */
    SENT,
    /** The duty manager confirmed receipt. */
    ACKNOWLEDGED,
    /** A field engineer is assigned. */
    ASSIGNED,
    /** An appointment with the customer is set. */
    SCHEDULED,
    /** The engineer reported arrival. */
    ON_SITE,
    /** The engineer reported completion; the satisfaction call is due. */
    COMPLETED,
    /** Surveyed and closed. */
    CLOSED,
    /** Called off. */
    CANCELLED,
    /** Replaced by another dispatch order (another branch or engineer). */
    REDISPATCHED;

    private static final Set<DispatchState> TERMINAL = Set.of(CLOSED, CANCELLED, REDISPATCHED);

    /** Whether no further step can apply. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
