package io.hotline.benchmarks.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.SeatOrdering;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The baseline is only a peer if it decides as the engine does: same events in, same offers out, on smaller
 * worlds than the benchmark's.
 */
class NaiveRouterTest {
    private static final WorldSize SMALL = new WorldSize(400, 40, 800, 7L);
    /** Few waiting calls, so the script below leaves seats idle for long stretches. */
    private static final WorldSize SHORT_QUEUE = new WorldSize(400, 40, 50, 7L);

    @Test
    void shouldMakeTheEnginesOffersInTheBenchmarkCycle() {
        // given the engine and the baseline over the same small world, queue filled
        ScenarioDriver engine = ScenarioDriver.hotline(SMALL, RoutingWorld.config()).recordOffers().open(10);
        ScenarioDriver baseline = ScenarioDriver.baseline(SMALL, RoutingWorld.config()).recordOffers().open(10);

        // when both run the benchmark's cycle
        for (int i = 0; i < 20_000; i++) {
            engine.cycle(10);
            baseline.cycle(10);
        }

        // then every offer is the same, and the queue kept its size
        List<String> expected = engine.takeOfferLog();
        assertThat(expected).hasSizeGreaterThan(20_000);
        assertThat(baseline.takeOfferLog()).isEqualTo(expected);
        assertThat(engine.waiting() - engine.idleSeats()).isEqualTo(SMALL.waitingCalls());
    }

    @Test
    void shouldMakeTheEnginesOffersWhenSeatsIdleAndStepsWiden() {
        for (SeatOrdering ordering : SeatOrdering.values()) {
            // given a script that, in turns, frees seats faster than callers arrive and the other way round,
            // and jumps the clock across relaxation steps
            RoutingConfig config = RoutingWorld.config().withOrdering(ordering);
            ScenarioDriver engine = ScenarioDriver.hotline(SHORT_QUEUE, config).recordOffers().open(100);
            ScenarioDriver baseline = ScenarioDriver.baseline(SHORT_QUEUE, config).recordOffers().open(100);
            Random script = new Random(11);
            List<Integer> offersAtTicks = new ArrayList<>();

            // when both follow it
            for (int i = 0; i < 30_000; i++) {
                int ends = (i / 2_000) % 2 == 0 ? 60 : 25;
                int roll = script.nextInt(100);
                if (roll < ends) {
                    engine.endOldestCall();
                    baseline.endOldestCall();
                } else if (roll < 85) {
                    engine.arrive();
                    baseline.arrive();
                } else {
                    int before = engine.waiting();
                    long jump = script.nextInt(40_000);
                    engine.tick(jump);
                    baseline.tick(jump);
                    offersAtTicks.add(before - engine.waiting());
                }
            }

            // then every offer is the same, including those made when a step widened
            List<String> expected = engine.takeOfferLog();
            assertThat(baseline.takeOfferLog()).as("offers by %s", ordering).isEqualTo(expected);
            assertThat(offersAtTicks.stream().mapToInt(Integer::intValue).sum()).as("offers at widening")
                    .isPositive();
        }
    }
}
