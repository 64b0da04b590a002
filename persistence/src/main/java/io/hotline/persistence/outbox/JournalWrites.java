package io.hotline.persistence.outbox;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What each journal entry changes on its call's work order, and the checkpoint, inside the caller's transaction.
 * An entry for a call without a work order changes nothing. The times written are the entry's, not the moment it
 * is applied, so a trail written after an outage still says when things happened. Stateless.
 */
final class JournalWrites {
    private static final int MAX_REASON = 1000;

    private final String asteriskServer;

    JournalWrites(String asteriskServer) {
        this.asteriskServer = asteriskServer;
    }

    /** Applies {@code entry}; false when its call has no work order (nothing written). */
    boolean apply(Handle handle, JournalEntry entry) {
        Optional<Long> workOrder = workOrderOf(handle, entry.callId());
        if (workOrder.isEmpty()) {
            return false;
        }
        long id = workOrder.get();
        Instant at = entry.occurredAt();
        switch (entry.kind()) {
            case DECISION -> append(handle, id, at, ActorKind.SYSTEM, "routing", "ROUTING", null, entry.text());
            case CONNECTED -> {
                handle.createUpdate("UPDATE work_order SET state = 'IN_PROGRESS',"
                                + " owner_seat_id = (SELECT id FROM seat WHERE code = :seat),"
                                + " responded_at = COALESCE(responded_at, :at), updated_at = :at,"
                                + " version = version + 1 WHERE id = :id AND state IN ('NEW', 'IN_PROGRESS')")
                        .bind("seat", entry.subject()).bind("at", at).bind("id", id).execute();
                append(handle, id, at, ActorKind.SEAT, entry.subject(), "CONNECTED", WorkOrderState.IN_PROGRESS,
                        "answered after " + entry.waitedMs() / 1000 + " s in queue");
            }
            case ABANDONED -> {
                int cancelled = handle.createUpdate("UPDATE work_order SET state = 'CANCELLED', closed_at = :at,"
                                + " updated_at = :at, version = version + 1 WHERE id = :id AND state = 'NEW'")
                        .bind("at", at).bind("id", id).execute();
                append(handle, id, at, ActorKind.CUSTOMER, "caller", "ABANDONED",
                        cancelled > 0 ? WorkOrderState.CANCELLED : null,
                        "left queue " + entry.subject() + " after " + entry.waitedMs() / 1000 + " s");
            }
            default -> throw new IllegalStateException("unhandled journal entry " + entry.kind());
        }
        return true;
    }

    /** Moves the checkpoint of journal {@code name} to {@code sequence}. */
    static void checkpoint(Handle handle, String name, long sequence, Instant at) {
        // ON DUPLICATE KEY UPDATE with bound values (not VALUES() or an alias) parses on MySQL 8 and MariaDB alike.
        handle.createUpdate("INSERT INTO routing_journal_checkpoint (journal, applied_seq, updated_at)"
                        + " VALUES (:journal, :seq, :at) ON DUPLICATE KEY UPDATE applied_seq = :seq, updated_at = :at")
                .bind("journal", name).bind("seq", sequence).bind("at", at).execute();
    }

    /** The checkpoint of journal {@code name}: the last entry number applied, 0 when none ever was. */
    static long checkpointOf(Handle handle, String name) {
        return handle.createQuery("SELECT applied_seq FROM routing_journal_checkpoint WHERE journal = :journal")
                .bind("journal", name).mapTo(Long.class).findOne().orElse(0L);
    }

    private Optional<Long> workOrderOf(Handle handle, String callId) {
        return handle.createQuery("SELECT id FROM work_order WHERE asterisk_server = :server AND call_linkedid = :call")
                .bind("server", asteriskServer).bind("call", callId).mapTo(Long.class).findOne();
    }

    private static void append(Handle handle, long workOrderId, Instant at, ActorKind kind, String actor,
                               String action, WorkOrderState toState, String reason) {
        String text = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        handle.attach(WorkOrderEventDao.class).append(new WorkOrderEventRow(0, workOrderId, at, kind, actor, action,
                null, toState, null, null, text));
    }
}
