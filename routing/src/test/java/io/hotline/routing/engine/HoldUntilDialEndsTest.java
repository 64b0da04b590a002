package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import org.junit.jupiter.api.Test;

/**
 * Without AMI Hotline cannot stop Asterisk ringing a withdrawn offer: with {@link RoutingConfig#holdUntilDialEnds()}
 * the caller, still inside that Dial, is offered to nobody else (whose phone would not ring, and who would be
 * counted a miss) until the dialplan reports the Dial ended.
 */
class HoldUntilDialEndsTest {
    private final EngineHarness harness = new EngineHarness(RoutingConfig.defaults().withHoldUntilDialEnds(true));

    @Test
    void shouldOfferTheCallerElsewhereOnlyOnceTheDialOfAWithdrawnOfferEnded() {
        harness.seat("leaving", Tier.TIER1, "ERP", 5).seat("second", Tier.TIER1, "ERP", 4).call("c1", "ERP");
        assertThat(harness.offers()).containsExactly("c1->leaving");

        harness.apply(new RoutingEvent.SeatLoggedOut("leaving"));
        // Asterisk still rings "leaving" for up to the ring timeout: "second" is not offered a call it cannot ring
        harness.advanceSeconds(14);
        assertThat(harness.offers()).containsExactly("c1->leaving");
        assertThat(harness.engine.seat("second").orElseThrow().state()).isEqualTo(SeatState.READY);

        harness.apply(new RoutingEvent.OfferDeclined("c1", "leaving", DeclineReason.NO_ANSWER));
        assertThat(harness.offers()).containsExactly("c1->leaving", "c1->second");
        harness.advanceSeconds(14);
        assertThat(harness.all(RoutingCommand.CancelOffer.class)).extracting(RoutingCommand.CancelOffer::seatId)
                .containsExactly("leaving");
    }

    @Test
    void shouldCountTheRingOutOnceAndReofferWhenTheDialplanReportsIt() {
        harness.seat("s1", Tier.TIER1, "ERP", 5).seat("s2", Tier.TIER1, "ERP", 4).call("c1", "ERP");

        harness.advanceSeconds(15);
        assertThat(harness.offers()).as("the engine's timer fires before Dial's own timeout").hasSize(1);

        harness.apply(new RoutingEvent.OfferDeclined("c1", "s1", DeclineReason.NO_ANSWER));
        assertThat(harness.offers()).containsExactly("c1->s1", "c1->s2");
        assertThat(harness.all(RoutingCommand.RequestRejected.class)).isEmpty();
    }

    @Test
    void shouldRefuseALateAnswerFromTheWithdrawnSeatAndAbandonWhenTheCallerHangsUp() {
        harness.seat("s1", Tier.TIER1, "ERP", 5).call("c1", "ERP");
        harness.apply(new RoutingEvent.SeatNotReady("s1", "break"));

        harness.apply(new RoutingEvent.OfferAnswered("c1", "s1"));
        assertThat(harness.engine.call("c1").orElseThrow().phase()).isEqualTo(CallPhase.WAITING);
        assertThat(harness.all(RoutingCommand.CallConnected.class)).isEmpty();

        harness.apply(new RoutingEvent.CallHungUp("c1"));
        assertThat(harness.all(RoutingCommand.CallAbandoned.class)).hasSize(1);
    }

    @Test
    void shouldLeaveNothingWaitingWhenTheRingOutIsReportedBeforeOrAfterTheEnginesTimer() {
        for (boolean dialplanFirst : new boolean[] {true, false}) {
            // given a seat that never answers, and a second seat that logs in later
            EngineHarness run = new EngineHarness(RoutingConfig.defaults().withHoldUntilDialEnds(true));
            run.seat("silent", Tier.TIER1, "ERP", 5).seat("later", Tier.TIER1, "ERP", 4)
                    .apply(new RoutingEvent.SeatLoggedOut("later")).call("c1", "ERP");

            // when the ring-out reaches the engine from the dialplan and from its own timer, in either order
            if (dialplanFirst) {
                run.advance(java.time.Duration.ofMillis(14_990));
                run.apply(new RoutingEvent.OfferDeclined("c1", "silent", DeclineReason.NO_ANSWER));
                run.advanceSeconds(1);
            } else {
                run.advanceSeconds(15);
                run.apply(new RoutingEvent.OfferDeclined("c1", "silent", DeclineReason.NO_ANSWER));
            }
            run.apply(new RoutingEvent.SeatLoggedIn("later"));
            run.advanceSeconds(1);
            RoutingCommand.OfferCall offer = run.lastOffer();
            run.apply(new RoutingEvent.OfferAnswered("c1", offer.seatId()), new RoutingEvent.CallEnded("c1"));

            // then the call is gone: nothing waits, and the seat that rang out is not offered a ghost
            assertThat(offer.seatId()).as("dialplan first: %s", dialplanFirst).isEqualTo("later");
            assertThat(run.engine.snapshot().queues().values()).as("dialplan first: %s", dialplanFirst)
                    .allSatisfy(queue -> assertThat(queue.waiting()).isZero());
            run.apply(new RoutingEvent.SeatReady("silent"));
            run.advanceSeconds(60);
            assertThat(run.offers()).as("dialplan first: %s", dialplanFirst).containsExactly("c1->silent",
                    "c1->later");
        }
    }

    @Test
    void shouldReofferAtOnceByDefault() {
        EngineHarness plain = new EngineHarness();
        plain.seat("leaving", Tier.TIER1, "ERP", 5).seat("second", Tier.TIER1, "ERP", 4).call("c1", "ERP");
        plain.apply(new RoutingEvent.SeatLoggedOut("leaving"));
        assertThat(plain.offers()).containsExactly("c1->leaving", "c1->second");
    }
}
