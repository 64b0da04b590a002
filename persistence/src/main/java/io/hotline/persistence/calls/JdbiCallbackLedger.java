package io.hotline.persistence.calls;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.CallbackDao;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.callback.DueCallback;
import io.hotline.routing.spi.CallbackLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link CallbackLedger} on {@code callback_request} (V9's columns). A claim is a guarded update per callback, so two
 * Hotline instances never route the same callback twice; each attempt's end is written with its trail event on the
 * work order in one transaction. Writes what it is told: the retry rule is the caller's
 * ({@link io.hotline.routing.callback.CallbackPolicy}). Thread-safe; blocks on JDBC.
 */
public final class JdbiCallbackLedger implements CallbackLedger {
    private static final String OPEN = "SELECT c.id, c.work_order_id, c.phone_number, c.requested_at, c.due_at,"
            + " c.attempts, c.state, c.last_outcome, c.last_seat_id FROM callback_request c";
    private final Jdbi jdbi;

    public JdbiCallbackLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int releaseDialling() {
        return jdbi.withHandle(handle -> handle.createUpdate(
                "UPDATE callback_request SET state = 'PENDING' WHERE state = 'DIALLING'").execute());
    }

    @Override
    public List<DueCallback> claimDue(Instant now, int limit) {
        return jdbi.withHandle(handle -> {
            List<DueCallback> due = handle.createQuery("SELECT c.id, c.work_order_id, c.queue, c.phone_number,"
                            + " COALESCE(c.place_at, w.created_at) AS place, c.attempts FROM callback_request c"
                            + " JOIN work_order w ON w.id = c.work_order_id"
                            + " WHERE c.state = 'PENDING' AND c.due_at <= :now ORDER BY c.due_at, c.id LIMIT :limit")
                    .bind("now", now).bind("limit", limit)
                    .map((rs, ctx) -> new DueCallback(rs.getLong("id"), rs.getLong("work_order_id"),
                            rs.getString("queue"), rs.getString("phone_number"),
                            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "place", ctx),
                            rs.getInt("attempts") + 1))
                    .list();
            List<DueCallback> claimed = new ArrayList<>(due.size());
            for (DueCallback callback : due) {
                // Claimed without counting: the attempt counts once it ends (recordAttempt).
                if (handle.createUpdate("UPDATE callback_request SET state = 'DIALLING'"
                        + " WHERE id = :id AND state = 'PENDING'").bind("id", callback.callbackId()).execute() == 1) {
                    claimed.add(callback);
                }
            }
            return claimed;
        });
    }

    @Override
    public void release(long callbackId) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE callback_request SET state = 'PENDING'"
                + " WHERE id = :id AND state = 'DIALLING'").bind("id", callbackId).execute());
    }

    @Override
    public void recordAttempt(long callbackId, int attempt, CallbackOutcome outcome, String seatId, Instant at,
                              Instant retryAt) {
        jdbi.useTransaction(handle -> {
            Long workOrderId = handle.createQuery("SELECT work_order_id FROM callback_request WHERE id = :id")
                    .bind("id", callbackId).mapTo(Long.class).findOne().orElse(null);
            if (workOrderId == null) {
                return;
            }
            handle.createUpdate("UPDATE callback_request SET attempts = :attempt, last_outcome = :outcome,"
                            + " last_seat_id = :seat, last_attempt_at = :at, state = :state,"
                            + " due_at = COALESCE(:retryAt, due_at), completed_at = :completedAt WHERE id = :id")
                    .bind("attempt", attempt).bind("outcome", outcome.name()).bind("seat", seatId).bind("at", at)
                    .bind("state", retryAt != null ? "PENDING" : outcome.name()).bind("retryAt", retryAt)
                    .bind("completedAt", retryAt != null ? null : at).bind("id", callbackId).execute();
            trail(handle, workOrderId, at, seatId, "CALLBACK_" + outcome.name(), "callback attempt " + attempt
                    + ": " + outcome.name().toLowerCase().replace('_', ' ')
                    + (retryAt != null ? "; next attempt due " + retryAt : ""));
        });
    }

    @Override
    public long schedule(long workOrderId, String number, String seatId, Instant requestedAt, Instant dueAt) {
        return jdbi.inTransaction(handle -> {
            if (!WorkOrders.exists(handle, workOrderId)) {
                return -1L;
            }
            long id = handle.attach(CallbackDao.class).request(workOrderId, number, requestedAt, dueAt);
            // An appointment: routed at its own time, not at the original call's place.
            handle.createUpdate("UPDATE callback_request SET place_at = :dueAt WHERE id = :id")
                    .bind("dueAt", dueAt).bind("id", id).execute();
            trail(handle, workOrderId, requestedAt, seatId, "CALLBACK_REQUESTED", "callback scheduled by "
                    + (seatId == null ? "a seat" : seatId) + ", due " + dueAt);
            return id;
        });
    }

    @Override
    public List<OpenCallback> open(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(OPEN + " WHERE c.state IN ('PENDING', 'DIALLING')"
                        + " ORDER BY c.due_at, c.id LIMIT :limit").bind("limit", limit)
                .map((rs, ctx) -> {
                    var instants = ctx.findColumnMapperFor(Instant.class).orElseThrow();
                    String last = rs.getString("last_outcome");
                    return new OpenCallback(rs.getLong("id"), rs.getLong("work_order_id"),
                            rs.getString("phone_number"), instants.map(rs, "requested_at", ctx),
                            instants.map(rs, "due_at", ctx), rs.getInt("attempts"), rs.getString("state"),
                            last == null ? null : CallbackOutcome.valueOf(last), rs.getString("last_seat_id"));
                }).list());
    }

    private static void trail(Handle handle, long workOrderId, Instant at, String seatId, String action,
                              String reason) {
        handle.attach(WorkOrderEventDao.class).append(new WorkOrderEventRow(0, workOrderId, at,
                seatId == null ? ActorKind.SYSTEM : ActorKind.SEAT, seatId == null ? "system" : seatId, action,
                null, null, null, null, reason));
    }
}
