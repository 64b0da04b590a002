package io.hotline.benchmarks.routing;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.seat.SeatProfile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;

/**
 * Retained heap of the routing engine per seat and per waiting call at the benchmark's size (5,000 seats,
 * 200 skills, 10,000 waiting calls): used heap after repeated full GCs, before and after adding each. Seats
 * are measured logged in and ready (in the ready index, their largest footprint); then they go not ready so
 * that every call waits, and the calls are measured. Writes {@code target/routing-memory.txt}.
 * Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.hotline.benchmarks.routing.RoutingMemory}.
 */
public final class RoutingMemory {
    private static final Consumer<RoutingCommand> IGNORE = command -> { };

    private RoutingMemory() {
    }

    public static void main(String[] args) throws IOException {
        WorldSize size = WorldSize.BENCHMARK;
        RoutingWorld world = new RoutingWorld(size);
        List<SeatProfile> seats = world.seatProfiles();
        long empty = usedAfterGc();
        RoutingEngine engine = new RoutingEngine(RoutingWorld.config(), InstantSource.fixed(RoutingWorld.START));
        for (SeatProfile seat : seats) {
            engine.apply(new RoutingEvent.SeatConfigured(seat), IGNORE);
            engine.apply(new RoutingEvent.SeatLoggedIn(seat.seatId()), IGNORE);
        }
        long withSeats = usedAfterGc();
        for (SeatProfile seat : seats) {
            engine.apply(new RoutingEvent.SeatNotReady(seat.seatId(), "memory probe"), IGNORE);
        }
        long seatsAway = usedAfterGc();
        for (int i = 0; i < size.waitingCalls(); i++) {
            engine.apply(world.nextCall(), IGNORE);
        }
        long withCalls = usedAfterGc();
        int waiting = engine.snapshot().queues().values().stream().mapToInt(queue -> queue.waiting()).sum();
        String report = String.format("seats=%d skills=%d waiting=%d%n"
                        + "per seat (ready, indexed): %d bytes%nper waiting call: %d bytes%n"
                        + "engine total at size: %.1f MB%n",
                seats.size(), size.skills(), waiting, (withSeats - empty) / seats.size(),
                (withCalls - seatsAway) / Math.max(1, waiting), (withCalls - empty) / 1e6);
        Path out = Path.of("benchmarks", "target", "routing-memory.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        if (engine.eventsApplied() < 0) {
            throw new IllegalStateException("keeps the engine reachable until here");
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
