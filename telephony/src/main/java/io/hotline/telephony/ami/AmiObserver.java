package io.hotline.telephony.ami;

/**
 * What an {@link AmiConnection} reports for metrics. Every method defaults to a no-op (HikariCP's
 * {@code IMetricsTracker} pattern). Called from the event pump and the connection's own thread: must be
 * thread-safe and must not block.
 */
public interface AmiObserver {
    /** The no-op observer. */
    AmiObserver NONE = new AmiObserver() { };

    /** {@code server} logged in ({@code reconnect} when it had been connected before). */
    default void connected(String server, boolean reconnect) {
    }

    /** {@code server}'s connection was lost. */
    default void disconnected(String server) {
    }

    /** Asterisk refused a login (wrong user or secret); the next attempt follows after the backoff. */
    default void loginFailed(String server) {
    }

    /** A login attempt found no Asterisk (connection refused, I/O error, no answer); retried after the backoff. */
    default void connectFailed(String server) {
    }

    /** An event of {@code type} (Asterisk's name, e.g. {@code Hangup}) arrived, {@code lagMillis} after it was read. */
    default void event(String server, String type, long lagMillis) {
    }

    /**
     * An event Hotline has no use for ({@code VarSet}, {@code Newexten}, ...); counted, never fatal. Events whose
     * type asterisk-java itself does not know never reach Hotline: asterisk-java drops them before its listeners.
     */
    default void ignored(String server, String type) {
    }

    /** A resync after a (re)connect or a restart listed {@code channels} live channels. */
    default void resynced(String server, int channels) {
    }

    /**
     * An action sent with {@link AmiConnection#send} ({@code Hangup}, {@code Redirect}, {@code Originate}) ended:
     * {@code outcome} is {@code success}, {@code error} (Asterisk answered with an error), {@code failed} (not
     * connected, I/O error) or {@code timeout}.
     */
    default void actionDone(String server, String action, String outcome) {
    }

    /** The sink refused a translated event (full inbox). */
    default void dropped(String server, String type) {
    }
}
