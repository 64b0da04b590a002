package io.hotline.routing.spi;

import io.hotline.routing.engine.RoutingCommand;

/**
 * The routing engine's record of what happened: why it chose a seat, calls connected and abandoned, seat state
 * changes, inputs it rejected. Persistence keeps it durably ({@code DurableRoutingJournal}: the work orders' trail,
 * call records, seat states, refusals), and {@code app} wires that one.
 * <p>
 * Every method is an obligation (CONTRIBUTING.md 1), so none has a do-nothing default: a decision, a connection, an
 * abandon, a seat's state, a refusal and what a call's record is made of (joined, each offer, the end of a
 * conversation, a hand-off, an escalation) reach whatever journal is assembled, and an implementation that cannot
 * keep one says so itself.
 * <p>
 * Threading: called on the {@code routing-engine} thread, at the end of each batch, in the order the engine
 * emitted the commands. Implementations must not block: a database write is queued to the implementation's own
 * bounded executor (or batched there), never run on the calling thread. A method that throws is logged and
 * counted; routing goes on. Implementations are thread-safe or confine their state to their own threads.
 */
public interface RoutingJournal {

    /** Why the engine did what it did with a call: shown on its work order's trail. */
    void recordDecision(RoutingCommand.RecordDecision decision);

    /** A call reached a seat: its work order is taken over by the seat, its response clock stops. */
    void callConnected(RoutingCommand.CallConnected connected);

    /** A call left the queue without reaching a seat: its record ends, and its work order may be cancelled. */
    void callAbandoned(RoutingCommand.CallAbandoned abandoned);

    /**
     * A seat changed state: kept, so that the seat gets it back when Hotline starts again (an obligation: no
     * do-nothing default).
     */
    void seatStateChanged(RoutingCommand.SeatStateChanged change);

    /**
     * The engine could not apply an input (unknown seat, a seat's request refused, an answer from a seat that was
     * not offered...): kept for the supervisor (an obligation: no do-nothing default).
     */
    void requestRejected(RoutingCommand.RequestRejected rejected);

    /** A caller entered Hotline: start the call's record. */
    void callJoined(RoutingCommand.CallJoined joined);

    /** A seat is offered the call (the record keeps the latest offer and counts them). */
    void callOffered(RoutingCommand.OfferCall offer);

    /** A conversation ended, with its talk time: the call's record and its work order's trail show the end. */
    void conversationEnded(RoutingCommand.ConversationEnded ended);

    /** The caller left the queue handed to a callback, the fallback queue or the after-hours message. */
    void callHandedOff(RoutingCommand.CallHandedOff handedOff);

    /** A seat (or routing) escalated the live call to another queue: the work order moves up the ladder. */
    void callEscalated(RoutingCommand.MoveToQueue move);
}
