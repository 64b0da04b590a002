package io.hotline.routing.spi;

import io.hotline.routing.engine.RoutingCommand;

/**
 * What the routing engine asks of the telephone system: ring a seat, stop ringing, tell a waiting caller their
 * place, offer a callback, play the after-hours message, move a live call to another queue, connect or turn away a
 * seat that answered. Telephony implements
 * it over FastAGI ({@code WaitingCallers}) and AMI ({@code AmiCallControl}).
 * <p>
 * Every method is abstract: a command an implementation cannot carry out (a move without AMI) is refused
 * visibly by that implementation, never dropped by a do-nothing default.
 * <p>
 * Threading: called on the {@code routing-engine} thread, at the end of each batch, in the order the engine
 * emitted the commands. Implementations must return at once and must not block: anything that waits on I/O
 * (an AMI action, a FastAGI reply) is handed to the implementation's own executor or event loop, and its result
 * comes back, if at all, as an event offered to the routing inbox. A method that throws is logged and counted;
 * routing goes on. Implementations are thread-safe or confine their state to their own threads.
 */
public interface CallControl {

    /** Ring the seat for the call; the engine withdraws the offer itself when it rings out. */
    void offer(RoutingCommand.OfferCall offer);

    /** Stop ringing the seat (ring timeout, caller gone, seat logged out). */
    void cancelOffer(RoutingCommand.CancelOffer cancel);

    /** Tell the waiting caller their position and estimated wait. */
    void announceWait(RoutingCommand.AnnounceWait announcement);

    /** Offer the waiting caller a callback instead of waiting on. */
    void offerCallback(RoutingCommand.OfferCallback offer);

    /** Play the after-hours message and offer a callback or voicemail. */
    void playAfterHours(RoutingCommand.PlayAfterHours afterHours);

    /** Move the live call into another queue (escalation). */
    void moveToQueue(RoutingCommand.MoveToQueue move);

    /**
     * Carry out a callback offered to a seat: ring the seat's phone, and once it answers dial the customer from it
     * (AMI {@code Originate} into the dialplan's {@code hotline-callback} context). A callback that cannot be placed
     * (no AMI, Asterisk refused the originate) is reported back to the routing inbox as a
     * {@link io.hotline.routing.engine.RoutingEvent.CallbackDialled} with outcome {@code FAILED}, never dropped.
     */
    void dialCallback(RoutingCommand.DialCallback callback);

    /**
     * The engine's verdict on a seat's answer whose leg waits in the {@code answered} script: bridge it to the
     * caller, or hang up that leg (the offer was withdrawn, the call is gone).
     */
    void answerVerdict(RoutingCommand.AnswerVerdict verdict);
}
