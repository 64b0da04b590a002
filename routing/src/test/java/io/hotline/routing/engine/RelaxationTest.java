package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import org.junit.jupiter.api.Test;

/**
 * Escalating relaxation with the default support queue: tier 1 with proficiency 3+ for 30 s, tier 1 at any
 * level for 60 s more, then tier 1 or tier 2. The caller keeps their place all along.
 */
class RelaxationTest {

    @Test
    void shouldWidenFromProficientTier1ToAnyTier1ToTier2OverTime() {
        EngineHarness harness = new EngineHarness();
        harness.seat("novice", Tier.TIER1, "ERP", 1);
        harness.call("c1", "ERP");
        assertThat(harness.offers()).as("novice is below level 3 during the first 30 s").isEmpty();
        assertThat(harness.engine.call("c1").orElseThrow().step()).isEqualTo("tier1-proficient");

        harness.advanceSeconds(29);
        assertThat(harness.offers()).isEmpty();

        harness.advanceSeconds(1);
        assertThat(harness.offers()).containsExactly("c1->novice");
        assertThat(harness.lastOffer().explanation()).contains("step tier1-any-level");
    }

    @Test
    void shouldAdmitTier2OnlyAtTheLastStep() {
        EngineHarness harness = new EngineHarness();
        harness.seat("senior", Tier.TIER2, "ERP", 5);
        harness.call("c1", "ERP");

        harness.advanceSeconds(89);
        assertThat(harness.offers()).isEmpty();

        harness.advanceSeconds(1);
        assertThat(harness.offers()).containsExactly("c1->senior");
        assertThat(harness.lastOffer().explanation()).contains("tier1-or-tier2");
    }

    @Test
    void shouldKeepTheCallersPlaceWhileRelaxing() {
        EngineHarness harness = new EngineHarness();
        harness.call("older", "ERP").advanceSeconds(20).call("newer", "ERP");

        harness.advanceSeconds(40).seat("novice", Tier.TIER1, "ERP", 1);

        assertThat(harness.offers()).containsExactly("older->novice");
    }

    @Test
    void shouldApplyANewStepThatExpiredWhileAnOfferWasRinging() {
        EngineHarness harness = new EngineHarness();
        harness.seat("senior", Tier.TIER2, "ERP", 5);
        harness.call("c1", "ERP").advanceSeconds(85);
        // a tier-1 seat logs in at 85 s and is offered c1 under step tier1-any-level
        harness.seat("proficient", Tier.TIER1, "ERP", 4);
        assertThat(harness.offers()).containsExactly("c1->proficient");

        // the step to tier 1 or tier 2 starts at 90 s while the offer rings: nothing else happens meanwhile
        harness.advanceSeconds(10);
        assertThat(harness.offers()).containsExactly("c1->proficient");

        // the offer rings out at 100 s: the call goes to the tier-2 seat under the new step
        harness.advanceSeconds(5);
        assertThat(harness.offers()).containsExactly("c1->proficient", "c1->senior");
        assertThat(harness.all(RoutingCommand.CancelOffer.class)).singleElement()
                .satisfies(cancel -> assertThat(cancel.seatId()).isEqualTo("proficient"));
    }
}
