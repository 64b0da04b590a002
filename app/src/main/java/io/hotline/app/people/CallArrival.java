package io.hotline.app.people;

/**
 * What routing said of a call when it joined, kept for its screen-pop. Immutable.
 *
 * @param callId       the call's linkedid
 * @param queue        the queue it joined
 * @param callerNumber the number that called, or {@code null}
 * @param customerId   the recognised customer, or {@code null}
 * @param productLine  the product line routing used, or {@code null}
 */
public record CallArrival(String callId, String queue, String callerNumber, Long customerId, String productLine) {

    /** A call nothing is known of. */
    static CallArrival unknown(String callId) {
        return new CallArrival(callId, null, null, null, null);
    }
}
