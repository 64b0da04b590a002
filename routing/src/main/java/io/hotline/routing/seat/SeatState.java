package io.hotline.routing.seat;

/** Where a seat agent is in their working day, as the routing engine sees it. */
public enum SeatState {
    /** Not working: never offered a call. */
    LOGGED_OUT,
    /** Waiting for a call. */
    READY,
    /** Being offered a call: their phone is ringing. */
    RESERVED,
    /** Talking to a caller. */
    ON_CALL,
    /** After-call work; ready again when it ends. */
    WRAP_UP,
    /** Logged in but away, with a reason code (break, training, "no answer" after missed offers). */
    NOT_READY
}
