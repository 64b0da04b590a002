package io.hotline.benchmarks.persistence;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.spi.RoutingJournal;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The journal {@code DurableRoutingJournal} replaced, kept as the benchmark's peer: a single writer thread fed by a
 * bounded in-memory queue, one transaction per entry (look up the work order, update it, append the event), and
 * nothing on disk, so what the database does not take is lost. Thread-safe as its original was.
 */
final class PerEntryJournal implements RoutingJournal, AutoCloseable {
    private final Jdbi jdbi;
    private final String server;
    private final Instant at;
    private final ThreadPoolExecutor writer;
    private final AtomicLong pending = new AtomicLong();

    PerEntryJournal(Jdbi jdbi, String server, Instant at, int capacity) {
        this.jdbi = jdbi;
        this.server = server;
        this.at = at;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(capacity),
                runnable -> new Thread(runnable, "per-entry-journal"));
    }

    @Override
    public void recordDecision(RoutingCommand.RecordDecision decision) {
        submit(decision.callId(), (handle, id) -> event(handle, id, "SYSTEM", "routing", "ROUTING", null,
                decision.explanation()));
    }

    @Override
    public void callConnected(RoutingCommand.CallConnected connected) {
        submit(connected.callId(), (handle, id) -> {
            handle.createUpdate("UPDATE work_order SET state = 'IN_PROGRESS',"
                            + " owner_seat_id = (SELECT id FROM seat WHERE code = :seat),"
                            + " responded_at = COALESCE(responded_at, :at), updated_at = :at, version = version + 1"
                            + " WHERE id = :id AND state IN ('NEW', 'IN_PROGRESS')")
                    .bind("seat", connected.seatId()).bind("at", at).bind("id", id).execute();
            event(handle, id, "SEAT", connected.seatId(), "CONNECTED", "IN_PROGRESS",
                    "answered after " + connected.waited().toSeconds() + " s in queue");
        });
    }

    /** The benchmark hands the peer decisions and connections only (the comparison leaves abandons out). */
    @Override
    public void callAbandoned(RoutingCommand.CallAbandoned abandoned) {
        throw notCompared("callAbandoned");
    }

    /** The peer predates seat states: the benchmark hands it decisions and connections only. */
    @Override
    public void seatStateChanged(RoutingCommand.SeatStateChanged change) {
        throw new UnsupportedOperationException("the per-entry journal keeps no seat states");
    }

    /** The peer predates kept refusals: the benchmark hands it decisions and connections only. */
    @Override
    public void requestRejected(RoutingCommand.RequestRejected rejected) {
        throw new UnsupportedOperationException("the per-entry journal keeps no refusals");
    }

    // The benchmark compares the two journals on decisions and connections only; the call's record (joined,
    // offers, ends, hand-offs, escalations) came after the peer was retired and is not part of the comparison.

    @Override
    public void callJoined(RoutingCommand.CallJoined joined) {
        throw notCompared("callJoined");
    }

    @Override
    public void callOffered(RoutingCommand.OfferCall offer) {
        throw notCompared("callOffered");
    }

    @Override
    public void conversationEnded(RoutingCommand.ConversationEnded ended) {
        throw notCompared("conversationEnded");
    }

    @Override
    public void callHandedOff(RoutingCommand.CallHandedOff handedOff) {
        throw notCompared("callHandedOff");
    }

    @Override
    public void callEscalated(RoutingCommand.MoveToQueue move) {
        throw notCompared("callEscalated");
    }

    private static UnsupportedOperationException notCompared(String method) {
        return new UnsupportedOperationException("the benchmark's peer journal does not record " + method);
    }

    long backlog() {
        return pending.get();
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(60, TimeUnit.SECONDS);
    }

    private interface Write {
        void apply(Handle handle, long workOrderId);
    }

    private void submit(String callId, Write write) {
        pending.incrementAndGet();
        Consumer<Handle> inTransaction = handle -> handle.createQuery("SELECT id FROM work_order"
                        + " WHERE asterisk_server = :server AND call_linkedid = :call")
                .bind("server", server).bind("call", callId).mapTo(Long.class).findOne()
                .ifPresent(id -> write.apply(handle, id));
        writer.execute(() -> {
            try {
                jdbi.useTransaction(inTransaction::accept);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private void event(Handle handle, long workOrderId, String kind, String actor, String action, String toState,
                       String reason) {
        handle.createUpdate("INSERT INTO work_order_event (work_order_id, occurred_at, actor_kind, actor, action,"
                        + " to_state, reason) VALUES (:id, :at, :kind, :actor, :action, :toState, :reason)")
                .bind("id", workOrderId).bind("at", at).bind("kind", kind).bind("actor", actor).bind("action", action)
                .bind("toState", toState).bind("reason", reason).execute();
    }
}
