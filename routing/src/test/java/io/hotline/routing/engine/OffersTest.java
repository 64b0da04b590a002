package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.RoutingCommand.CancelOffer;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import org.junit.jupiter.api.Test;

/** Offer, ring timeout, re-offer; missed offers; rejects; and the races around an offer. */
class OffersTest {

    @Test
    void shouldReofferToTheNextSeatWhenTheOfferRingsOut() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 5).seat("s2", Tier.TIER1, "ERP", 4).call("c1", "ERP");
        assertThat(harness.offers()).containsExactly("c1->s1");

        harness.advanceSeconds(15);

        assertThat(harness.offers()).containsExactly("c1->s1", "c1->s2");
        assertThat(harness.all(CancelOffer.class)).extracting(CancelOffer::seatId).containsExactly("s1");
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.READY);
    }

    @Test
    void shouldPutASeatNotReadyAfterThreeMissedOffersInARow() {
        EngineHarness harness = new EngineHarness();
        harness.seat("sleepy", Tier.TIER1, "ERP", 5);
        for (int i = 1; i <= 3; i++) {
            harness.call("c" + i, "ERP");
            harness.advanceSeconds(15);
            harness.apply(new RoutingEvent.CallHungUp("c" + i));
            harness.advanceSeconds(10);
        }

        assertThat(harness.offers()).containsExactly("c1->sleepy", "c2->sleepy", "c3->sleepy");
        SeatStatus seat = harness.engine.seat("sleepy").orElseThrow();
        assertThat(seat.state()).isEqualTo(SeatState.NOT_READY);
        assertThat(seat.reason()).isEqualTo("no-answer");
    }

    @Test
    void shouldResetTheMissCountWhenTheSeatAnswers() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 5);
        for (int i = 1; i <= 2; i++) {
            harness.call("m" + i, "ERP").advanceSeconds(15).apply(new RoutingEvent.CallHungUp("m" + i));
            harness.advanceSeconds(10);
        }
        harness.call("answered", "ERP").apply(new RoutingEvent.OfferAnswered("answered", "s1"),
                new RoutingEvent.CallEnded("answered"));
        harness.advanceSeconds(30).call("m3", "ERP").advanceSeconds(15);

        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.READY);
    }

    @Test
    void shouldCoolDownASeatThatRejectsAndOfferTheCallElsewhere() {
        EngineHarness harness = new EngineHarness();
        harness.seat("picky", Tier.TIER1, "ERP", 5).seat("other", Tier.TIER1, "ERP", 3).call("c1", "ERP");

        harness.apply(new RoutingEvent.OfferDeclined("c1", "picky", DeclineReason.REJECTED));
        assertThat(harness.offers()).containsExactly("c1->picky", "c1->other");

        harness.call("c2", "ERP");
        assertThat(harness.offers()).as("picky cools down for 10 s").hasSize(2);
        harness.advanceSeconds(10);
        assertThat(harness.offers()).containsExactly("c1->picky", "c1->other", "c2->picky");
    }

    @Test
    void shouldRequeueTheCallerKeepingTheirPlaceWhenTheSeatLogsOutWhileRinging() {
        EngineHarness harness = new EngineHarness();
        harness.call("first", "ERP").advanceSeconds(1).call("second", "ERP");
        harness.seat("leaving", Tier.TIER1, "ERP", 5);
        assertThat(harness.offers()).containsExactly("first->leaving");

        harness.apply(new RoutingEvent.SeatLoggedOut("leaving"));

        assertThat(harness.all(CancelOffer.class)).singleElement()
                .satisfies(cancel -> assertThat(cancel.reason()).isEqualTo("seat logged out"));
        assertThat(harness.engine.call("first").orElseThrow().phase()).isEqualTo(CallPhase.WAITING);
        harness.seat("next", Tier.TIER1, "ERP", 4);
        assertThat(harness.offers()).containsExactly("first->leaving", "first->next");
    }

    @Test
    void shouldFreeTheSeatWithoutPenaltyWhenTheCallerHangsUpAsTheSeatIsChosen() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 5).call("c1", "ERP").call("c2", "ERP");
        assertThat(harness.offers()).containsExactly("c1->s1");

        // the caller's hang-up crosses the offer: the seat is freed at once and takes the next caller
        harness.apply(new RoutingEvent.CallHungUp("c1"));

        assertThat(harness.offers()).containsExactly("c1->s1", "c2->s1");
        assertThat(harness.all(RoutingCommand.CallAbandoned.class)).extracting(RoutingCommand.CallAbandoned::callId)
                .containsExactly("c1");
        // and a late answer for the gone call is refused, not applied
        harness.apply(new RoutingEvent.OfferAnswered("c1", "s1"));
        assertThat(harness.all(RoutingCommand.RequestRejected.class)).isNotEmpty();
        assertThat(harness.engine.seat("s1").orElseThrow().callId()).isEqualTo("c2");
    }

    @Test
    void shouldGiveOneCallEachWhenTwoSeatsBecomeReadyInOneBatch() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 5).seat("s2", Tier.TIER1, "ERP", 5);
        harness.apply(new RoutingEvent.SeatNotReady("s1", "break"), new RoutingEvent.SeatNotReady("s2", "break"));
        harness.call("c1", "ERP").advanceSeconds(1).call("c2", "ERP");

        harness.apply(new RoutingEvent.SeatReady("s1"), new RoutingEvent.SeatReady("s2"));

        assertThat(harness.offers()).containsExactly("c1->s1", "c2->s2");
    }

    @Test
    void shouldRefuseAnAnswerFromASeatThatWasNotOffered() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 5).seat("s2", Tier.TIER1, "ERP", 1).call("c1", "ERP");

        harness.apply(new RoutingEvent.OfferAnswered("c1", "s2"));

        assertThat(harness.engine.call("c1").orElseThrow().phase()).isEqualTo(CallPhase.OFFERED);
        assertThat(harness.all(RoutingCommand.RequestRejected.class)).singleElement()
                .satisfies(rejected -> assertThat(rejected.reason()).contains("not offered"));
    }

    @Test
    void shouldApplyANotReadyRequestedDuringACallWhenTheCallEnds() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 5).call("c1", "ERP").apply(new RoutingEvent.OfferAnswered("c1", "s1"));

        harness.apply(new RoutingEvent.SeatNotReady("s1", "lunch"));
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.ON_CALL);
        harness.apply(new RoutingEvent.CallEnded("c1")).advanceSeconds(30);

        SeatStatus seat = harness.engine.seat("s1").orElseThrow();
        assertThat(seat.state()).isEqualTo(SeatState.NOT_READY);
        assertThat(seat.reason()).isEqualTo("lunch");
    }
}
