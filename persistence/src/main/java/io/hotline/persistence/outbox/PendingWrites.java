package io.hotline.persistence.outbox;

import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The statements a batch of journal entries ({@link JournalWrites}) has waiting to go as JDBC batches: state
 * changes first, then their events, in the order of entry by entry. Flushed before anything written at once, so
 * the trail keeps the entries' order. The statements write what they are given: which state a work order moves to
 * is decided before, by the desk (or, for a log an earlier version left, by routing's rules then). One per batch;
 * confined to the journal's database thread.
 */
final class PendingWrites {
    /**
     * The call's seat takes the work order over; {@code :to} is what routing's rule gave for {@code :from}. Its
     * response clock stops, as the migration to the service desk stores a responded work order.
     */
    private static final String CONNECT = "UPDATE work_order SET state = :to,"
            + " owner_seat_id = (SELECT id FROM seat WHERE code = :seat), owner_seat_code = :seat,"
            + " responded_at = COALESCE(responded_at, :at), contacts = GREATEST(contacts, 1),"
            + " response_counted_ms = GREATEST(0, TIMESTAMPDIFF(MICROSECOND, created_at, responded_at) DIV 1000),"
            + " response_running_since = NULL, response_stopped = TRUE,"
            + " updated_at = :at, version = version + 1 WHERE id = :id AND state = :from";
    /**
     * The work order ends without work; {@code :to} is what routing's rule gave for {@code :from}. Over, with
     * nothing for the desk to do: released, as the migration to the service desk stores a cancelled work order.
     */
    private static final String CANCEL = "UPDATE work_order SET state = :to, closed_at = :at,"
            + " response_running_since = NULL, response_stopped = TRUE, resolution_running_since = NULL,"
            + " resolution_stopped = TRUE, released_at = :at,"
            + " updated_at = :at, version = version + 1 WHERE id = :id AND state = :from";

    /** The product line routing used, kept once (a product set by a person is not overwritten). */
    private static final String PRODUCT = "UPDATE work_order SET product_skill_id = (SELECT id FROM skill"
            + " WHERE code = :product), product_line = :product WHERE id = :id AND product_skill_id IS NULL";
    private static final String TIER = "UPDATE work_order SET tier = :tier, updated_at = :at, version = version + 1"
            + " WHERE id = :id";
    /**
     * A seat's last state. {@code since} moves only when the state or the reason changes (a restored seat keeps
     * it); an entry older than what the row has (a replay) changes nothing. Column order matters: MariaDB and
     * MySQL assign left to right, so {@code since} and {@code updated_at} are compared before they change.
     */
    private static final String SEAT_STATE = "INSERT INTO seat_state (seat_id, state, reason, since, updated_at)"
            + " SELECT id, :state, :reason, :at, :at FROM seat WHERE code = :seat"
            + " ON DUPLICATE KEY UPDATE"
            + " since = IF(updated_at > :at OR (state = :state AND reason <=> :reason), since, :at),"
            + " reason = IF(updated_at > :at, reason, :reason),"
            + " state = IF(updated_at > :at, state, :state),"
            + " updated_at = GREATEST(updated_at, :at)";
    /** A routing entry about a call whose work order is not in the database yet, kept for when it is. */
    private static final String PARK = "INSERT INTO journal_parked_entry (asterisk_server, linkedid, journal_seq, line,"
            + " parked_at) VALUES (:server, :call, :seq, :line, :at)";
    /** A refusal; a replayed entry (same journal number, time and subject) is ignored. */
    private static final String REFUSAL = "INSERT IGNORE INTO routing_refusal"
            + " (subject, request, reason, refused_at, journal_seq) VALUES (:subject, :request, :reason, :at, :seq)";

    final Handle handle;
    final List<WorkOrderEventRow> events = new ArrayList<>();
    PreparedBatch connects;
    PreparedBatch cancels;
    PreparedBatch products;
    PreparedBatch tiers;
    PreparedBatch seatStates;
    PreparedBatch refusals;
    PreparedBatch parked;
    PreparedBatch deskUpdates;
    PreparedBatch responseFired;
    PreparedBatch resolutionFired;
    PreparedBatch releases;
    PreparedBatch audits;
    PreparedBatch deskRefusals;
    PreparedBatch notifications;

    PendingWrites(Handle handle) {
        this.handle = handle;
        reset();
    }

    /**
     * Executes what waits, in the order above, then the desk's: stored forms, warnings fired (a mask that only
     * grows, so their order against the stored forms does not matter), releases, audit events, refusals,
     * notifications; and starts empty batches.
     */
    void flush() {
        for (PreparedBatch batch : List.of(connects, cancels, products, tiers)) {
            execute(batch);
        }
        if (!events.isEmpty()) {
            handle.attach(WorkOrderEventDao.class).appendAll(events);
        }
        for (PreparedBatch batch : List.of(seatStates, refusals, parked, deskUpdates, responseFired, resolutionFired,
                releases, audits, deskRefusals, notifications)) {
            execute(batch);
        }
        reset();
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private void reset() {
        connects = handle.prepareBatch(CONNECT);
        cancels = handle.prepareBatch(CANCEL);
        products = handle.prepareBatch(PRODUCT);
        tiers = handle.prepareBatch(TIER);
        seatStates = handle.prepareBatch(SEAT_STATE);
        refusals = handle.prepareBatch(REFUSAL);
        parked = handle.prepareBatch(PARK);
        deskUpdates = handle.prepareBatch(DeskWrites.UPDATE);
        responseFired = handle.prepareBatch(DeskWrites.RESPONSE_FIRED);
        resolutionFired = handle.prepareBatch(DeskWrites.RESOLUTION_FIRED);
        releases = handle.prepareBatch(DeskWrites.RELEASE);
        audits = handle.prepareBatch(DeskWrites.AUDIT);
        deskRefusals = handle.prepareBatch(DeskWrites.REFUSAL);
        notifications = handle.prepareBatch(DeskWrites.NOTIFICATION);
        events.clear();
    }
}
