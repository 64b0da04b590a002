package io.hotline.routing.field;

/** What an engineer's SMS reports. */
public enum CheckInKind {
    /** {@code ARRIVE n} / {@code 到达 n}: at the customer's site. */
    ARRIVE,
    /** {@code DONE n text} / {@code 完成 n text}: finished, with what was done. */
    DONE
}
