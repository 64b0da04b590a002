package io.hotline.telephony.agi;

/**
 * The unsolicited {@code HANGUP} line Asterisk sends when the caller hangs up during an AGI session. It is not
 * a reply: a command in flight still gets its own reply after it. Immutable singleton.
 */
public final class AgiHangup {
    /** The one instance. */
    public static final AgiHangup INSTANCE = new AgiHangup();

    private AgiHangup() {
    }

    @Override
    public String toString() {
        return "HANGUP";
    }
}
