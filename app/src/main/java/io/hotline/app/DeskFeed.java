package io.hotline.app;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.loop.Inbox;
import io.hotline.routing.workorder.Severity;
import io.hotline.telephony.agi.RateLimitedLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Tells the service desk what happened to calls: translates the routing engine's commands about a call into the
 * desk's events (CallJoined to CallArrived, CallConnected, ConversationEnded to CallEnded, CallAbandoned,
 * CallHandedOff, MoveToQueue to CallEscalated), each call named by its {@link CallKey} (the configured Asterisk
 * server and the linkedid), and offers them to the desk's inbox without blocking. The desk never reaches into
 * call state: this is all it hears.
 * <p>
 * A full desk inbox refuses the event: it is counted ({@link #refused()}, and by the inbox) and logged, at most a
 * few lines a minute with the count left out; the desk's health turns DOWN for it. A call whose arrival was refused
 * still gets its one work order: the orphan-call recovery at the next start opens it from the call's record, and an
 * abandon or hand-off the desk does hear opens it with what the arrival said (kept here until the call leaves the
 * queue or its conversation ends, at most {@value #REMEMBERED_CALLS} calls).
 * <p>
 * Confined to the routing thread (the dispatcher calls it at the end of each batch); {@link #refused()} may be read
 * on any thread.
 */
final class DeskFeed {
    /** The most live calls whose problem is remembered for an abandon or a hand-off; the oldest goes first. */
    static final int REMEMBERED_CALLS = 100_000;
    private final String asteriskServer;
    private final Inbox<DeskEvent> desk;
    private final AtomicLong refused = new AtomicLong();
    private final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(DeskFeed.class), 10,
            Duration.ofMinutes(1));
    /** What each live call arrived with, by linkedid, for an abandon or hand-off that opens the work order. */
    private final Map<String, Arrival> arrivals = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Arrival> eldest) {
            return size() > REMEMBERED_CALLS;
        }
    };

    /** The problem and severity a call arrived with. */
    private record Arrival(CustomerProblem problem, Severity severity) {
        static final Arrival UNKNOWN = new Arrival(CustomerProblem.UNKNOWN, Severity.P3);
    }

    /**
     * @param asteriskServer the configured name of the Asterisk server whose calls routing routes
     * @param desk           the desk's inbox
     */
    DeskFeed(String asteriskServer, Inbox<DeskEvent> desk) {
        this.asteriskServer = Objects.requireNonNull(asteriskServer, "asteriskServer");
        this.desk = Objects.requireNonNull(desk, "desk");
    }

    void callJoined(RoutingCommand.CallJoined joined) {
        RoutingEvent.CallOrigin origin = joined.origin();
        Arrival arrival = new Arrival(new CustomerProblem(origin.callerNumber(), origin.customerId(),
                joined.priority().contract(), joined.productSkill()), joined.priority().severity());
        arrivals.put(joined.callId(), arrival);
        offer(new DeskEvent.CallArrived(call(joined.callId()), arrival.problem(), arrival.severity()));
    }

    void callConnected(RoutingCommand.CallConnected connected) {
        offer(new DeskEvent.CallConnected(call(connected.callId()), connected.seatId()));
    }

    void conversationEnded(RoutingCommand.ConversationEnded ended) {
        arrivals.remove(ended.callId());
        offer(new DeskEvent.CallEnded(call(ended.callId())));
    }

    void callAbandoned(RoutingCommand.CallAbandoned abandoned) {
        Arrival arrival = gone(abandoned.callId());
        offer(new DeskEvent.CallAbandoned(call(abandoned.callId()), arrival.problem(), arrival.severity()));
    }

    void callHandedOff(RoutingCommand.CallHandedOff handedOff) {
        Arrival arrival = gone(handedOff.callId());
        offer(new DeskEvent.CallHandedOff(call(handedOff.callId()), arrival.problem(), arrival.severity(),
                handedOff.handoff()));
    }

    void callMoved(RoutingCommand.MoveToQueue move) {
        offer(new DeskEvent.CallEscalated(call(move.callId()), move.seatId(), move.queue(), move.toTier(),
                move.reason()));
    }

    /**
     * A callback attempt that reached the customer is a human contact on its work order (the response, when it is
     * the first); an attempt that did not reach them is no contact (the ledger keeps it).
     */
    void callbackAttempted(RoutingCommand.CallbackAttempted attempt) {
        if (attempt.outcome() == CallbackOutcome.CONNECTED && attempt.seatId() != null) {
            offer(new DeskEvent.CustomerContacted(attempt.workOrderId(), Actor.seat(attempt.seatId()),
                    "callback, talked " + attempt.talked().toSeconds() + " s"));
        }
    }

    /** Events the desk's full inbox refused from this feed since start. */
    long refused() {
        return refused.get();
    }

    private Arrival gone(String callId) {
        Arrival arrival = arrivals.remove(callId);
        return arrival == null ? Arrival.UNKNOWN : arrival;
    }

    private CallKey call(String callId) {
        return new CallKey(asteriskServer, callId);
    }

    private void offer(DeskEvent event) {
        if (!desk.offer(event)) {
            refused.incrementAndGet();
            log.warn("The service desk's inbox is full: it did not hear {} (the desk's health shows the refusals)",
                    event);
        }
    }
}
