package io.hotline.benchmarks.agi;

/** How one generated session ended, from the side of the simulated Asterisk. */
enum SessionOutcome {
    /** The whole exchange, ending with {@code SET VARIABLE HOTLINE_RESULT ROUTED}, then the server closed. */
    OK,
    /** Closed or reset before the server sent any command: the call got no script (asterisk-java's rejection). */
    DROPPED,
    /** Closed or reset after some commands, before the final {@code HOTLINE_RESULT}. */
    INCOMPLETE,
    /** A command out of order or with a wrong value. */
    PROTOCOL,
    /** The TCP connection could not be made. */
    CONNECT_FAILED,
    /** Still open when the generator's {@code max-seconds} ran out. */
    TIMED_OUT
}
