package io.hotline.persistence.calls;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.spi.RoutingJournal;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what routing did to the call's work order: each decision's explanation, the connection to a seat
 * (state IN_PROGRESS, owner seat, first response) and an abandon (the audit event, and CANCELLED when no seat
 * ever took the call). The routing thread only enqueues: one {@code journal-writer} thread writes in order, from
 * a bounded queue; when it is full the entry is dropped and counted rather than blocking routing.
 * Thread-safe.
 */
public final class JdbiRoutingJournal implements RoutingJournal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiRoutingJournal.class);
    private static final int MAX_REASON = 1000;

    private final Jdbi jdbi;
    private final String asteriskServer;
    private final InstantSource clock;
    private final ThreadPoolExecutor writer;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public JdbiRoutingJournal(Jdbi jdbi, String asteriskServer, InstantSource clock, int capacity) {
        this.jdbi = jdbi;
        this.asteriskServer = asteriskServer;
        this.clock = clock;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(capacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "journal-writer");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void recordDecision(RoutingCommand.RecordDecision decision) {
        submit(decision.callId(), handle -> workOrderOf(handle, decision.callId()).ifPresent(id ->
                append(handle, id, ActorKind.SYSTEM, "routing", "ROUTING", null, decision.explanation())));
    }

    @Override
    public void callConnected(RoutingCommand.CallConnected connected) {
        submit(connected.callId(), handle -> workOrderOf(handle, connected.callId()).ifPresent(id -> {
            handle.createUpdate("UPDATE work_order SET state = 'IN_PROGRESS',"
                            + " owner_seat_id = (SELECT id FROM seat WHERE code = :seat),"
                            + " responded_at = COALESCE(responded_at, :at), updated_at = :at, version = version + 1"
                            + " WHERE id = :id AND state IN ('NEW', 'IN_PROGRESS')")
                    .bind("seat", connected.seatId()).bind("at", clock.instant()).bind("id", id).execute();
            append(handle, id, ActorKind.SEAT, connected.seatId(), "CONNECTED", WorkOrderState.IN_PROGRESS,
                    "answered after " + connected.waited().toSeconds() + " s in queue");
        }));
    }

    @Override
    public void callAbandoned(RoutingCommand.CallAbandoned abandoned) {
        submit(abandoned.callId(), handle -> workOrderOf(handle, abandoned.callId()).ifPresent(id -> {
            int cancelled = handle.createUpdate("UPDATE work_order SET state = 'CANCELLED', closed_at = :at,"
                            + " updated_at = :at, version = version + 1 WHERE id = :id AND state = 'NEW'")
                    .bind("at", clock.instant()).bind("id", id).execute();
            append(handle, id, ActorKind.CUSTOMER, "caller", "ABANDONED",
                    cancelled > 0 ? WorkOrderState.CANCELLED : null,
                    "left queue " + abandoned.queue() + " after " + abandoned.waited().toSeconds() + " s");
        }));
    }

    private Optional<Long> workOrderOf(Handle handle, String callId) {
        return handle.createQuery("SELECT id FROM work_order WHERE asterisk_server = :server AND call_linkedid = :call")
                .bind("server", asteriskServer).bind("call", callId).mapTo(Long.class).findOne();
    }

    private void append(Handle handle, long workOrderId, ActorKind kind, String actor, String action,
                        WorkOrderState toState, String reason) {
        String text = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        handle.attach(WorkOrderEventDao.class).append(new WorkOrderEventRow(0, workOrderId, clock.instant(), kind,
                actor, action, null, toState, null, null, text));
    }

    private void submit(String callId, java.util.function.Consumer<Handle> write) {
        try {
            writer.execute(() -> {
                try {
                    jdbi.useTransaction(write::accept);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.warn("Journal write for call {} failed: {}", callId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
            LOG.warn("Journal backlog full: entry for call {} dropped", callId);
        }
    }

    /** Entries waiting to be written. */
    public int backlog() {
        return writer.getQueue().size();
    }

    /** Entries dropped because the backlog was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Entries whose write failed, since start. */
    public long failed() {
        return failed.get();
    }

    /** Writes what is queued (up to 5 s), then stops the writer thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Journal writer did not finish within 5 s; {} entries not written", writer.getQueue().size());
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
        }
    }
}
