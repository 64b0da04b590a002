package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import org.junit.jupiter.api.Test;

class RoutingEngineSmokeTest {

    @Test
    void shouldOfferAWaitingCallToTheSeatThatBecomesReadyAndConnectIt() {
        EngineHarness harness = new EngineHarness();
        harness.call("c1", "ERP_U8");
        assertThat(harness.offers()).isEmpty();

        harness.seat("s1", Tier.TIER1, "ERP_U8", 4);

        assertThat(harness.offers()).containsExactly("c1->s1");
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.RESERVED);
        harness.advanceSeconds(3).apply(new RoutingEvent.OfferAnswered("c1", "s1"));
        assertThat(harness.engine.call("c1").orElseThrow().phase()).isEqualTo(CallPhase.CONNECTED);
        assertThat(harness.all(RoutingCommand.CallConnected.class)).singleElement()
                .satisfies(connected -> assertThat(connected.waited().toSeconds()).isEqualTo(3));

        harness.advanceSeconds(120).apply(new RoutingEvent.CallEnded("c1"));
        assertThat(harness.engine.call("c1")).isEmpty();
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.WRAP_UP);
        harness.advanceSeconds(30);
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.READY);
        RoutingSnapshot snapshot = harness.engine.snapshot();
        assertThat(snapshot.queues().get("support").answered()).isEqualTo(1);
        assertThat(snapshot.seats(Tier.TIER1, SeatState.READY)).isEqualTo(1);
    }
}
