package io.hotline.routing.field;

/** Where a dispatch order is in its life. */
public enum DispatchState {
    /** No branch on duty covers the site (or its place is unknown): headquarters places it by hand. */
    UNPLACED,
    /** Sent to a branch, waiting for its acknowledgement (the current leg's deadline runs). */
    SENT,
    /** The branch acknowledged; the assignment deadline runs. */
    ACKNOWLEDGED,
    /** An engineer is assigned. */
    ASSIGNED,
    /** The engineer booked a time with the customer. */
    SCHEDULED,
    /** The engineer texted ARRIVE. */
    ON_SITE,
    /** The engineer texted DONE: the follow-up is due 30 minutes later. */
    COMPLETED,
    /** Followed up, scored and reported: the service event is closed. */
    CLOSED,
    /** Cancelled (the work order was closed or reopened below on-site). */
    CANCELLED
}
