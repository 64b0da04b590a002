package io.hotline.routing.field;

/** The deadlines of the field leg. Each fires at most once per dispatch (per leg for the acknowledgement). */
public enum FieldDeadline {
    /** The current leg's acknowledgement (10 minutes): at expiry the order goes to the next branch. */
    ACKNOWLEDGE,
    /** The warning before the assignment deadline (3 h after acknowledgement). */
    ASSIGN_WARNING,
    /** The assignment deadline (4 h after acknowledgement): headquarters is alerted. */
    ASSIGN,
    /** The follow-up is due (30 minutes after completion, then each retry). */
    FOLLOW_UP;

    /** This deadline's bit in {@link StoredDispatch#fired()}. */
    public int bit() {
        return 1 << ordinal();
    }
}
