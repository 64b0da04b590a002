package io.hotline.telephony.agi;

/**
 * What the FastAGI server reports about its sessions (for metrics). Every method defaults to a no-op, so
 * callers never null-check (HikariCP's {@code IMetricsTracker} pattern). Called from event loops: must be
 * thread-safe and must not block.
 */
public interface AgiSessionObserver {
    /** The no-op observer. */
    AgiSessionObserver NONE = new AgiSessionObserver() { };

    /** Asterisk connected. */
    default void sessionOpened() {
    }

    /** A session ended. */
    default void sessionClosed() {
    }

    /** A request named a script Hotline does not serve. */
    default void unknownScript() {
    }

    /** Asterisk sent something that is not AGI; the session was closed. */
    default void malformedInput() {
    }

    /** Asterisk replied to a command {@code nanos} nanoseconds after it was sent. */
    default void commandAnswered(long nanos) {
    }

    /** A command got no reply in time; the session was closed. */
    default void commandTimedOut() {
    }

    /** A connection was closed before anything was read: its address is not allowed or a connection cap is hit. */
    default void connectionRefused() {
    }

    /** A connection did not send its whole request header in time; it was closed. */
    default void headerTimedOut() {
    }
}
