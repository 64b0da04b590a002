package io.hotline.app;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.spi.CallControl;
import io.hotline.routing.spi.CallbackAttempts;
import io.hotline.routing.spi.RoutingJournal;
import io.hotline.routing.spi.SeatRequestAnswers;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hands each command of the routing engine to the port that carries it out: one line per command type, nothing
 * else (CONTRIBUTING.md 2). Calls to the telephone system go to {@link CallControl}; facts to keep go to
 * {@link RoutingJournal}; what happened to a call also goes to the service desk ({@link DeskFeed}: joined,
 * connected, ended, abandoned, handed off, moved); a command may go to several (an escalation is carried out,
 * kept and told to the desk); the engine's answers to seats' requests go to {@link SeatRequestAnswers}; the end of
 * each callback attempt goes to {@link CallbackAttempts} (and, when it reached the customer, to the desk). Every
 * command also goes first to the read models of the people's side (the seat board), which only remember it.
 * <p>
 * Confined to the routing thread; holds no state. The ports return at once (they hand I/O to their own threads).
 */
final class RoutingCommandDispatcher {
    private final CallControl calls;
    private final RoutingJournal journal;
    private final SeatRequestAnswers seatAnswers;
    private final DeskFeed desk;
    private final CallbackAttempts callbacks;
    private final Consumer<RoutingCommand> readModels;

    RoutingCommandDispatcher(CallControl calls, RoutingJournal journal, SeatRequestAnswers seatAnswers,
                             DeskFeed desk, CallbackAttempts callbacks) {
        this(calls, journal, seatAnswers, desk, callbacks, command -> { });
    }

    RoutingCommandDispatcher(CallControl calls, RoutingJournal journal, SeatRequestAnswers seatAnswers,
                             DeskFeed desk, CallbackAttempts callbacks, Consumer<RoutingCommand> readModels) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.seatAnswers = Objects.requireNonNull(seatAnswers, "seatAnswers");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.readModels = Objects.requireNonNull(readModels, "readModels");
    }

    void dispatch(RoutingCommand command) {
        readModels.accept(command);
        if (command instanceof RoutingCommand.OfferCall offer) {
            calls.offer(offer);
            journal.callOffered(offer);
        } else if (command instanceof RoutingCommand.CancelOffer cancel) {
            calls.cancelOffer(cancel);
        } else if (command instanceof RoutingCommand.AnnounceWait announcement) {
            calls.announceWait(announcement);
        } else if (command instanceof RoutingCommand.OfferCallback callback) {
            calls.offerCallback(callback);
        } else if (command instanceof RoutingCommand.PlayAfterHours afterHours) {
            calls.playAfterHours(afterHours);
        } else if (command instanceof RoutingCommand.MoveToQueue move) {
            calls.moveToQueue(move);
            journal.callEscalated(move);
            desk.callMoved(move);
        } else if (command instanceof RoutingCommand.AnswerVerdict verdict) {
            calls.answerVerdict(verdict);
        } else if (command instanceof RoutingCommand.RecordDecision decision) {
            journal.recordDecision(decision);
        } else if (command instanceof RoutingCommand.CallConnected connected) {
            journal.callConnected(connected);
            desk.callConnected(connected);
        } else if (command instanceof RoutingCommand.CallAbandoned abandoned) {
            journal.callAbandoned(abandoned);
            desk.callAbandoned(abandoned);
        } else if (command instanceof RoutingCommand.SeatStateChanged change) {
            journal.seatStateChanged(change);
        } else if (command instanceof RoutingCommand.CallJoined joined) {
            journal.callJoined(joined);
            desk.callJoined(joined);
        } else if (command instanceof RoutingCommand.ConversationEnded ended) {
            journal.conversationEnded(ended);
            desk.conversationEnded(ended);
        } else if (command instanceof RoutingCommand.CallHandedOff handedOff) {
            journal.callHandedOff(handedOff);
            desk.callHandedOff(handedOff);
        } else if (command instanceof RoutingCommand.RequestRejected rejected) {
            journal.requestRejected(rejected);
        } else if (command instanceof RoutingCommand.DialCallback dial) {
            calls.dialCallback(dial);
        } else if (command instanceof RoutingCommand.CallbackAttempted attempt) {
            callbacks.attempted(attempt);
            desk.callbackAttempted(attempt);
        } else if (command instanceof RoutingCommand.SeatRequestAnswered answered) {
            seatAnswers.answered(answered);
        } else {
            // RoutingCommand is sealed: only a new command type that was not added here gets this far.
            throw new IllegalArgumentException("no port carries out " + command.getClass().getSimpleName());
        }
    }
}
