package io.hotline.routing.desk;

/** What happened to a work order, one per audit event. */
public enum AuditAction {
    /** Opened (for a call, an abandoned call, an after-hours call, an e-mail or a walk-in). */
    OPENED,
    /** A seat answered the work order's call: the first one is the response. */
    CALL_CONNECTED,
    /** The conversation of the work order's call ended. */
    CALL_ENDED,
    /** The caller left before a seat answered: the work order is callback work. */
    CALL_ABANDONED,
    /**
     * The caller left the queue handed to something that serves them (a callback they chose, the after-hours
     * message, the dialplan's fallback queue): not an abandon.
     */
    CALL_HANDED_OFF,
    /** The seat moved the live call sideways to another queue on the same rung (or lower): the tier stays. */
    CALL_TRANSFERRED,
    /** A person reached the customer another way (callback, e-mail reply). */
    CUSTOMER_CONTACTED,
    /** Moved up the ladder: one rung, or to the rung a person chose. */
    ESCALATED,
    /** Severity changed; due times recomputed. */
    SEVERITY_CHANGED,
    /** Waiting on the customer: the resolution clock pauses. */
    WAITING_ON_CUSTOMER,
    /** Work resumed: the resolution clock runs again. */
    RESUMED,
    /** Solved. */
    RESOLVED,
    /** Closed after resolution. */
    CLOSED,
    /** Reopened within the reopen window. */
    REOPENED,
    /** Another seat owns it now. */
    OWNER_REASSIGNED,
    /** Category, product line, summary or notes written (the reason names which). */
    DETAILS_CHANGED
}
