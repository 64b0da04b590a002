package io.hotline.routing.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The engine's invariants over random event sequences (jqwik): in a small random world, random seat, call, offer
 * and clock events, with the invariants checked after every event ({@link EngineObserver} checks each offer as
 * it is emitted, {@link InvariantChecks} the state after each event):
 * <ul>
 *   <li>no seat holds two calls;</li>
 *   <li>no call is offered to an ineligible seat;</li>
 *   <li>within a priority, calls are answered in arrival order unless skills forbid it (precisely: a seat is
 *       never offered a call while another waiting call it may take comes first in queue order);</li>
 *   <li>every caller is either waiting, offered, connected or gone;</li>
 *   <li>the snapshot's seat counts add up; no caller waits while a ready seat may take them; the engine never
 *       throws.</li>
 * </ul>
 * 300 scripts of up to 400 events (200 on average) per build; {@code -Djqwik.tries.default=N} runs more. A
 * failure reports the jqwik seed, the shrunk script and, readable, the world and the events up to the first
 * broken invariant with the commands each caused.
 */
class RoutingEnginePropertiesTest {

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void shouldKeepTheRoutingInvariantsOverRandomEventSequences(
            @ForAll("worlds") RandomWorld world, @ForAll("scripts") List<ScriptRunner.Action> script) {
        // given
        ScriptRunner runner = new ScriptRunner(world);

        // when
        ScriptRunner.Outcome outcome = runner.run(script);

        // then
        assertThat(outcome.violations()).as(() -> runner.report(outcome)).isEmpty();
        EngineObserver.RunFigures figures = outcome.figures();
        // The scripts must reach every path, not pass by doing nothing: about half the observed rates.
        cover("connected", figures.connected > 0, 40);
        cover("ring-out", figures.ringOuts > 0, 40);
        cover("declined", figures.declines > 0, 30);
        cover("escalated", figures.escalations > 0, 15);
        cover("sticky offer", figures.stickyOffers > 0, 20);
        cover("abandoned", figures.abandoned > 0, 40);
        cover("after hours", figures.afterHours > 0, 1);
    }

    private static void cover(String label, boolean happened, double minimumPercent) {
        Statistics.label(label).collect(happened);
        Statistics.label(label).coverage(coverage -> coverage.check(true).percentage(p -> p >= minimumPercent));
    }

    @Provide
    Arbitrary<RandomWorld> worlds() {
        return Arbitraries.longs().map(RandomWorld::generate);
    }

    @Provide
    Arbitrary<List<ScriptRunner.Action>> scripts() {
        Arbitrary<ScriptRunner.Action> action = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999_999))
                .as(ScriptRunner.Action::new);
        return action.list().ofMaxSize(400).withSizeDistribution(RandomDistribution.uniform());
    }
}
