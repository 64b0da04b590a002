package io.hotline.app.pbx;

/**
 * A seat's softphone as {@code Dial()} finds it: its endpoint ({@code PJSIP/1001}, the seat's dial string in
 * Hotline), caller id, and how it behaves when rung. Time is virtual. Immutable.
 *
 * @param endpoint          the endpoint Dial rings, e.g. {@code PJSIP/1001}
 * @param number            its caller id number, e.g. {@code 1001}
 * @param displayName       its caller id name
 * @param answerAfterMillis when it answers after ringing starts; negative: never
 * @param talkMillis        how long the seat talks before hanging up ({@link Long#MAX_VALUE}: until the caller
 *                          leaves)
 * @param reachable         whether the phone is registered (otherwise Dial gets CHANUNAVAIL)
 */
public record SeatPhone(String endpoint, String number, String displayName, long answerAfterMillis,
                        long talkMillis, boolean reachable) {

    /** A phone that answers after {@code answerAfterMillis} and stays until the caller leaves. */
    public static SeatPhone answering(String endpoint, String displayName, long answerAfterMillis) {
        return new SeatPhone(endpoint, endpoint.substring(endpoint.indexOf('/') + 1), displayName,
                answerAfterMillis, Long.MAX_VALUE, true);
    }

    /** A phone that rings and is never answered. */
    public static SeatPhone neverAnswering(String endpoint, String displayName) {
        return answering(endpoint, displayName, -1);
    }

    /** The seat hangs up after talking {@code millis}. */
    public SeatPhone hangingUpAfter(long millis) {
        return new SeatPhone(endpoint, number, displayName, answerAfterMillis, millis, reachable);
    }

    /** The phone is not registered: Dial cannot reach it. */
    public SeatPhone unreachable() {
        return new SeatPhone(endpoint, number, displayName, answerAfterMillis, talkMillis, false);
    }
}
