package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A due callback is routed like a call: it keeps the caller's place, rings a seat first, then reports its end. */
class CallbackRoutingTest {

    private static RoutingEvent.CallbackDue due(long id, Instant place, int attempt) {
        return new RoutingEvent.CallbackDue(id, 42, null, "02161234567", place, attempt);
    }

    private static List<String> dials(EngineHarness harness) {
        return harness.all(RoutingCommand.DialCallback.class).stream()
                .map(dial -> dial.callId() + "->" + dial.seatId()).toList();
    }

    @Test
    void shouldKeepTheCallersPlaceAheadOfALaterCaller() {
        // given: one seat, away; a caller arrives now, then a callback whose caller first called 10 min ago
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 4).apply(new RoutingEvent.SeatNotReady("s1", "lunch"));
        harness.call("fresh", "ERP").advanceSeconds(5);
        harness.apply(due(7, EngineHarness.START.minus(Duration.ofMinutes(10)), 1));

        // when: the seat is ready
        harness.apply(new RoutingEvent.SeatReady("s1"));

        // then: the callback is rung to the seat before the fresh caller, and opens no call of its own
        assertThat(dials(harness)).containsExactly("cb-7-1->s1");
        assertThat(harness.all(RoutingCommand.OfferCall.class)).isEmpty();
        assertThat(harness.all(RoutingCommand.CallJoined.class)).extracting(RoutingCommand.CallJoined::callId)
                .containsExactly("fresh");
        RoutingCommand.DialCallback dial = harness.all(RoutingCommand.DialCallback.class).get(0);
        assertThat(dial.dialString()).isEqualTo("PJSIP/s1");
        assertThat(dial.number()).isEqualTo("02161234567");
        assertThat(dial.workOrderId()).isEqualTo(42);
        assertThat(dial.attempt()).isEqualTo(1);
    }

    @Test
    void shouldQueueACallbackBehindACallerWhoCameEarlier() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 4).apply(new RoutingEvent.SeatNotReady("s1", "lunch"));
        harness.call("early", "ERP").advanceSeconds(60);
        harness.apply(due(8, EngineHarness.START.plusSeconds(30), 2));

        harness.apply(new RoutingEvent.SeatReady("s1"));

        assertThat(harness.offers()).containsExactly("early->s1");
        assertThat(dials(harness)).isEmpty();
        assertThat(harness.engine.call("cb-8-2").orElseThrow().phase()).isEqualTo(CallPhase.WAITING);
    }

    @Test
    void shouldCountAnUnansweredCallbackOfferAsMissedAndOfferItToTheNextSeat() {
        // given: a seat goes not ready after one missed offer
        EngineHarness harness = new EngineHarness(RoutingConfig.defaults()
                .withOffers(Duration.ofSeconds(20), 1, Duration.ofSeconds(10)));
        harness.seat("s1", Tier.TIER1, "ERP", 4);
        harness.apply(due(9, EngineHarness.START, 1));
        assertThat(dials(harness)).containsExactly("cb-9-1->s1");
        harness.seat("s2", Tier.TIER1, "ERP", 4);

        // when: s1 does not answer within the ring timeout
        harness.advanceSeconds(21);

        // then: the offer is withdrawn, counted as missed, and the callback rung to s2 (a later offer number)
        assertThat(harness.all(RoutingCommand.CancelOffer.class)).singleElement()
                .satisfies(cancel -> assertThat(cancel.seatId()).isEqualTo("s1"));
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.NOT_READY);
        assertThat(harness.engine.seat("s1").orElseThrow().reason()).isEqualTo("no-answer");
        assertThat(dials(harness)).containsExactly("cb-9-1->s1", "cb-9-1->s2");
        List<RoutingCommand.DialCallback> all = harness.all(RoutingCommand.DialCallback.class);
        assertThat(all.get(1).offer()).isGreaterThan(all.get(0).offer());
        assertThat(harness.all(RoutingCommand.CallbackAttempted.class)).isEmpty();
    }

    @Test
    void shouldRecordAConnectedAttemptWithoutCallRecordsAndWrapTheSeatUp() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 4).apply(due(10, EngineHarness.START, 1));

        harness.apply(new RoutingEvent.OfferAnswered("cb-10-1", "s1", "r1"));
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.ON_CALL);
        harness.advanceSeconds(100).apply(new RoutingEvent.CallbackDialled("cb-10-1", "s1", CallbackOutcome.CONNECTED,
                Duration.ofSeconds(95)));

        assertThat(harness.all(RoutingCommand.AnswerVerdict.class)).singleElement()
                .satisfies(verdict -> assertThat(verdict.accepted()).isTrue());
        assertThat(harness.all(RoutingCommand.CallbackAttempted.class)).containsExactly(
                new RoutingCommand.CallbackAttempted("cb-10-1", 10, 42, "s1", 1, CallbackOutcome.CONNECTED,
                        Duration.ofSeconds(95)));
        assertThat(harness.all(RoutingCommand.CallConnected.class)).isEmpty();
        assertThat(harness.all(RoutingCommand.ConversationEnded.class)).isEmpty();
        assertThat(harness.engine.call("cb-10-1")).isEmpty();
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.WRAP_UP);
    }

    @Test
    void shouldRecordANoAnswerAttemptAndKeepThePlaceOnTheRetry() {
        // given: attempt 1 was not answered by the customer
        EngineHarness harness = new EngineHarness();
        Instant place = EngineHarness.START.minus(Duration.ofMinutes(5));
        harness.seat("s1", Tier.TIER1, "ERP", 4).apply(due(11, place, 1),
                new RoutingEvent.OfferAnswered("cb-11-1", "s1"),
                new RoutingEvent.CallbackDialled("cb-11-1", "s1", CallbackOutcome.NO_ANSWER, Duration.ofSeconds(7)));
        assertThat(harness.all(RoutingCommand.CallbackAttempted.class)).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(CallbackOutcome.NO_ANSWER);
            assertThat(attempt.talked()).isZero();
            assertThat(attempt.attempt()).isEqualTo(1);
        });

        // when: ten minutes later a fresh caller is waiting and attempt 2 comes due with the same place
        harness.advance(Duration.ofMinutes(10)).apply(new RoutingEvent.SeatNotReady("s1", "break"));
        harness.call("fresh", "ERP").advanceSeconds(1).apply(due(11, place, 2));
        harness.clear();
        harness.apply(new RoutingEvent.SeatReady("s1"));

        // then: the retry goes first
        assertThat(dials(harness)).containsExactly("cb-11-2->s1");
        assertThat(harness.offers()).isEmpty();
    }

    @Test
    void shouldPutTheCallbackBackWhenTheSeatLeavesBeforeTheCustomerIsDialled() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 4).apply(due(12, EngineHarness.START, 1),
                new RoutingEvent.OfferAnswered("cb-12-1", "s1"));
        harness.seat("s2", Tier.TIER1, "ERP", 4);

        harness.apply(new RoutingEvent.CallbackDialled("cb-12-1", "s1", null, null));

        assertThat(harness.all(RoutingCommand.CallbackAttempted.class)).isEmpty();
        assertThat(dials(harness)).containsExactly("cb-12-1->s1", "cb-12-1->s2");
    }

    @Test
    void shouldRefuseAReportFromASeatTheCallbackHasLeft() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 4).apply(due(15, EngineHarness.START, 1),
                new RoutingEvent.OfferAnswered("cb-15-1", "s1"));

        harness.apply(new RoutingEvent.CallbackDialled("cb-15-1", "s9", CallbackOutcome.FAILED, Duration.ZERO));

        assertThat(harness.all(RoutingCommand.CallbackAttempted.class)).isEmpty();
        assertThat(harness.engine.call("cb-15-1").orElseThrow().phase()).isEqualTo(CallPhase.CONNECTED);
        assertThat(harness.all(RoutingCommand.RequestRejected.class)).singleElement()
                .satisfies(refusal -> assertThat(refusal.reason()).contains("s9"));
    }

    @Test
    void shouldFreeTheSeatWithoutAMissWhenTheCallbackCannotBePlaced() {
        EngineHarness harness = new EngineHarness(RoutingConfig.defaults()
                .withOffers(Duration.ofSeconds(20), 1, Duration.ofSeconds(10)));
        harness.seat("s1", Tier.TIER1, "ERP", 4).apply(due(13, EngineHarness.START, 1));

        harness.apply(new RoutingEvent.CallbackDialled("cb-13-1", null, CallbackOutcome.FAILED, Duration.ZERO));

        assertThat(harness.all(RoutingCommand.CallbackAttempted.class)).singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(CallbackOutcome.FAILED));
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.READY);
        harness.advanceSeconds(30);
        assertThat(harness.all(RoutingCommand.CancelOffer.class)).isEmpty();
    }

    @Test
    void shouldCountASeatLegThatEndsUnansweredAsAMissAndRefuseALiveEscalation() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 4).seat("s2", Tier.TIER1, "ERP", 4)
                .apply(due(14, EngineHarness.START, 1));
        String first = dials(harness).get(0);
        String firstSeat = first.substring(first.indexOf("->") + 2);

        harness.apply(new RoutingEvent.CallHungUp("cb-14-1"));

        assertThat(dials(harness)).hasSize(2);
        assertThat(harness.all(RoutingCommand.CallAbandoned.class)).isEmpty();
        String secondSeat = harness.all(RoutingCommand.DialCallback.class).get(1).seatId();
        assertThat(secondSeat).isNotEqualTo(firstSeat);
        harness.apply(new RoutingEvent.OfferAnswered("cb-14-1", secondSeat),
                new RoutingEvent.EscalationRequested("cb-14-1", secondSeat, "tier2", "needs tier 2"));
        assertThat(harness.all(RoutingCommand.MoveToQueue.class)).isEmpty();
        assertThat(harness.all(RoutingCommand.RequestRejected.class))
                .extracting(RoutingCommand.RequestRejected::reason)
                .anySatisfy(reason -> assertThat(reason).contains("cannot be escalated"));
    }
}
