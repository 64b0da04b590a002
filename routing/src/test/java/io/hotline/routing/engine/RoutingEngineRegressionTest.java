package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.ladder.Tier;
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
}
