package io.hotline.telephony.agi;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * One FastAGI connection as a script sees it. Every method must be called on {@link #executor()}, the channel's
 * event loop, and nothing may block it: a script chains on the stages it gets back, and hops back with
 * {@code executor()} after work done elsewhere (the database, the routing engine).
 */
public interface AgiSession {

    /** A short id for logs: the channel id. */
    String id();

    /** The environment Asterisk sent. */
    AgiRequest request();

    /**
     * Sends one command; completes with its reply, or exceptionally with {@link AgiSessionException} when it
     * times out, the connection closes, or another command is still in flight (one at a time).
     */
    CompletionStage<AgiReply> send(AgiCommand command);

    /** Like {@link #send(AgiCommand)} with its own timeout, for commands that wait (WAIT FOR DIGIT, STREAM FILE). */
    CompletionStage<AgiReply> send(AgiCommand command, Duration timeout);

    /** Runs {@code listener} once when the caller hangs up (HANGUP line) or the connection closes. */
    void onHangup(Runnable listener);

    /** Whether the caller has hung up or the connection is gone. */
    boolean hungUp();

    /** The channel's event loop: the one thread every method of this session must be called on. */
    EventExecutor executor();
}
