package io.hotline.routing.engine;

/** Why an offered call did not connect to the seat. */
public enum DeclineReason {
    /** The seat turned it down: a short cool-down follows. */
    REJECTED,
    /** It rang out: counts toward the missed-offers limit. */
    NO_ANSWER,
    /** The phone was busy. */
    BUSY,
    /** The phone could not be reached: counts toward the missed-offers limit. */
    UNREACHABLE,
    /** The dial failed for another reason. */
    FAILED;

    /** Whether this counts as a missed offer toward going not ready. */
    public boolean countsAsMissed() {
        return this == NO_ANSWER || this == UNREACHABLE;
    }
}
