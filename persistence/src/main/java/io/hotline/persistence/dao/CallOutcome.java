package io.hotline.persistence.dao;

/** How a call leg ended; stored by name ({@code ck_call_outcome}). */
public enum CallOutcome {
    /** A seat answered it. */
    ANSWERED,
    /** The caller hung up while waiting. */
    ABANDONED,
    /** The caller accepted a callback instead of waiting. */
    CALLBACK,
    /** It arrived outside service hours. */
    AFTER_HOURS,
    /** The caller left a voicemail. */
    VOICEMAIL,
    /** It was transferred out of Hotline's queues. */
    TRANSFERRED,
    /** Routing or the channel failed. */
    FAILED,
    /** The dialplan's fallback queue took the caller (Hotline stopping, overloaded, restarted). */
    FALLBACK,
    /** A seat escalated the call up the ladder; it keeps this outcome to its end. */
    ESCALATED
}
