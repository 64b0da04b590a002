package io.hotline.routing.engine;

/**
 * Why a caller left Hotline's queue without reaching a seat and without hanging up: handed to something else that
 * serves them. Not an abandon: a handed-off call never counts in a queue's abandoned figures.
 */
public enum Handoff {
    /** The caller chose to be called back (the dialplan records the callback). */
    CALLBACK,
    /** The dialplan's fallback queue serves the caller (Hotline stopping, overloaded, or a duplicate session). */
    FALLBACK,
    /** The queue was closed: the caller heard the after-hours message (callback or voicemail). */
    AFTER_HOURS
}
