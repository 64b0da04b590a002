package io.hotline.telephony.scripts;

import java.util.List;

/**
 * The names Hotline's scripts and the dialplan in {@code docs/asterisk/extensions.conf} share: channel
 * variables the scripts set and the dialplan reads, and the values of {@code HOTLINE_RESULT}. A test reads the
 * shipped dialplan and fails when it and these names drift apart.
 */
public final class DialplanContract {
    /** Where the call goes next: one of the {@code RESULT_*} values. */
    public static final String RESULT = "HOTLINE_RESULT";
    /** The call's id (its linkedid). */
    public static final String CALL = "HOTLINE_CALL";
    /**
     * The call's work-order id, passed on to {@code survey} and {@code callback}; the route script does not set it
     * (the service desk opens the work order), so they find it by the call's linkedid.
     */
    public static final String WORK_ORDER = "HOTLINE_WORKORDER";
    /** What to dial: the chosen seat's dial string. */
    public static final String TARGET = "HOTLINE_TARGET";
    /** The chosen seat's code. */
    public static final String SEAT = "HOTLINE_SEAT";
    /** The chosen seat's tier. */
    public static final String TIER = "HOTLINE_TIER";
    /** How long to ring the seat, in seconds. */
    public static final String RING_SECONDS = "HOTLINE_RING_SECONDS";
    /** When the queue opens again (ISO instant), set after hours. */
    public static final String NEXT_OPENING = "HOTLINE_NEXT_OPENING";

    /** A seat was chosen: dial {@link #TARGET}. */
    public static final String RESULT_ROUTED = "ROUTED";
    /** The conversation is over: run the survey. */
    public static final String RESULT_DONE = "DONE";
    /** The caller chose a callback. */
    public static final String RESULT_CALLBACK = "CALLBACK";
    /** The queue is closed. */
    public static final String RESULT_AFTER_HOURS = "AFTER_HOURS";
    /** Routing is overloaded: use the fallback. */
    public static final String RESULT_BUSY = "BUSY";
    /** Another session already holds this call: use the fallback. */
    public static final String RESULT_DUPLICATE = "DUPLICATE";
    /** The AGI path named no script Hotline serves: use the fallback. */
    public static final String RESULT_UNKNOWN_SCRIPT = "UNKNOWN_SCRIPT";

    /** Results the dialplan branches on by name. */
    public static final List<String> BRANCHED_RESULTS = List.of(RESULT_ROUTED, RESULT_DONE, RESULT_CALLBACK,
            RESULT_AFTER_HOURS);
    /** Results that fall through to the fallback. */
    public static final List<String> FALLBACK_RESULTS = List.of(RESULT_BUSY, RESULT_DUPLICATE, RESULT_UNKNOWN_SCRIPT);
    /** Variables the scripts set for the dialplan. */
    public static final List<String> VARIABLES = List.of(RESULT, CALL, WORK_ORDER, TARGET, SEAT, TIER, RING_SECONDS,
            NEXT_OPENING);

    private DialplanContract() {
    }
}
