package io.hotline.routing.desk;

/** The two SLA clocks of a work order. */
public enum ClockKind {
    /** Until the first human contact; stops when responded. */
    RESPONSE,
    /** Until resolved; paused while waiting on the customer, stopped when resolved, resumed on reopen. */
    RESOLUTION
}
