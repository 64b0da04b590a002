package io.hotline.routing.engine;

import static io.hotline.routing.engine.EngineHarness.arrival;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.DeviceState;
import org.junit.jupiter.api.Test;

/** Sticky routing to the owner of the caller's open work order, and the softphone's state as an input. */
class StickyAndDeviceTest {

    @Test
    void shouldWaitForTheOwnerSeatFirst() {
        EngineHarness harness = new EngineHarness();
        harness.seat("owner", Tier.TIER1, "ERP", 2).seat("other", Tier.TIER1, "ERP", 5);
        harness.apply(new RoutingEvent.SeatNotReady("owner", "coffee"));

        harness.apply(arrival("returning", "support", CallPriority.NORMAL, "owner", "ERP", 1));
        assertThat(harness.offers()).isEmpty();

        harness.advanceSeconds(5).apply(new RoutingEvent.SeatReady("owner"));
        assertThat(harness.offers()).containsExactly("returning->owner");
        assertThat(harness.lastOffer().explanation()).contains("sticky");
    }

    @Test
    void shouldGoToOthersWhenTheStickyTimeEnds() {
        EngineHarness harness = new EngineHarness();
        harness.seat("owner", Tier.TIER1, "ERP", 5).seat("other", Tier.TIER1, "ERP", 5);
        harness.apply(new RoutingEvent.SeatNotReady("owner", "meeting"));

        harness.apply(arrival("returning", "support", CallPriority.NORMAL, "owner", "ERP", 1));
        harness.advanceSeconds(19);
        assertThat(harness.offers()).isEmpty();

        harness.advanceSeconds(1);
        assertThat(harness.offers()).containsExactly("returning->other");
    }

    @Test
    void shouldSkipStickinessWhenTheOwnerIsLoggedOut() {
        EngineHarness harness = new EngineHarness();
        harness.seat("owner", Tier.TIER1, "ERP", 5).seat("other", Tier.TIER1, "ERP", 5);
        harness.apply(new RoutingEvent.SeatLoggedOut("owner"));

        harness.apply(arrival("returning", "support", CallPriority.NORMAL, "owner", "ERP", 1));

        assertThat(harness.offers()).containsExactly("returning->other");
    }

    @Test
    void shouldNeverOfferToASeatWhosePhoneIsUnreachableOrBusy() {
        EngineHarness harness = new EngineHarness();
        harness.seat("offline", Tier.TIER1, "ERP", 5).seat("busy", Tier.TIER1, "ERP", 5);
        harness.apply(new RoutingEvent.DeviceStateChanged("offline", DeviceState.UNAVAILABLE),
                new RoutingEvent.DeviceStateChanged("busy", DeviceState.IN_USE));

        harness.call("c1", "ERP").advanceSeconds(120);
        assertThat(harness.offers()).isEmpty();

        harness.apply(new RoutingEvent.DeviceStateChanged("offline", DeviceState.NOT_IN_USE));
        assertThat(harness.offers()).containsExactly("c1->offline");
    }

    @Test
    void shouldReofferAtOnceWhenTheRingingPhoneBecomesUnreachable() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 5).seat("s2", Tier.TIER1, "ERP", 4).call("c1", "ERP");

        harness.apply(new RoutingEvent.DeviceStateChanged("s1", DeviceState.UNAVAILABLE));

        assertThat(harness.offers()).containsExactly("c1->s1", "c1->s2");
    }
}
