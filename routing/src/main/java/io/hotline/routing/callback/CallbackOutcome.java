package io.hotline.routing.callback;

/**
 * How one attempt at the customer of a callback ended, once a seat had answered and the customer was dialled. Also
 * the final state of a callback that is given up ({@link #NO_ANSWER}, {@link #FAILED}) or done ({@link #CONNECTED}).
 */
public enum CallbackOutcome {
    /** The customer answered and talked to the seat: a customer contact on the work order. */
    CONNECTED,
    /** The customer did not answer, was busy, or the seat gave up while the customer's phone rang. */
    NO_ANSWER,
    /**
     * The customer could not be dialled: the trunk refused or was unreachable, Hotline could not originate (no AMI),
     * or the attempt ended without a report.
     */
    FAILED
}
