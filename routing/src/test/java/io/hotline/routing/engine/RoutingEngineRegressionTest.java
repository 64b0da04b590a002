package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.Severity;
import org.junit.jupiter.api.Test;

/**
 * Bugs found by {@link RoutingEnginePropertiesTest}, each reduced to the shortest script that shows it.
 */
class RoutingEngineRegressionTest {

    private static EngineHarness harness() {
        return new EngineHarness(RoutingConfig.defaults().withHours(BusinessHours.ALWAYS_OPEN));
    }

    @Test
    void shouldOfferAStickyCallerToOtherSeatsAtOnceWhenTheOwnerLogsOutWhileRinging() {
        // given a caller whose work order belongs to "owner", ringing there
        EngineHarness harness = harness().seat("owner", Tier.TIER1, "ERP", 5).seat("other", Tier.TIER1, "ERP", 4);
        harness.apply(EngineHarness.arrival("c1", RoutingConfig.SUPPORT, CallPriority.NORMAL, "owner", "ERP", 1));
        assertThat(harness.offers()).containsExactly("c1->owner");

        // when the owner logs out
        harness.apply(new RoutingEvent.SeatLoggedOut("owner"));

        // then the sticky window is over: the next eligible seat rings at once, not 20 s later
        assertThat(harness.offers()).containsExactly("c1->owner", "c1->other");
    }

    @Test
    void shouldOfferAStickyCallerToOtherSeatsAtOnceWhenTheOwnerLogsOutWhileTheCallerWaits() {
        // given a caller waiting for their owner seat, which is logged in but not ready
        EngineHarness harness = harness().seat("owner", Tier.TIER1, "ERP", 5).seat("other", Tier.TIER1, "ERP", 4);
        harness.apply(new RoutingEvent.SeatNotReady("owner", "break"));
        harness.apply(EngineHarness.arrival("c1", RoutingConfig.SUPPORT, CallPriority.NORMAL, "owner", "ERP", 1));
        assertThat(harness.offers()).isEmpty();

        // when the owner logs out
        harness.apply(new RoutingEvent.SeatLoggedOut("owner"));

        // then
        assertThat(harness.offers()).containsExactly("c1->other");
    }

    @Test
    void shouldOfferASeatTheFirstCallInQueueOrderWhenTimersDueTogetherFireInOneTick() {
        // given c0 ringing on "owner", and VIP c1 waiting 20 s for "owner", its work order's seat
        EngineHarness harness = harness().seat("owner", Tier.TIER1, "ERP", 5).seat("s1", Tier.TIER1, "ERP", 3);
        harness.call("c0", "ERP");
        harness.apply(EngineHarness.arrival("c1", RoutingConfig.SUPPORT, new CallPriority(Severity.P3, true, null),
                "owner", "ERP", 1));
        assertThat(harness.offers()).containsExactly("c0->owner");

        // when one tick fires c0's ring-out (due at 15 s) and the end of c1's sticky window (due at 20 s)
        harness.advanceSeconds(40);

        // then s1 takes c1, who comes first (VIP: two minutes ahead), not c0, whose timer happened to fire first
        assertThat(harness.offers()).containsExactly("c0->owner", "c1->s1");
    }

    @Test
    void shouldOfferAStickyCallerToTheOwnerThatBecomesReadyEvenWithoutTheCallersPrimarySkill() {
        // given a caller whose work order belongs to "owner", a seat without the caller's primary skill
        EngineHarness harness = harness().seat("owner", Tier.TIER1, "CRM", 5);
        harness.apply(new RoutingEvent.SeatNotReady("owner", "break"));
        harness.apply(EngineHarness.arrival("c1", RoutingConfig.SUPPORT, CallPriority.NORMAL, "owner", "ERP", 1));
        assertThat(harness.offers()).isEmpty();

        // when the owner is ready again within the sticky window
        harness.advanceSeconds(5).apply(new RoutingEvent.SeatReady("owner"));

        // then it is offered its caller, as it would have been had it been ready when the caller arrived
        assertThat(harness.offers()).containsExactly("c1->owner");
        assertThat(harness.lastOffer().explanation()).startsWith("sticky");
    }

    @Test
    void shouldPutASeatBackOnCallWhenItLogsInAgainDuringTheConversation() {
        // given a seat that logged out in the middle of a conversation
        EngineHarness harness = harness().seat("s1", Tier.TIER1, "ERP", 5).call("c1", "ERP");
        harness.apply(new RoutingEvent.OfferAnswered("c1", "s1"), new RoutingEvent.SeatLoggedOut("s1"));
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.LOGGED_OUT);

        // when it logs in again while the caller is still connected
        harness.apply(new RoutingEvent.SeatLoggedIn("s1"));

        // then it is on call, not ready, and wraps up when the conversation ends
        SeatStatus seat = harness.engine.seat("s1").orElseThrow();
        assertThat(seat.state()).isEqualTo(SeatState.ON_CALL);
        assertThat(seat.callId()).isEqualTo("c1");
        harness.apply(new RoutingEvent.CallEnded("c1"));
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.WRAP_UP);
    }

    @Test
    void shouldOfferCallsAgainToASeatThatLoggedOutAndInDuringItsCoolDown() {
        // given a seat cooling down for 10 s after rejecting the only waiting call
        EngineHarness harness = harness().seat("s1", Tier.TIER1, "ERP", 5).call("c1", "ERP");
        harness.apply(new RoutingEvent.OfferDeclined("c1", "s1", DeclineReason.REJECTED));

        // when it logs out and in again before the cool-down ends
        harness.advanceSeconds(1).apply(new RoutingEvent.SeatLoggedOut("s1"), new RoutingEvent.SeatLoggedIn("s1"));
        harness.advanceSeconds(9);

        // then it is offered the call when the cool-down ends, instead of staying ready but never offered one
        assertThat(harness.offers()).containsExactly("c1->s1", "c1->s1");
    }
}
