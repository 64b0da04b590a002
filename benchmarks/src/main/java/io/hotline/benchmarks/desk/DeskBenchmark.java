package io.hotline.benchmarks.desk;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.hours.OpeningHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service desk at the business's size: 100,000 open work orders with running clocks (10 % P1, 30 % P2, 60 %
 * P3; half on a contract counted in business hours, Asia/Shanghai 08:00-19:00, half 24x7; 70 % answered by a
 * seat, so their response clocks stopped). Measures, in one JVM:
 * <ol>
 *   <li>the retained heap per work order (used heap after repeated full GCs, before and after opening them);</li>
 *   <li>events per second: a seeded mix of seat actions (contacts, escalations, severity changes, waiting and
 *       resuming, reassignments, resolutions each followed by a new call, closures, call ends; illegal ones are
 *       refused, as in production), the clock moving 1 ms per event;</li>
 *   <li>warnings per second: the clock jumps a minute at a time over 60 hours with a tick each, so that every
 *       clock's warnings come due; the time of those ticks over the warnings they fired;</li>
 *   <li>the time of a snapshot (it visits every held work order);</li>
 *   <li>the time to restore the 100,000 from their stored form in memory ({@link ServiceDesk#stored()} to
 *       {@link ServiceDesk#restore}), three times.</li>
 * </ol>
 * Writes {@code benchmarks/target/desk-benchmark.txt}. Run:
 * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.hotline.benchmarks.desk.DeskBenchmark [workOrders]}.
 * <p>
 * Not thread-safe; a command-line tool.
 */
public final class DeskBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(DeskBenchmark.class);
    private static final Instant START = Instant.parse("2026-12-07T01:00:00Z");
    private static final int MIXED_EVENTS = 1_000_000;
    private static final Actor SEAT = Actor.seat("seat-1");
    /** The contract hours of the mix: STANDARD counted in Shanghai's 08:00-19:00, the rest 24x7. */
    static final DeskConfig CONFIG = DeskConfig.DEFAULT.withContractHours(Map.of("STANDARD",
            new BusinessHours(ZoneId.of("Asia/Shanghai"), Map.of(Tier.TIER1, OpeningHours.SEVEN_BY_ELEVEN),
                    Set.of())));

    /** Held here only, so that a compiled frame cannot keep it reachable past its step. */
    private static ServiceDesk desk;

    private DeskBenchmark() {
    }

    /** A clock the benchmark moves by hand. */
    private static final class SteppedClock implements InstantSource {
        long nowMs = START.toEpochMilli();

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMs);
        }

        @Override
        public long millis() {
            return nowMs;
        }
    }

    /** Counts what the desk emits. */
    private static final class Counts implements Consumer<DeskCommand> {
        long warnings;
        long refused;
        long other;

        @Override
        public void accept(DeskCommand command) {
            if (command instanceof DeskCommand.ClockWarning) {
                warnings++;
            } else if (command instanceof DeskCommand.Refused) {
                refused++;
            } else {
                other++;
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int workOrders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SteppedClock clock = new SteppedClock();
        SplittableRandom random = new SplittableRandom(7);
        Counts counts = new Counts();

        long empty = usedAfterGc();
        desk = new ServiceDesk(CONFIG, clock);
        long openStarted = System.nanoTime();
        for (int i = 0; i < workOrders; i++) {
            openCall(i, random, counts);
        }
        long openNanos = System.nanoTime() - openStarted;
        long full = usedAfterGc();
        long bytesPerWorkOrder = (full - empty) / workOrders;

        // Restore the 100,000 open ones; the last restored desk goes on (it behaves as the one that never stopped).
        StoredDesk stored = desk.stored();
        double[] restoreSeconds = new double[3];
        for (int round = 0; round < restoreSeconds.length; round++) {
            desk = null;
            usedAfterGc();
            long started = System.nanoTime();
            desk = ServiceDesk.restore(CONFIG, clock, stored);
            restoreSeconds[round] = (System.nanoTime() - started) / 1e9;
        }
        int restored = stored.workOrders().size();
        stored = null;

        long eventsStarted = System.nanoTime();
        long warningsBefore = counts.warnings;
        int calls = workOrders;
        for (int i = 0; i < MIXED_EVENTS; i++) {
            clock.nowMs++;
            calls = mixedEvent(random, counts, calls);
        }
        long eventsNanos = System.nanoTime() - eventsStarted;
        long mixedWarnings = counts.warnings - warningsBefore;

        long warningsStart = counts.warnings;
        long tickNanos = 0;
        for (int minute = 0; minute < 60 * 60; minute++) {
            clock.nowMs += 60_000;
            long started = System.nanoTime();
            desk.apply(new DeskEvent.Tick(), counts);
            tickNanos += System.nanoTime() - started;
        }
        long warnings = counts.warnings - warningsStart;

        // The loop takes a snapshot at the end of each batch: it visits every held work order.
        long snapshotStarted = System.nanoTime();
        int held = 0;
        for (int i = 0; i < 100; i++) {
            held = desk.snapshot().held();
        }
        double snapshotMs = (System.nanoTime() - snapshotStarted) / 1e6 / 100;

        String report = String.format("work orders opened: %d (in %.2f s), held at the end: %d (resolved and"
                        + " closed ones stay for their reopen window)%n"
                        + "retained heap: %.1f MB, %d bytes per work order%n"
                        + "mixed events: %d in %.2f s = %.0f events/s (%d refused, %d warnings fired meanwhile)%n"
                        + "warnings: %d fired by %d ticks in %.2f s = %.0f warnings/s%n"
                        + "snapshot of %d held work orders: %.2f ms%n"
                        + "restore of %d work orders from their stored form: %.2f s, %.2f s, %.2f s%n"
                        + "JDK %s, %d cores, max heap %d MB%n",
                workOrders, openNanos / 1e9, desk.snapshot().held(),
                (full - empty) / 1e6, bytesPerWorkOrder,
                MIXED_EVENTS, eventsNanos / 1e9, MIXED_EVENTS / (eventsNanos / 1e9), counts.refused, mixedWarnings,
                warnings, 60 * 60, tickNanos / 1e9, warnings / (tickNanos / 1e9),
                held, snapshotMs, restored, restoreSeconds[0], restoreSeconds[1], restoreSeconds[2],
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Path out = Path.of("benchmarks", "target", "desk-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LOG.info("Service desk at {} work orders:\n{}", workOrders, report);
    }

    /** Opens the work order of call {@code n}; 70 % are answered by a seat. */
    private static void openCall(int n, SplittableRandom random, Counts counts) {
        int roll = random.nextInt(10);
        Severity severity = roll == 0 ? Severity.P1 : roll < 4 ? Severity.P2 : Severity.P3;
        CallKey call = new CallKey("pbx1", "1765000000." + n);
        CustomerProblem problem = new CustomerProblem("+86139" + (10_000_000 + n), (long) n,
                n % 2 == 0 ? "STANDARD" : "PREMIUM", n % 3 == 0 ? "ERP" : "HR");
        desk.apply(new DeskEvent.CallArrived(call, problem, severity), counts);
        if (random.nextInt(10) < 7) {
            desk.apply(new DeskEvent.CallConnected(call, "seat-" + random.nextInt(100)), counts);
        }
    }

    /** One seat action on a random held work order; a resolution brings a new call, so the count holds. */
    private static int mixedEvent(SplittableRandom random, Counts counts, int calls) {
        long id = 1 + random.nextLong(desk.nextId() - 1);
        DeskEvent event = switch (random.nextInt(10)) {
            case 0, 1 -> new DeskEvent.CustomerContacted(id, SEAT, "phone");
            case 2 -> new DeskEvent.Escalated(id, SEAT, "needs the next tier");
            case 3 -> new DeskEvent.SeverityChanged(id, SEAT, Severity.values()[random.nextInt(3)], "reassessed");
            case 4 -> new DeskEvent.WaitingOnCustomer(id, SEAT, "log files asked");
            case 5 -> new DeskEvent.Resumed(id, SEAT, "log files received");
            case 6 -> new DeskEvent.OwnerReassigned(id, SEAT, "seat-" + random.nextInt(100), "shift change");
            case 7 -> new DeskEvent.Resolved(id, SEAT, "fixed");
            case 8 -> new DeskEvent.Closed(id, SEAT, "rated 5");
            default -> new DeskEvent.CallEnded(new CallKey("pbx1", "1765000000." + random.nextInt(calls)));
        };
        desk.apply(event, counts);
        if (event instanceof DeskEvent.Resolved) {
            openCall(calls, random, counts);
            return calls + 1;
        }
        return calls;
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
