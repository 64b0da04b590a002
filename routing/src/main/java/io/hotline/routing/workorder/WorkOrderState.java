package io.hotline.routing.workorder;

/**
 * Where a work order is in its life. The tier it sits on is separate ({@link io.hotline.routing.ladder.Tier}):
 * escalation moves a work order up the ladder without changing its state.
 */
public enum WorkOrderState {
    /** Created for a call that has not reached a seat yet. */
    NEW,
    /** A seat, expert or engineer is working on it. */
    IN_PROGRESS,
    /** Waiting for the customer; resolution clocks may pause by policy. */
    WAITING_ON_CUSTOMER,
    /** An on-site dispatch order is open for it. */
    DISPATCHED,
    /** The problem is solved; the satisfaction survey is pending. */
    RESOLVED,
    /** Scored and closed; the service event is over. */
    CLOSED,
    /** Nothing to do: the caller abandoned before any work, or the order was opened by mistake. */
    CANCELLED;

    /** Whether no further work is expected. */
    public boolean isTerminal() {
        return this == CLOSED || this == CANCELLED;
    }
}
