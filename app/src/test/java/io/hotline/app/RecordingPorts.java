package io.hotline.app;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.loop.Inbox;
import io.hotline.routing.spi.CallControl;
import io.hotline.routing.spi.CallbackAttempts;
import io.hotline.routing.spi.RoutingJournal;
import io.hotline.routing.spi.SeatRequestAnswers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fakes of the routing ports that record every call as {@code method: command} together with the calling thread,
 * for tests that read them from another thread. Not final: a test may override one method to make it fail.
 * Thread-safe.
 */
class RecordingPorts implements CallControl, RoutingJournal, SeatRequestAnswers, CallbackAttempts {
    /** A feed to a service desk that nobody runs (for routing tests that do not look at the desk). */
    static DeskFeed deskFeed() {
        return new DeskFeed("asterisk", new Inbox<>(1_024));
    }

    /** One port call. */
    record Call(String method, RoutingCommand command, String thread) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();

    /** The commands of type {@code type} received so far, in order. */
    <T extends RoutingCommand> List<T> all(Class<T> type) {
        return calls.stream().map(Call::command).filter(type::isInstance).map(type::cast).toList();
    }

    /** The names of the methods called so far, in order. */
    List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    private void record(String method, RoutingCommand command) {
        calls.add(new Call(method, command, Thread.currentThread().getName()));
    }

    @Override
    public void offer(RoutingCommand.OfferCall offer) {
        record("offer", offer);
    }

    @Override
    public void dialCallback(RoutingCommand.DialCallback callback) {
        record("dialCallback", callback);
    }

    @Override
    public void attempted(RoutingCommand.CallbackAttempted attempt) {
        record("attempted", attempt);
    }

    @Override
    public void cancelOffer(RoutingCommand.CancelOffer cancel) {
        record("cancelOffer", cancel);
    }

    @Override
    public void announceWait(RoutingCommand.AnnounceWait announcement) {
        record("announceWait", announcement);
    }

    @Override
    public void offerCallback(RoutingCommand.OfferCallback offer) {
        record("offerCallback", offer);
    }

    @Override
    public void playAfterHours(RoutingCommand.PlayAfterHours afterHours) {
        record("playAfterHours", afterHours);
    }

    @Override
    public void moveToQueue(RoutingCommand.MoveToQueue move) {
        record("moveToQueue", move);
    }

    @Override
    public void answerVerdict(RoutingCommand.AnswerVerdict verdict) {
        record("answerVerdict", verdict);
    }

    @Override
    public void recordDecision(RoutingCommand.RecordDecision decision) {
        record("recordDecision", decision);
    }

    @Override
    public void callConnected(RoutingCommand.CallConnected connected) {
        record("callConnected", connected);
    }

    @Override
    public void callAbandoned(RoutingCommand.CallAbandoned abandoned) {
        record("callAbandoned", abandoned);
    }

    @Override
    public void seatStateChanged(RoutingCommand.SeatStateChanged change) {
        record("seatStateChanged", change);
    }

    @Override
    public void requestRejected(RoutingCommand.RequestRejected rejected) {
        record("requestRejected", rejected);
    }

    @Override
    public void callJoined(RoutingCommand.CallJoined joined) {
        record("callJoined", joined);
    }

    @Override
    public void callOffered(RoutingCommand.OfferCall offer) {
        record("callOffered", offer);
    }

    @Override
    public void conversationEnded(RoutingCommand.ConversationEnded ended) {
        record("conversationEnded", ended);
    }

    @Override
    public void callHandedOff(RoutingCommand.CallHandedOff handedOff) {
        record("callHandedOff", handedOff);
    }

    @Override
    public void callEscalated(RoutingCommand.MoveToQueue move) {
        record("callEscalated", move);
    }

    @Override
    public void answered(RoutingCommand.SeatRequestAnswered answer) {
        record("answered", answer);
    }
}
