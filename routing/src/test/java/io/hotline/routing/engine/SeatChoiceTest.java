package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import org.junit.jupiter.api.Test;

/** Which ready seat takes a call: preferred tier, best proficiency, longest idle, fewest calls. */
class SeatChoiceTest {

    @Test
    void shouldPreferTheMostProficientSeat() {
        EngineHarness harness = new EngineHarness();
        harness.seat("good", Tier.TIER1, "ERP", 3).advanceSeconds(10).seat("best", Tier.TIER1, "ERP", 5);

        harness.call("c1", "ERP");

        assertThat(harness.offers()).containsExactly("c1->best");
        assertThat(harness.lastOffer().explanation()).contains("chose best", "proficiency 5", "BEST_PROFICIENCY");
    }

    @Test
    void shouldPreferTheLongestIdleAmongEquallyProficientSeats() {
        EngineHarness harness = new EngineHarness();
        harness.seat("recent", Tier.TIER1, "ERP", 4);
        harness.advanceSeconds(1).seat("later", Tier.TIER1, "ERP", 4);

        harness.advanceSeconds(5).call("c1", "ERP");

        assertThat(harness.offers()).containsExactly("c1->recent");
    }

    @Test
    void shouldPreferLongestIdleOverProficiencyWhenSoConfigured() {
        EngineHarness harness = new EngineHarness(RoutingConfig.defaults().withOrdering(SeatOrdering.LONGEST_IDLE));
        harness.seat("idle-longest", Tier.TIER1, "ERP", 3).advanceSeconds(10).seat("expert", Tier.TIER1, "ERP", 5);

        harness.call("c1", "ERP");

        assertThat(harness.offers()).containsExactly("c1->idle-longest");
    }

    @Test
    void shouldPreferTheStepsFirstTierEvenOverAMoreProficientSecondTier() {
        EngineHarness harness = new EngineHarness();
        harness.seat("junior", Tier.TIER1, "ERP", 1).seat("senior", Tier.TIER2, "ERP", 5);

        // After 90 s the support queue's last step admits tier 1 and tier 2, tier 1 first.
        harness.call("c1", "ERP").advanceSeconds(91);

        assertThat(harness.offers()).containsExactly("c1->junior");
    }

    @Test
    void shouldRequireEveryRequiredSkill() {
        EngineHarness harness = new EngineHarness();
        harness.seat("erp-only", Tier.TIER1, "ERP", 5).seat("both", Tier.TIER1, "ERP", 3, "ERP_GL", 3);

        harness.apply(EngineHarness.arrival("c1", "support", CallPriority.NORMAL, null, "ERP", 1, "ERP_GL", 2));

        assertThat(harness.offers()).containsExactly("c1->both");
    }

    @Test
    void shouldNeverOfferToASeatWithoutTheSkill() {
        EngineHarness harness = new EngineHarness();
        harness.seat("hr", Tier.TIER1, "HR", 5);

        harness.call("c1", "ERP").advanceSeconds(600);

        assertThat(harness.offers()).isEmpty();
        assertThat(harness.engine.call("c1").orElseThrow().phase()).isEqualTo(CallPhase.WAITING);
    }
}
