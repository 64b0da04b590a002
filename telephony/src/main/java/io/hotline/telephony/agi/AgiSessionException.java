package io.hotline.telephony.agi;

import io.hotline.routing.HotlineException;

/** An AGI command could not get its reply: it timed out, the connection closed, or one was already in flight. */
public final class AgiSessionException extends HotlineException {
    private static final long serialVersionUID = 1L;

    public AgiSessionException(String message) {
        super(message);
    }
}
