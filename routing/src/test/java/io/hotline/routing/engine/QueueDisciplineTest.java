package io.hotline.routing.engine;

import static io.hotline.routing.engine.EngineHarness.arrival;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import org.junit.jupiter.api.Test;

/** Who is served first: priority, then longest waiting; age raises priority so nobody starves. */
class QueueDisciplineTest {
    private static final CallPriority P1 = new CallPriority(Severity.P1, false, "BASIC");
    private static final CallPriority VIP = new CallPriority(Severity.P3, true, "BASIC");

    @Test
    void shouldServeLongestWaitingFirstWithinAPriority() {
        EngineHarness harness = new EngineHarness();
        harness.call("first", "ERP").advanceSeconds(1).call("second", "ERP").advanceSeconds(1).call("third", "ERP");

        harness.seat("s1", Tier.TIER1, "ERP", 4).seat("s2", Tier.TIER1, "ERP", 4).seat("s3", Tier.TIER1, "ERP", 4);

        assertThat(harness.offers()).containsExactly("first->s1", "second->s2", "third->s3");
    }

    @Test
    void shouldServeHigherPriorityFirst() {
        EngineHarness harness = new EngineHarness();
        harness.call("ordinary", "ERP").advanceSeconds(5)
                .apply(arrival("outage", "support", P1, null, "ERP", 1)).advanceSeconds(1)
                .apply(arrival("vip", "support", VIP, null, "ERP", 1));

        harness.seat("s1", Tier.TIER1, "ERP", 4).seat("s2", Tier.TIER1, "ERP", 4).seat("s3", Tier.TIER1, "ERP", 4);

        assertThat(harness.offers()).containsExactly("outage->s1", "vip->s2", "ordinary->s3");
    }

    @Test
    void shouldLetAgeOvertakePriorityTooSoNobodyStarves() {
        // A P1 is worth 4 points x 60 s: an ordinary caller who has waited 5 minutes goes first.
        EngineHarness harness = new EngineHarness();
        harness.call("patient", "ERP").advanceSeconds(300).apply(arrival("outage", "support", P1, null, "ERP", 1));

        harness.seat("s1", Tier.TIER1, "ERP", 4);

        assertThat(harness.offers()).containsExactly("patient->s1");
    }

    @Test
    void shouldServeAcrossQueuesByTheSameOrder() {
        EngineHarness harness = new EngineHarness();
        harness.apply(arrival("tier2-caller", "tier2", CallPriority.NORMAL, null, "ERP", 1)).advanceSeconds(2)
                .apply(arrival("other", "tier2", CallPriority.NORMAL, null, "ERP", 1));

        harness.seat("senior", Tier.TIER2, "ERP", 5);

        assertThat(harness.offers()).containsExactly("tier2-caller->senior");
    }

    @Test
    void shouldSkipCallsTheSeatCannotTakeWithoutLosingTheirPlace() {
        EngineHarness harness = new EngineHarness();
        harness.call("needs-hr", "HR").advanceSeconds(1).call("needs-erp", "ERP");

        harness.seat("erp-only", Tier.TIER1, "ERP", 5);
        assertThat(harness.offers()).containsExactly("needs-erp->erp-only");

        harness.seat("hr", Tier.TIER1, "HR", 5);
        assertThat(harness.offers()).containsExactly("needs-erp->erp-only", "needs-hr->hr");
    }
}
