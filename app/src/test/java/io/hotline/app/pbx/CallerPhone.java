package io.hotline.app.pbx;

import java.util.HashMap;
import java.util.Map;

/**
 * The person who places a call (a customer on the trunk, or a seat dialling a feature code): their number,
 * name and endpoint, the key they press when they hear a prompt, and when they hang up. Time is virtual: the
 * conversation lasts {@code talkMillis} against the seat's own, the shorter one hangs up first. Immutable.
 *
 * @param number            caller id number, e.g. {@code +4930123418}
 * @param displayName       caller id name
 * @param endpoint          the endpoint the call comes from, e.g. {@code PJSIP/carrier} or {@code PJSIP/1001}
 * @param keys              the key pressed while hearing a prompt (prompt file name to key)
 * @param hangsUpOnHold     hangs up as soon as music on hold starts
 * @param talkMillis        how long they stay in a conversation ({@link Long#MAX_VALUE}: until the seat leaves)
 * @param ringPatienceMillis how long they let a seat ring before hanging up
 */
public record CallerPhone(String number, String displayName, String endpoint, Map<String, Character> keys,
                          boolean hangsUpOnHold, long talkMillis, long ringPatienceMillis) {

    public CallerPhone {
        keys = Map.copyOf(keys);
    }

    /** A customer calling through the trunk who never hangs up first. */
    public static CallerPhone customer(String number, String displayName) {
        return new CallerPhone(number, displayName, "PJSIP/carrier", Map.of(), false, Long.MAX_VALUE,
                Long.MAX_VALUE);
    }

    /** A seat's own phone placing a call (a feature code). */
    public static CallerPhone seat(SeatPhone seat) {
        return new CallerPhone(seat.number(), seat.displayName(), seat.endpoint(), Map.of(), false, Long.MAX_VALUE,
                Long.MAX_VALUE);
    }

    /** Presses {@code key} while hearing {@code prompt} (or at the first wait for a digit after it). */
    public CallerPhone pressing(String prompt, char key) {
        Map<String, Character> more = new HashMap<>(keys);
        more.put(prompt, key);
        return new CallerPhone(number, displayName, endpoint, more, hangsUpOnHold, talkMillis, ringPatienceMillis);
    }

    /** Hangs up as soon as they are put on hold. */
    public CallerPhone hangingUpOnHold() {
        return new CallerPhone(number, displayName, endpoint, keys, true, talkMillis, ringPatienceMillis);
    }

    /** Hangs up after talking {@code millis} (virtual). */
    public CallerPhone talkingFor(long millis) {
        return new CallerPhone(number, displayName, endpoint, keys, hangsUpOnHold, millis, ringPatienceMillis);
    }

    /** Hangs up after a seat rang {@code millis} (virtual) unanswered. */
    public CallerPhone lettingItRingFor(long millis) {
        return new CallerPhone(number, displayName, endpoint, keys, hangsUpOnHold, talkMillis, millis);
    }
}
