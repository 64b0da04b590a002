package io.hotline.routing.engine;

import static io.hotline.routing.engine.EngineHarness.arrival;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import org.junit.jupiter.api.Test;

/** A tier-1 seat escalates a live call up the ladder; the caller goes ahead of fresh calls. */
class EscalationTest {

    @Test
    void shouldMoveTheLiveCallToTier2AheadOfFreshCallsAndFreeTheSeat() {
        EngineHarness harness = new EngineHarness();
        harness.seat("junior", Tier.TIER1, "ERP", 4).seat("senior", Tier.TIER2, "ERP", 5);
        harness.apply(new RoutingEvent.SeatNotReady("senior", "busy"));
        harness.call("c1", "ERP").apply(new RoutingEvent.OfferAnswered("c1", "junior"));
        // two fresh tier-2 callers join while c1 talks to tier 1
        harness.advanceSeconds(60).apply(arrival("fresh1", "tier2", CallPriority.NORMAL, null, "ERP", 1))
                .advanceSeconds(1).apply(arrival("fresh2", "tier2", CallPriority.NORMAL, null, "ERP", 1));

        harness.advanceSeconds(60).apply(new RoutingEvent.EscalationRequested("c1", "junior", "tier2",
                "data corruption in GL close"));

        assertThat(harness.all(RoutingCommand.MoveToQueue.class)).singleElement().satisfies(move -> {
            assertThat(move.queue()).isEqualTo("tier2");
            assertThat(move.fromTier()).isEqualTo(Tier.TIER1);
            assertThat(move.reason()).isEqualTo("data corruption in GL close");
        });
        assertThat(harness.engine.seat("junior").orElseThrow().state()).isEqualTo(SeatState.WRAP_UP);
        assertThat(harness.engine.call("c1").orElseThrow().queue()).isEqualTo("tier2");

        harness.apply(new RoutingEvent.SeatReady("senior"));
        assertThat(harness.offers()).endsWith("c1->senior");
    }

    @Test
    void shouldRefuseToEscalateACallTheSeatIsNotOn() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 4).seat("s2", Tier.TIER1, "ERP", 1).call("c1", "ERP")
                .apply(new RoutingEvent.OfferAnswered("c1", "s1"));

        harness.apply(new RoutingEvent.EscalationRequested("c1", "s2", "tier2", "not mine"),
                new RoutingEvent.EscalationRequested("c1", "s1", "nowhere", "no such queue"));

        assertThat(harness.all(RoutingCommand.MoveToQueue.class)).isEmpty();
        assertThat(harness.all(RoutingCommand.RequestRejected.class)).hasSize(2);
        assertThat(harness.engine.call("c1").orElseThrow().phase()).isEqualTo(CallPhase.CONNECTED);
    }
}
