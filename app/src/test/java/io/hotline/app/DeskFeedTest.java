package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.engine.CallPriority;
import io.hotline.routing.engine.Handoff;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.loop.Inbox;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the desk hears of each routing command about a call, and what happens when its inbox is full. */
class DeskFeedTest {
    private static final CallKey CALL = new CallKey("pbx1", "1795347580.0");
    private static final RoutingCommand.CallJoined JOINED = new RoutingCommand.CallJoined("1795347580.0", "support",
            new RoutingEvent.CallOrigin("1795347580.0", "+4930123401", "4008001234", 42L), "ERP_U8", null,
            new CallPriority(Severity.P1, true, "PREMIUM"));

    @Test
    void shouldTranslateEachCommandAboutACallIntoTheDesksEventNamedByItsCallKey() throws InterruptedException {
        // given
        Inbox<DeskEvent> inbox = new Inbox<>(16);
        DeskFeed feed = new DeskFeed("pbx1", inbox);
        CustomerProblem problem = new CustomerProblem("+4930123401", 42L, "PREMIUM", "ERP_U8");

        // when
        feed.callJoined(JOINED);
        feed.callConnected(new RoutingCommand.CallConnected(CALL.linkedId(), "S1001", Duration.ofSeconds(4)));
        feed.callMoved(new RoutingCommand.MoveToQueue(CALL.linkedId(), "tier2", Tier.TIER1, "needs a senior",
                true, "S1001", Tier.TIER2));
        feed.conversationEnded(new RoutingCommand.ConversationEnded(CALL.linkedId(), "S1001", Duration.ofSeconds(9)));
        feed.callHandedOff(new RoutingCommand.CallHandedOff(CALL.linkedId(), "tier2", Handoff.FALLBACK,
                Duration.ofSeconds(30)));

        // then
        assertThat(drain(inbox)).containsExactly(
                new DeskEvent.CallArrived(CALL, problem, Severity.P1),
                new DeskEvent.CallConnected(CALL, "S1001"),
                new DeskEvent.CallEscalated(CALL, "S1001", "tier2", Tier.TIER2, "needs a senior"),
                new DeskEvent.CallEnded(CALL),
                new DeskEvent.CallHandedOff(CALL, problem, Severity.P1, Handoff.FALLBACK));
        assertThat(feed.refused()).isZero();
    }

    @Test
    void shouldCountARefusalOfTheFullInboxAndStillOpenTheAbandonedCallsWorkOrderWithWhatItArrivedWith()
            throws InterruptedException {
        // given an inbox with room for one event, taken
        Inbox<DeskEvent> inbox = new Inbox<>(1);
        DeskFeed feed = new DeskFeed("pbx1", inbox);
        inbox.offer(new DeskEvent.Tick());

        // when the arrival is refused, then the desk has room again and the caller leaves
        feed.callJoined(JOINED);
        drain(inbox);
        feed.callAbandoned(new RoutingCommand.CallAbandoned(CALL.linkedId(), "support", Duration.ofSeconds(20)));

        // then
        assertThat(feed.refused()).isEqualTo(1);
        assertThat(inbox.refused()).isEqualTo(1);
        assertThat(drain(inbox)).containsExactly(new DeskEvent.CallAbandoned(CALL,
                new CustomerProblem("+4930123401", 42L, "PREMIUM", "ERP_U8"), Severity.P1));
    }

    @Test
    void shouldAbandonACallItNeverSawJoinWithNothingKnown() throws InterruptedException {
        Inbox<DeskEvent> inbox = new Inbox<>(4);
        DeskFeed feed = new DeskFeed("pbx1", inbox);

        feed.callAbandoned(new RoutingCommand.CallAbandoned("unseen", "support", Duration.ofSeconds(20)));

        assertThat(drain(inbox)).containsExactly(new DeskEvent.CallAbandoned(new CallKey("pbx1", "unseen"),
                CustomerProblem.UNKNOWN, Severity.P3));
    }

    private static List<DeskEvent> drain(Inbox<DeskEvent> inbox) throws InterruptedException {
        List<DeskEvent> events = new ArrayList<>();
        inbox.drainTo(events, 64, 0);
        return events;
    }
}
