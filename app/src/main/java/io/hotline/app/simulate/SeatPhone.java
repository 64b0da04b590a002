package io.hotline.app.simulate;

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
 * @param transferTo        where the seat blind-transfers the caller instead of hanging up (e.g. {@code tier2}),
 *                          or {@code null}
 */
public record SeatPhone(String endpoint, String number, String displayName, long answerAfterMillis,
                        long talkMillis, boolean reachable, String transferTo) {

    /** The context of the seats' endpoints (docs/asterisk.md): where a transfer goes without TRANSFER_CONTEXT. */
    public static final String ENDPOINT_CONTEXT = "hotline-seats";

    /** A phone that answers after {@code answerAfterMillis} and stays until the caller leaves. */
    public static SeatPhone answering(String endpoint, String displayName, long answerAfterMillis) {
        return new SeatPhone(endpoint, endpoint.substring(endpoint.indexOf('/') + 1), displayName,
                answerAfterMillis, Long.MAX_VALUE, true, null);
    }

    /** A phone that rings and is never answered. */
    public static SeatPhone neverAnswering(String endpoint, String displayName) {
        return answering(endpoint, displayName, -1);
    }

    /** The seat hangs up after talking {@code millis}. */
    public SeatPhone hangingUpAfter(long millis) {
        return new SeatPhone(endpoint, number, displayName, answerAfterMillis, millis, reachable, transferTo);
    }

    /** The phone is not registered: Dial cannot reach it. */
    public SeatPhone unreachable() {
        return new SeatPhone(endpoint, number, displayName, answerAfterMillis, talkMillis, false, transferTo);
    }

    /**
     * After talking {@code millis}, the seat blind-transfers the caller to {@code exten} (the phone's transfer key
     * or a SIP REFER), looked up in the TRANSFER_CONTEXT of the seat's channel.
     */
    public SeatPhone transferringAfter(long millis, String exten) {
        return new SeatPhone(endpoint, number, displayName, answerAfterMillis, millis, reachable, exten);
    }
}
