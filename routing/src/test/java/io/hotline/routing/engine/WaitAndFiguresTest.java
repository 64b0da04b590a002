package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.RoutingCommand.AnnounceWait;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Announcements, callbacks and the live figures of the snapshot. */
class WaitAndFiguresTest {

    @Test
    void shouldAnnouncePositionAndEstimatedWait() {
        EngineHarness harness = new EngineHarness();
        harness.seat("busy", Tier.TIER1, "ERP", 5).call("c0", "ERP").apply(new RoutingEvent.OfferAnswered("c0",
                "busy"));
        harness.call("c1", "ERP").advanceSeconds(1).call("c2", "ERP");

        harness.advanceSeconds(50);

        assertThat(harness.all(AnnounceWait.class)).extracting(AnnounceWait::callId, AnnounceWait::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", 1), org.assertj.core.groups.Tuple.tuple("c2",
                        2));
        // one staffed seat and the assumed 4-minute handling time: position 2 waits about 8 minutes
        assertThat(harness.all(AnnounceWait.class).get(1).estimatedWait()).isEqualTo(Duration.ofMinutes(8));
        assertThat(harness.engine.estimatedWait("c2")).contains(Duration.ofMinutes(8));
    }

    @Test
    void shouldAnnounceEachCallerOnTheirOwnRhythmWithTheirPositionAtThatMoment() {
        // given two callers waiting behind a busy seat, one second apart
        EngineHarness harness = new EngineHarness();
        harness.seat("busy", Tier.TIER1, "ERP", 5).call("c0", "ERP").apply(new RoutingEvent.OfferAnswered("c0",
                "busy"));
        harness.call("c1", "ERP").advanceSeconds(1).call("c2", "ERP");

        // when the first hangs up after hearing their position, and the second's next announcement comes
        harness.advanceSeconds(45);
        harness.apply(new RoutingEvent.CallHungUp("c1"));
        harness.advanceSeconds(45);

        // then each was told at 45 s after joining, and the second moved up to position 1
        assertThat(harness.all(AnnounceWait.class)).extracting(AnnounceWait::callId, AnnounceWait::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", 1), org.assertj.core.groups.Tuple.tuple("c2",
                        2), org.assertj.core.groups.Tuple.tuple("c2", 1));
        assertThat(harness.engine.estimatedWait("c2")).contains(Duration.ofMinutes(4));
    }

    @Test
    void shouldEstimateTheWaitAsTheAnnouncementTellsItWithSeveralStaffedSeats() {
        // given two busy seats and two callers waiting behind them
        EngineHarness harness = new EngineHarness();
        harness.seat("a", Tier.TIER1, "ERP", 5).call("c0", "ERP").apply(new RoutingEvent.OfferAnswered("c0", "a"));
        harness.seat("b", Tier.TIER1, "ERP", 5).call("c1", "ERP").apply(new RoutingEvent.OfferAnswered("c1", "b"));
        harness.call("c2", "ERP").call("c3", "ERP");

        // when the announcements come
        harness.advanceSeconds(45);

        // then the second in line hears 2 x 4 min / 2 seats, and the engine's estimate says the same
        assertThat(harness.all(AnnounceWait.class)).filteredOn(announce -> announce.callId().equals("c3"))
                .singleElement().satisfies(announce -> assertThat(announce.estimatedWait())
                        .isEqualTo(Duration.ofMinutes(4)));
        assertThat(harness.engine.estimatedWait("c3")).contains(Duration.ofMinutes(4));
    }

    @Test
    void shouldOfferACallbackOnceAfterTheConfiguredWait() {
        EngineHarness harness = new EngineHarness();
        harness.call("patient", "ERP");

        harness.advanceSeconds(179);
        assertThat(harness.all(RoutingCommand.OfferCallback.class)).isEmpty();
        harness.advanceSeconds(1).advanceSeconds(60);

        assertThat(harness.all(RoutingCommand.OfferCallback.class)).singleElement()
                .satisfies(offer -> assertThat(offer.waited()).isEqualTo(Duration.ofMinutes(3)));
    }

    @Test
    void shouldReportServiceLevelsAsaAbandonsAndLongestWait() {
        EngineHarness harness = new EngineHarness();
        harness.seat("s1", Tier.TIER1, "ERP", 5);
        // answered after 0 s
        harness.call("fast", "ERP").apply(new RoutingEvent.OfferAnswered("fast", "s1"));
        // waits 30 s (beyond the 20 s threshold) while s1 is on the first call
        harness.call("slow", "ERP").advanceSeconds(30).apply(new RoutingEvent.CallEnded("fast"));
        harness.advanceSeconds(30);
        harness.apply(new RoutingEvent.OfferAnswered("slow", "s1"));
        // abandons after 5 s
        harness.call("gone", "ERP").advanceSeconds(5).apply(new RoutingEvent.CallHungUp("gone"));
        harness.call("waiting", "ERP").advanceSeconds(12);

        QueueSnapshot support = harness.engine.snapshot().queues().get("support");

        assertThat(support.answered()).isEqualTo(2);
        assertThat(support.answeredWithinThreshold()).isEqualTo(1);
        assertThat(support.abandoned()).isEqualTo(1);
        assertThat(support.serviceLevel()).isEqualTo(0.5);
        assertThat(support.serviceLevelWithAbandons()).isEqualTo(1.0 / 3);
        assertThat(support.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(30));
        assertThat(support.waiting()).isEqualTo(1);
        assertThat(support.longestWait()).isEqualTo(Duration.ofSeconds(12));
        assertThat(harness.engine.snapshot().seats(Tier.TIER1, SeatState.ON_CALL)).isEqualTo(1);
    }
}
