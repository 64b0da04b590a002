package io.hotline.benchmarks.desk;

import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.outbox.JournalServiceDeskStore;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Fills the database the way Hotline does: a {@link ServiceDesk} restored from the (empty) store opens the work
 * orders of {@code workOrders} calls, and every command it emits is handed, in order, to the production store
 * ({@link JournalServiceDeskStore} over a {@link DurableRoutingJournal}). At the end of each batch of events the
 * fill waits until what it handed over is in the journal's log ({@link JournalServiceDeskStore#durable()}), as the
 * engine loop does; at the end, until the journal has written everything to the database.
 * <p>
 * The mix is {@link DeskBenchmark}'s (10 % P1, 30 % P2, 60 % P3; half on a STANDARD contract counted in business
 * hours, half 24x7; 70 % answered by a seat), and of the answered ones 20 % are escalated to tier 2, 10 % wait on
 * the customer (their resolution clock paused) and half have their call ended. The desk's clock moves
 * {@value #STEP_MS} ms per call, with a tick at the end of each batch: 100,000 calls span 33 minutes from 09:00 in
 * Shanghai, so the earliest unanswered P1 calls' response clocks fire their 50 %, 75 % and breach warnings, and
 * their fired masks are part of what is stored and loaded back.
 * <p>
 * Not thread-safe: one fill, on the thread that plays the service-desk thread.
 */
final class DatabaseDeskFill {
    /** 09:00 in Shanghai: inside the contract hours, so every clock runs from the start. */
    static final Instant START = Instant.parse("2026-12-07T01:00:00Z");
    private static final long STEP_MS = 20;
    private static final int BATCH = 250;
    private static final Actor SEAT = Actor.seat("seat-1");

    /**
     * What the fill left.
     *
     * @param workOrders      the desk's stored forms at the end, by id (what a load must give back)
     * @param nextId          the desk's next id at the end
     * @param commands        commands handed to the store (one journal entry each)
     * @param warnings        clock warnings among them
     * @param refused         refusals among them (the mix asks for nothing the desk should refuse: 0)
     * @param handOverSeconds from the first event until the last batch was in the journal's log
     * @param writtenSeconds  from the first event until the journal had written everything to the database
     * @param deskClock       where the desk's clock stood at the end (the restored desks start there)
     */
    record Filled(List<StoredWorkOrder> workOrders, long nextId, long commands, long warnings, long refused,
                  double handOverSeconds, double writtenSeconds, Instant deskClock) {
        Filled {
            workOrders = List.copyOf(workOrders);
        }
    }

    /** The stepped clock of the desk. Confined to the fill's thread. */
    private static final class SteppedClock implements InstantSource {
        private long nowMs = START.toEpochMilli();

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMs);
        }

        @Override
        public long millis() {
            return nowMs;
        }
    }

    /** Hands each command to the store, one line per kind, and counts them. */
    private static final class ToStore implements Consumer<DeskCommand> {
        private final JournalServiceDeskStore store;
        private long handed;
        private long warnings;
        private long refused;

        ToStore(JournalServiceDeskStore store) {
            this.store = store;
        }

        @Override
        public void accept(DeskCommand command) {
            handed++;
            if (command instanceof DeskCommand.WorkOrderOpened opened) {
                store.opened(opened);
            } else if (command instanceof DeskCommand.WorkOrderChanged changed) {
                store.changed(changed);
            } else if (command instanceof DeskCommand.ClockWarning warning) {
                warnings++;
                store.warningFired(warning);
            } else if (command instanceof DeskCommand.WorkOrderReleased released) {
                store.released(released);
            } else if (command instanceof DeskCommand.Refused refusal) {
                refused++;
                store.refused(refusal);
            }
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final SplittableRandom random = new SplittableRandom(7);
    private final long[] customerIds;
    private final ServiceDesk desk;
    private final ToStore ports;

    private DatabaseDeskFill(JournalServiceDeskStore store, long[] customerIds) {
        this.customerIds = customerIds.clone();
        this.ports = new ToStore(store);
        this.desk = ServiceDesk.restore(DeskBenchmark.CONFIG, clock, store.load());
    }

    /**
     * Opens {@code workOrders} calls' work orders through {@code store}, whose journal is {@code journal}.
     *
     * @param customerIds the customers the calls come from (rows of {@code customer}), one per call
     * @param deadline    {@link System#nanoTime()} by which the journal must have written everything
     * @throws IllegalStateException when the journal drops, rejects or does not finish an entry in time
     */
    static Filled fill(DurableRoutingJournal journal, JournalServiceDeskStore store, int workOrders,
                       long[] customerIds, long deadline) throws InterruptedException {
        if (customerIds.length < workOrders) {
            throw new IllegalArgumentException(workOrders + " calls need as many customers, not "
                    + customerIds.length);
        }
        DatabaseDeskFill fill = new DatabaseDeskFill(store, customerIds);
        long started = System.nanoTime();
        for (int first = 0; first < workOrders; first += BATCH) {
            for (int n = first; n < Math.min(workOrders, first + BATCH); n++) {
                fill.call(n);
            }
            fill.desk.apply(new DeskEvent.Tick(), fill.ports);
            awaitLogged(store, deadline);
        }
        long handedOver = System.nanoTime();
        while (journal.backlog() > 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the journal did not write the fill within the deadline: "
                        + journal.backlog() + " entries left");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long written = System.nanoTime();
        if (journal.dropped() != 0 || journal.rejected() != 0) {
            throw new IllegalStateException("the journal dropped " + journal.dropped() + " and the database"
                    + " rejected " + journal.rejected() + " entries of the fill");
        }
        return new Filled(fill.desk.workOrders(), fill.desk.nextId(), fill.ports.handed, fill.ports.warnings,
                fill.ports.refused, (handedOver - started) / 1e9, (written - started) / 1e9, fill.clock.instant());
    }

    /** The engine loop's end of batch: what the desk handed over is on disk before it goes on. */
    private static void awaitLogged(JournalServiceDeskStore store, long deadline) throws InterruptedException {
        long left = Math.max(1, deadline - System.nanoTime());
        try {
            store.durable().toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the journal could not take the fill's entries: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the journal did not log a batch of the fill within the deadline ("
                    + Duration.ofNanos(left).toSeconds() + " s left)", e);
        }
    }

    /** Call {@code n} arrives and opens its work order; 70 % are answered, then some go on up or wait. */
    private void call(int n) {
        clock.nowMs += STEP_MS;
        int roll = random.nextInt(10);
        Severity severity = roll == 0 ? Severity.P1 : roll < 4 ? Severity.P2 : Severity.P3;
        CallKey call = new CallKey("pbx1", "1765000000." + n);
        CustomerProblem problem = new CustomerProblem("+86139" + (10_000_000 + n), customerIds[n],
                n % 2 == 0 ? "STANDARD" : "PREMIUM", n % 3 == 0 ? "ERP" : "HR");
        desk.apply(new DeskEvent.CallArrived(call, problem, severity), ports);
        if (random.nextInt(10) >= 7) {
            return;
        }
        desk.apply(new DeskEvent.CallConnected(call, "seat-" + random.nextInt(100)), ports);
        long id = desk.workOrderOf(call).orElseThrow().id();
        int next = random.nextInt(10);
        if (next < 2) {
            desk.apply(new DeskEvent.Escalated(id, SEAT, "needs tier 2: the ledger will not close"), ports);
        } else if (next == 2) {
            desk.apply(new DeskEvent.WaitingOnCustomer(id, SEAT, "log files asked"), ports);
        }
        if (random.nextBoolean()) {
            desk.apply(new DeskEvent.CallEnded(call), ports);
        }
    }
}
