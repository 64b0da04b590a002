package io.hotline.benchmarks.routing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing decisions at 5,000 seats, 200 skills and 10,000 waiting calls: the real {@code RoutingEngine}
 * ({@code hotline*}) against {@link NaiveRouter}, the full-scan baseline ({@code baseline*}), over the same
 * generated world and the same events.
 * <p>
 * One operation is one {@link ScenarioDriver#cycle}: the clock moves {@code clockStepMs}, the longest connected
 * call ends, its seat becomes ready and is offered the best of the ~10,000 waiting calls it may take (decision 1;
 * the benchmark answers at once), and a fresh caller arrives and looks for a ready seat (decision 2), so the queue
 * stays at its size. Engine timers that fall due (steps widening, callback offers, the 5-second announcement
 * sweep) fire inside the operation, as they would on the routing thread.
 * <ul>
 *   <li>{@code hotline}, {@code baseline}: throughput in decisions per second ({@value
 *       ScenarioDriver#DECISIONS_PER_CYCLE} per operation).
 *   <li>{@code hotlineSeatDecision}, {@code baselineSeatDecision}: the sampled time of one decision of the first
 *       kind: the call ends, the freed seat chooses among the waiting calls and its offer is answered. The cycle's
 *       other half (the arrival, then the clock's step as a tick, which fires the timers it makes due) runs in a
 *       per-invocation set-up, outside the measurement.
 *   <li>{@code hotlineCallDecision}, {@code baselineCallDecision}: the same for the second kind: a fresh caller
 *       looks for a ready seat (and waits: every seat is busy in the steady state); the clock's step and the call
 *       ending, which fires the timers due, run in the set-up.
 * </ul>
 * Before measuring, each trial opens the world and runs {@value #SETTLE_CYCLES} cycles so the queue's mix is the
 * steady one (hard-to-serve callers accumulate); the baseline's trial also runs the engine over the same events
 * and fails unless both made exactly the same offers.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RoutingDecisionBenchmark {
    /** Cycles run before measuring: three times the queue's size, so most callers present arrived meanwhile. */
    static final int SETTLE_CYCLES = 30_000;

    /** The world and driver of one side. */
    @State(Scope.Thread)
    public abstract static class Side {
        /**
         * Simulated milliseconds per cycle. 10 ms spreads the ~10,000 waiting callers over every relaxation step
         * (about 100 s of waiting each) and puts the announcement sweep in one cycle of 500.
         */
        @Param("10")
        public int clockStepMs;

        ScenarioDriver driver;

        @Setup(Level.Trial)
        public void open() {
            driver = openAndSettle();
        }

        abstract ScenarioDriver openAndSettle();
    }

    /** The real engine. */
    @State(Scope.Thread)
    public static class Hotline extends Side {
        @Override
        ScenarioDriver openAndSettle() {
            ScenarioDriver hotline = ScenarioDriver.hotline(WorldSize.BENCHMARK, RoutingWorld.config());
            hotline.open(clockStepMs);
            for (int i = 0; i < SETTLE_CYCLES; i++) {
                hotline.cycle(clockStepMs);
            }
            return hotline;
        }
    }

    /** The full-scan baseline, checked against the engine over the opening and the settling cycles. */
    @State(Scope.Thread)
    public static class Baseline extends Side {
        @Override
        ScenarioDriver openAndSettle() {
            ScenarioDriver engine = ScenarioDriver.hotline(WorldSize.BENCHMARK, RoutingWorld.config()).recordOffers();
            ScenarioDriver baseline = ScenarioDriver.baseline(WorldSize.BENCHMARK, RoutingWorld.config())
                    .recordOffers();
            engine.open(clockStepMs);
            baseline.open(clockStepMs);
            for (int i = 0; i < SETTLE_CYCLES; i++) {
                engine.cycle(clockStepMs);
                baseline.cycle(clockStepMs);
            }
            List<String> expected = engine.takeOfferLog();
            List<String> actual = baseline.takeOfferLog();
            if (!expected.equals(actual)) {
                throw new IllegalStateException("the baseline and the engine made different offers: "
                        + firstDifference(expected, actual));
            }
            return baseline;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ScenarioDriver.DECISIONS_PER_CYCLE)
    public long hotline(Hotline side) {
        return side.driver.cycle(side.clockStepMs);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ScenarioDriver.DECISIONS_PER_CYCLE)
    public long baseline(Baseline side) {
        return side.driver.cycle(side.clockStepMs);
    }

    /**
     * The engine, with the arrival half of the cycle and then the clock's step before each invocation, outside the
     * measurement. The step is delivered as a tick, so the timers it makes due (other callers' steps widening,
     * announcements) fire there too, as they do in the call decision's set-up before its measured arrival: each
     * sample is the one seat decision, not the decisions of the timers due at that moment.
     */
    @State(Scope.Thread)
    public static class HotlineBeforeSeatDecision extends Hotline {
        @Setup(Level.Invocation)
        public void arriveThenStep() {
            driver.arrive();
            driver.tick(clockStepMs);
        }
    }

    /** The engine, with the ending half of the cycle before each invocation, outside the measurement. */
    @State(Scope.Thread)
    public static class HotlineBeforeCallDecision extends Hotline {
        @Setup(Level.Invocation)
        public void stepThenEnd() {
            driver.advance(clockStepMs);
            driver.endOldestCall();
        }
    }

    /** The baseline, with the arrival half of the cycle and the clock's step (a tick) before each invocation. */
    @State(Scope.Thread)
    public static class BaselineBeforeSeatDecision extends Baseline {
        @Setup(Level.Invocation)
        public void arriveThenStep() {
            driver.arrive();
            driver.tick(clockStepMs);
        }
    }

    /** The baseline, with the ending half of the cycle before each invocation. */
    @State(Scope.Thread)
    public static class BaselineBeforeCallDecision extends Baseline {
        @Setup(Level.Invocation)
        public void stepThenEnd() {
            driver.advance(clockStepMs);
            driver.endOldestCall();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long hotlineSeatDecision(HotlineBeforeSeatDecision side) {
        side.driver.endOldestCall();
        return side.driver.commands();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long hotlineCallDecision(HotlineBeforeCallDecision side) {
        side.driver.arrive();
        return side.driver.commands();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long baselineSeatDecision(BaselineBeforeSeatDecision side) {
        side.driver.endOldestCall();
        return side.driver.commands();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long baselineCallDecision(BaselineBeforeCallDecision side) {
        side.driver.arrive();
        return side.driver.commands();
    }

    static String firstDifference(List<String> expected, List<String> actual) {
        int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "offer " + i + ": engine " + expected.get(i) + ", baseline " + actual.get(i);
            }
        }
        return "engine made " + expected.size() + " offers, baseline " + actual.size();
    }
}
