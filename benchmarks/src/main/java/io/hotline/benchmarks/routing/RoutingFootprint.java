package io.hotline.benchmarks.routing;

import io.hotline.routing.engine.CallPriority;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.seat.SeatProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retained heap per seat and per waiting call, for the engine and for the baseline, at the benchmark's size.
 * <p>
 * Method: the heap in use after full collections (repeated until it settles), read before and after adding
 * 5,000 seats (configured, then logged in and filed in the ready index), and before and after 10,000 callers
 * arrive while no seat is logged in, so all of them wait. Events are built during the step and dropped, so what
 * is counted is what the router keeps: its records, ids, indexes and timers. Each step is repeated in fresh
 * routers; the median is logged. Run it alone (no other load on the heap):
 * {@code java -cp benchmarks/target/benchmarks.jar io.hotline.benchmarks.routing.RoutingFootprint [rounds]}.
 * <p>
 * Not thread-safe; a command-line tool.
 */
public final class RoutingFootprint {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingFootprint.class);
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Consumer<RoutingCommand> DROP = command -> { };
    /*
     * What is being measured is held here and nowhere else, and dropped by hand after each step: a local
     * variable could stay reachable from a compiled frame into the next step's readings.
     */
    private static RoutingWorld world;
    private static Router router;

    private RoutingFootprint() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        WorldSize size = WorldSize.BENCHMARK;
        measure("hotline", size, rounds, (config, clock) -> new RoutingEngine(config, clock)::apply);
        measure("baseline", size, rounds, NaiveRouter::new);
    }

    private static void measure(String name, WorldSize size, int rounds,
                                BiFunction<RoutingConfig, SteppedClock, Router> routers) {
        double[] configured = new double[rounds];
        double[] ready = new double[rounds];
        double[] waiting = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long[] seats = seatBytes(size, routers);
            configured[round] = (double) seats[0] / size.seats();
            ready[round] = (double) seats[1] / size.seats();
            waiting[round] = (double) waitingCallBytes(size, routers) / size.waitingCalls();
        }
        LOG.info("{}: {} bytes per seat configured, {} per seat logged in and ready, {} per waiting call "
                        + "(median of {} rounds; all rounds: {} / {} / {})", name, median(configured), median(ready),
                median(waiting), rounds, Arrays.toString(round(configured)), Arrays.toString(round(ready)),
                Arrays.toString(round(waiting)));
    }

    /** Bytes kept for the world's seats: configured (logged out), and logged in, ready, filed in the index. */
    private static long[] seatBytes(WorldSize size, BiFunction<RoutingConfig, SteppedClock, Router> routers) {
        world = new RoutingWorld(size);
        long empty = usedAfterGc();
        router = routers.apply(RoutingWorld.config(), new SteppedClock(RoutingWorld.START));
        configure(world.seatProfiles(), false);
        long configured = usedAfterGc();
        configure(world.seatProfiles(), true);
        // A caller nobody can serve makes the engine search, so every ready seat is filed in its buckets.
        router.apply(new RoutingEvent.CallArrived("nobody", RoutingConfig.SUPPORT,
                List.of(new SkillRequirement("NO-SUCH-SKILL", 1)), CallPriority.NORMAL, null, null), DROP);
        long ready = usedAfterGc();
        router = null;
        world = null;
        return new long[] {configured - empty, ready - empty};
    }

    /** Bytes kept for the world's waiting callers, arriving while every seat is logged out. */
    private static long waitingCallBytes(WorldSize size, BiFunction<RoutingConfig, SteppedClock, Router> routers) {
        world = new RoutingWorld(size);
        router = routers.apply(RoutingWorld.config(), new SteppedClock(RoutingWorld.START));
        configure(world.seatProfiles(), false);
        long before = usedAfterGc();
        for (int i = 0; i < size.waitingCalls(); i++) {
            router.apply(world.nextCall(), DROP);
        }
        long after = usedAfterGc();
        router = null;
        world = null;
        return after - before;
    }

    private static void configure(List<SeatProfile> seats, boolean logIn) {
        for (SeatProfile seat : seats) {
            router.apply(logIn ? new RoutingEvent.SeatLoggedIn(seat.seatId()) : new RoutingEvent.SeatConfigured(seat),
                    DROP);
        }
    }

    /** Heap in use after full collections, once two readings in a row agree within 1 KiB (at most 20). */
    private static long usedAfterGc() {
        long previous = -1;
        for (int i = 0; i < 20; i++) {
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) < 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    private static long median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Math.round(sorted[sorted.length / 2]);
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
