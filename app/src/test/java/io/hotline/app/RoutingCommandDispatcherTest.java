package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.engine.Handoff;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.loop.Inbox;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingCommandDispatcherTest {

    @Test
    void shouldHandEveryCommandTypeToThePortMethodThatCarriesItOut() {
        // given recording ports
        RecordingPorts ports = new RecordingPorts();
        RoutingCommandDispatcher dispatcher = new RoutingCommandDispatcher(ports, ports, ports,
                RecordingPorts.deskFeed(), ports);
        List<RoutingCommand> commands = List.of(
                new RoutingCommand.OfferCall("c1", "S1001", "PJSIP/1001", Tier.TIER1, 7L, Duration.ofSeconds(15),
                        "best"),
                new RoutingCommand.CancelOffer("c1", "S1001", "ring timeout"),
                new RoutingCommand.AnnounceWait("c1", 2, Duration.ofMinutes(3)),
                new RoutingCommand.OfferCallback("c1", Duration.ofMinutes(3)),
                new RoutingCommand.PlayAfterHours("c1", Instant.parse("2026-11-19T00:00:00Z")),
                new RoutingCommand.MoveToQueue("c1", "tier2", Tier.TIER1, "needs tier 2"),
                new RoutingCommand.AnswerVerdict("answer-1", "c1", "S1001", false, "unknown call"),
                new RoutingCommand.RecordDecision("c1", "only seat"),
                new RoutingCommand.CallConnected("c1", "S1001", Duration.ofSeconds(4)),
                new RoutingCommand.CallAbandoned("c2", "support", Duration.ofSeconds(40)),
                new RoutingCommand.SeatStateChanged("S1001", SeatState.READY, null),
                new RoutingCommand.RequestRejected("S9", "unknown seat"),
                new RoutingCommand.SeatRequestAnswered("seat-1", "S1001", false, "seat is logged out: log in first"));

        // when each is dispatched
        commands.forEach(dispatcher::dispatch);

        // then each reached its own port method, once, in order
        assertThat(ports.methods()).containsExactly("offer", "callOffered", "cancelOffer", "announceWait",
                "offerCallback", "playAfterHours", "moveToQueue", "callEscalated", "answerVerdict", "recordDecision",
                "callConnected", "callAbandoned", "seatStateChanged", "requestRejected", "answered");
        assertThat(ports.calls).extracting(RecordingPorts.Call::command).containsSubsequence(commands);
    }

    @Test
    void shouldHandWhatMakesTheCallRecordToTheJournalAndTellTheDesk() throws InterruptedException {
        // given
        RecordingPorts ports = new RecordingPorts();
        Inbox<DeskEvent> desk = new Inbox<>(16);
        RoutingCommandDispatcher dispatcher = new RoutingCommandDispatcher(ports, ports, ports,
                new DeskFeed("pbx1", desk), ports);
        List<RoutingCommand> commands = List.of(
                new RoutingCommand.CallJoined("c1", "support", RoutingEvent.CallOrigin.UNKNOWN, "ERP_U8", 7L),
                new RoutingCommand.ConversationEnded("c1", "S1001", Duration.ofSeconds(52)),
                new RoutingCommand.CallHandedOff("c2", "support", Handoff.CALLBACK, Duration.ofSeconds(70)));

        // when
        commands.forEach(dispatcher::dispatch);

        // then
        assertThat(ports.methods()).containsExactly("callJoined", "conversationEnded", "callHandedOff");
        assertThat(ports.calls).extracting(RecordingPorts.Call::command).containsExactlyElementsOf(commands);
        List<DeskEvent> told = new ArrayList<>();
        desk.drainTo(told, 16, 0);
        assertThat(told).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("CallArrived", "CallEnded", "CallHandedOff");
    }

    @Test
    void shouldPlaceCallbacksOverTheTelephoneAndTellTheDeskOfAConnectedOneOnly() throws InterruptedException {
        // given
        RecordingPorts ports = new RecordingPorts();
        Inbox<DeskEvent> desk = new Inbox<>(16);
        RoutingCommandDispatcher dispatcher = new RoutingCommandDispatcher(ports, ports, ports,
                new DeskFeed("pbx1", desk), ports);
        List<RoutingCommand> commands = List.of(
                new RoutingCommand.DialCallback("cb-7-1", 7, 42, "S1001", "PJSIP/1001", "02161234567", 1, 1,
                        Duration.ofSeconds(15), null),
                new RoutingCommand.CallbackAttempted("cb-7-1", 7, 42, "S1001", 1, CallbackOutcome.NO_ANSWER,
                        Duration.ZERO),
                new RoutingCommand.CallbackAttempted("cb-7-2", 7, 42, "S1002", 2, CallbackOutcome.CONNECTED,
                        Duration.ofSeconds(95)));

        // when
        commands.forEach(dispatcher::dispatch);

        // then the seat is rung over the telephone port, each attempt kept, and the connected one is a contact
        assertThat(ports.methods()).containsExactly("dialCallback", "attempted", "attempted");
        List<DeskEvent> told = new ArrayList<>();
        desk.drainTo(told, 16, 0);
        assertThat(told).singleElement().isEqualTo(new DeskEvent.CustomerContacted(42, Actor.seat("S1002"),
                "callback, talked 95 s"));
    }
}
