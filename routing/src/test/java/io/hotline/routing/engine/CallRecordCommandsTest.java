package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the engine tells the journal about every call: joined, ended with talk time, handed off, escalated. */
class CallRecordCommandsTest {

    @Test
    void shouldStartTheCallRecordWithItsOriginProductAndPriorityWhenTheCallArrives() {
        EngineHarness harness = new EngineHarness();
        RoutingEvent.CallOrigin origin = new RoutingEvent.CallOrigin("1700000000.7", "13800138000", "4008001234", 42L);
        CallPriority priority = new CallPriority(Severity.P1, true, "PREMIUM");

        harness.apply(new RoutingEvent.CallArrived("c1", RoutingConfig.SUPPORT,
                List.of(new SkillRequirement("ERP_U8", 1)), priority, null, 9L, origin));

        assertThat(harness.all(RoutingCommand.CallJoined.class)).singleElement().satisfies(joined -> {
            assertThat(joined.callId()).isEqualTo("c1");
            assertThat(joined.queue()).isEqualTo(RoutingConfig.SUPPORT);
            assertThat(joined.origin()).isEqualTo(origin);
            assertThat(joined.productSkill()).isEqualTo("ERP_U8");
            assertThat(joined.workOrderId()).isEqualTo(9L);
            assertThat(joined.priority()).isEqualTo(priority);
        });
    }

    @Test
    void shouldReportTheTalkTimeWhenTheConversationEnds() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 3).call("c1", "ERP").apply(new RoutingEvent.OfferAnswered("c1", "s1"));

        harness.advanceSeconds(52).apply(new RoutingEvent.CallEnded("c1"));

        assertThat(harness.all(RoutingCommand.ConversationEnded.class)).singleElement().satisfies(ended -> {
            assertThat(ended.seatId()).isEqualTo("s1");
            assertThat(ended.talked()).isEqualTo(Duration.ofSeconds(52));
        });
        assertThat(harness.all(RoutingCommand.CallAbandoned.class)).isEmpty();
    }

    @Test
    void shouldHandACallerToACallbackWithoutCountingAnAbandon() {
        EngineHarness harness = new EngineHarness();
        harness.call("c1", "ERP").advanceSeconds(30);

        harness.apply(new RoutingEvent.CallHandedOff("c1", Handoff.CALLBACK));

        assertThat(harness.all(RoutingCommand.CallHandedOff.class)).singleElement().satisfies(handedOff -> {
            assertThat(handedOff.handoff()).isEqualTo(Handoff.CALLBACK);
            assertThat(handedOff.queue()).isEqualTo(RoutingConfig.SUPPORT);
            assertThat(handedOff.waited()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(harness.all(RoutingCommand.CallAbandoned.class)).isEmpty();
        assertThat(harness.engine.call("c1")).isEmpty();
        assertThat(harness.engine.snapshot().queues().get(RoutingConfig.SUPPORT).abandoned()).isZero();
    }

    @Test
    void shouldReleaseTheRingingSeatWhenTheCallerIsHandedToTheFallback() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 3).call("c1", "ERP");

        harness.apply(new RoutingEvent.CallHandedOff("c1", Handoff.FALLBACK));

        assertThat(harness.all(RoutingCommand.CancelOffer.class)).singleElement()
                .satisfies(cancel -> assertThat(cancel.seatId()).isEqualTo("s1"));
        assertThat(harness.all(RoutingCommand.CallHandedOff.class)).singleElement()
                .satisfies(handedOff -> assertThat(handedOff.handoff()).isEqualTo(Handoff.FALLBACK));
        assertThat(harness.engine.seat("s1").orElseThrow().state()).isEqualTo(SeatState.READY);
    }

    @Test
    void shouldRecordAnAfterHoursCallAsJoinedAndHandedToTheAfterHoursMessage() {
        EngineHarness harness = new EngineHarness();
        harness.advance(Duration.ofHours(11)).apply(EngineHarness.arrival("night", RoutingConfig.SUPPORT,
                new CallPriority(Severity.P2, false, "STANDARD"), null, "ERP", 1));

        // The desk opens the after-hours call's work order from CallJoined: with the caller's priority.
        assertThat(harness.all(RoutingCommand.CallJoined.class)).singleElement().satisfies(joined ->
                assertThat(joined.priority()).isEqualTo(new CallPriority(Severity.P2, false, "STANDARD")));
        assertThat(harness.all(RoutingCommand.CallHandedOff.class)).singleElement()
                .satisfies(handedOff -> assertThat(handedOff.handoff()).isEqualTo(Handoff.AFTER_HOURS));
    }

    @Test
    void shouldNameTheSeatAndTheTargetTierOfAnEscalation() {
        EngineHarness harness = new EngineHarness();
        harness.seat("junior", Tier.TIER1, "ERP", 4).call("c1", "ERP")
                .apply(new RoutingEvent.OfferAnswered("c1", "junior")).advanceSeconds(20);

        harness.apply(new RoutingEvent.EscalationRequested("c1", "junior", "tier2", "GL close fails"));

        assertThat(harness.all(RoutingCommand.MoveToQueue.class)).singleElement().satisfies(move -> {
            assertThat(move.seatId()).isEqualTo("junior");
            assertThat(move.fromTier()).isEqualTo(Tier.TIER1);
            assertThat(move.toTier()).isEqualTo(Tier.TIER2);
        });
        assertThat(harness.all(RoutingCommand.ConversationEnded.class)).singleElement()
                .satisfies(ended -> assertThat(ended.talked()).isEqualTo(Duration.ofSeconds(20)));
    }
}
