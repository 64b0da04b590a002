package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingCommand;

/**
 * A caller waiting inside an AGI session for the routing engine. Its methods are called on the session's event
 * loop (the registry hops there), never concurrently.
 */
interface CallWaiter {

    /** The engine offers the call to a seat: leave AGI so the dialplan dials it. */
    void offered(RoutingCommand.OfferCall offer);

    /** Tell the caller their position and estimated wait. */
    void announce(RoutingCommand.AnnounceWait announcement);

    /** Offer a callback instead of waiting on. */
    void offerCallback(RoutingCommand.OfferCallback offer);

    /** The queue is closed. */
    void afterHours(RoutingCommand.PlayAfterHours afterHours);

    /**
     * Hotline is stopping: leave the queue handed to the dialplan's fallback queue (the session ends with no
     * result, so the dialplan falls through to it), and tell the engine so the call is recorded as handed off.
     */
    void handToFallback();

    /**
     * Hotline is about to move the caller with an AMI {@code Redirect}: the {@code HANGUP} Asterisk then sends this
     * session is the move, not the caller leaving; offers meanwhile wait in the mailbox for the next session.
     */
    void redirecting();

    /** Asterisk accepted the {@code Redirect}: end the session, so the channel goes where it was redirected. */
    void redirected();

    /** The {@code Redirect} failed: the caller waits on in this session. */
    void redirectFailed();

    /** The executor the methods must run on. */
    java.util.concurrent.Executor executor();
}
