package io.hotline.app.simulate;

import java.util.HashMap;
import java.util.Map;

/**
 * The person who places a call (a customer on the trunk, or a seat dialling a feature code): their number,
 * name and endpoint, the key they press when they hear a prompt, and when they hang up. The conversation lasts
 * {@code talkMillis} against the seat's own, the shorter one hangs up first. On hold, the person waits
 * {@code holdPatienceMillis} of music before hanging up (0: at once; in virtual time only 0 or never). Immutable.
 *
 * @param number             caller id number, e.g. {@code +4930123418}
 * @param displayName        caller id name
 * @param endpoint           the endpoint the call comes from, e.g. {@code PJSIP/carrier} or {@code PJSIP/1001}
 * @param keys               the key pressed while hearing a prompt (prompt file name to key)
 * @param holdPatienceMillis how long they listen to music on hold before hanging up ({@link Long#MAX_VALUE}:
 *                           never)
 * @param talkMillis         how long they stay in a conversation ({@link Long#MAX_VALUE}: until the seat leaves)
 * @param ringPatienceMillis how long they let a seat ring before hanging up
 */
public record CallerPhone(String number, String displayName, String endpoint, Map<String, Character> keys,
                          long holdPatienceMillis, long talkMillis, long ringPatienceMillis) {

    /** Never: the person waits, talks or lets it ring as long as it takes. */
    public static final long FOREVER = Long.MAX_VALUE;

    public CallerPhone {
        keys = Map.copyOf(keys);
    }

    /** A customer calling through the trunk who never hangs up first. */
    public static CallerPhone customer(String number, String displayName) {
        return new CallerPhone(number, displayName, "PJSIP/carrier", Map.of(), FOREVER, FOREVER, FOREVER);
    }

    /** A seat's own phone placing a call (a feature code). */
    public static CallerPhone seat(SeatPhone seat) {
        return new CallerPhone(seat.number(), seat.displayName(), seat.endpoint(), Map.of(), FOREVER, FOREVER,
                FOREVER);
    }

    /** Presses {@code key} while hearing {@code prompt} (or at the first wait for a digit after it). */
    public CallerPhone pressing(String prompt, char key) {
        Map<String, Character> more = new HashMap<>(keys);
        more.put(prompt, key);
        return new CallerPhone(number, displayName, endpoint, more, holdPatienceMillis, talkMillis,
                ringPatienceMillis);
    }

    /** Hangs up as soon as they are put on hold. */
    public CallerPhone hangingUpOnHold() {
        return waitingOnHoldFor(0);
    }

    /** Hangs up after {@code millis} of music on hold (real time; {@link SimulatedAsterisk#realTime}). */
    public CallerPhone waitingOnHoldFor(long millis) {
        return new CallerPhone(number, displayName, endpoint, keys, millis, talkMillis, ringPatienceMillis);
    }

    /** Hangs up after talking {@code millis}. */
    public CallerPhone talkingFor(long millis) {
        return new CallerPhone(number, displayName, endpoint, keys, holdPatienceMillis, millis, ringPatienceMillis);
    }

    /** Hangs up after a seat rang {@code millis} unanswered. */
    public CallerPhone lettingItRingFor(long millis) {
        return new CallerPhone(number, displayName, endpoint, keys, holdPatienceMillis, talkMillis, millis);
    }
}
