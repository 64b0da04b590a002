package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import org.junit.jupiter.api.Test;

/**
 * A seat's answer that a FastAGI session holds back until the engine decides ({@code answered} script): the engine
 * says for each such answer, by its request id, whether the seat's leg may be bridged to the caller.
 */
class AnswerVerdictTest {
    private final EngineHarness harness = new EngineHarness();

    @Test
    void shouldAcceptTheAnswerOfTheRingingOfferAfterConnectingIt() {
        harness.seat("s1", Tier.TIER1, "ERP", 5).call("c1", "ERP");

        harness.apply(new RoutingEvent.OfferAnswered("c1", "s1", "answer-1"));

        assertThat(harness.engine.call("c1").orElseThrow().phase()).isEqualTo(CallPhase.CONNECTED);
        assertThat(harness.all(RoutingCommand.AnswerVerdict.class)).containsExactly(
                new RoutingCommand.AnswerVerdict("answer-1", "c1", "s1", true, null));
        assertThat(harness.commands.indexOf(harness.all(RoutingCommand.CallConnected.class).get(0)))
                .as("connected before the verdict").isLessThan(harness.commands.indexOf(
                        harness.all(RoutingCommand.AnswerVerdict.class).get(0)));
    }

    @Test
    void shouldRefuseALateAnswerToAWithdrawnOfferAndLeaveTheCallerToTheNextSeat() {
        // given c1 rang s1, which went not ready while ringing: the offer was withdrawn, s2 is ringing now
        harness.seat("s1", Tier.TIER1, "ERP", 5).seat("s2", Tier.TIER1, "ERP", 4).call("c1", "ERP");
        harness.apply(new RoutingEvent.SeatNotReady("s1", "break"));
        assertThat(harness.offers()).containsExactly("c1->s1", "c1->s2");

        // when s1 answers in the window before its leg was hung up
        harness.apply(new RoutingEvent.OfferAnswered("c1", "s1", "answer-7"));

        // then the answer is refused, for the waiting session as for the journal, and s2 still rings
        assertThat(harness.all(RoutingCommand.AnswerVerdict.class)).containsExactly(
                new RoutingCommand.AnswerVerdict("answer-7", "c1", "s1", false,
                        "answered by s1 but not offered to it"));
        assertThat(harness.all(RoutingCommand.RequestRejected.class)).singleElement()
                .extracting(RoutingCommand.RequestRejected::subject).isEqualTo("c1");
        assertThat(harness.all(RoutingCommand.CallConnected.class)).isEmpty();
        assertThat(harness.engine.call("c1").orElseThrow().phase()).isEqualTo(CallPhase.OFFERED);
    }

    @Test
    void shouldRefuseAnAnswerForACallThatIsGoneOrFromAnUnknownSeat() {
        harness.seat("s1", Tier.TIER1, "ERP", 5).call("c1", "ERP").apply(new RoutingEvent.CallHungUp("c1"));

        harness.apply(new RoutingEvent.OfferAnswered("c1", "s1", "answer-2"),
                new RoutingEvent.OfferAnswered("c1", "nobody", "answer-3"));

        assertThat(harness.all(RoutingCommand.AnswerVerdict.class)).containsExactly(
                new RoutingCommand.AnswerVerdict("answer-2", "c1", "s1", false, "unknown call"),
                new RoutingCommand.AnswerVerdict("answer-3", "c1", "nobody", false, "unknown seat"));
        assertThat(harness.all(RoutingCommand.CallConnected.class)).isEmpty();
    }

    @Test
    void shouldGiveNoVerdictWhenNobodyWaitsForOne() {
        harness.seat("s1", Tier.TIER1, "ERP", 5).call("c1", "ERP");

        harness.apply(new RoutingEvent.OfferAnswered("c1", "s1"), new RoutingEvent.OfferAnswered("c2", "s1"));

        assertThat(harness.all(RoutingCommand.CallConnected.class)).hasSize(1);
        assertThat(harness.all(RoutingCommand.RequestRejected.class)).hasSize(1);
        assertThat(harness.all(RoutingCommand.AnswerVerdict.class)).isEmpty();
    }
}
