package io.hotline.persistence.outbox;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.persistence.calls.JdbiCallbackStore;
import io.hotline.persistence.calls.JdbiSurveyStore;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.engine.Handoff;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * What journal entries change on their calls' work orders, and the checkpoint, inside the caller's transaction,
 * in a few round trips per batch rather than a few per entry: the batch's work orders are read and locked with one
 * query, the entries are played in order against their states in memory (so a connection then an abandon of one
 * call in one batch come out as they would one by one), then the state changes go as one JDBC batch and the
 * events as one multi-row insert. An entry for a call without a work order changes nothing. The times written are
 * the entries', not the moment they are applied, so a trail written after an outage still says when things
 * happened. A work order whose opening was deferred ({@link JournalEntry.Kind#OPENED}) is opened at its place in
 * the batch, before the entries that follow it; callbacks and survey scores recorded meanwhile
 * ({@link JournalEntry.Kind#CALLBACK}, {@link JournalEntry.Kind#SURVEYED}) are written by their stores' own
 * statements, after what the batch has pending. Seat states and refusals ({@link JournalEntry.Kind#SEAT_STATE},
 * {@link JournalEntry.Kind#REFUSED}) concern no work order: they go to {@code seat_state} and
 * {@code routing_refusal} as batches of their own; replaying them changes nothing. Stateless.
 */
final class JournalWrites {
    private static final int MAX_REASON = 1000;
    private static final String CONNECT = "UPDATE work_order SET state = 'IN_PROGRESS',"
            + " owner_seat_id = (SELECT id FROM seat WHERE code = :seat), responded_at = COALESCE(responded_at, :at),"
            + " updated_at = :at, version = version + 1 WHERE id = :id AND state IN ('NEW', 'IN_PROGRESS')";
    private static final String CANCEL = "UPDATE work_order SET state = 'CANCELLED', closed_at = :at,"
            + " updated_at = :at, version = version + 1 WHERE id = :id AND state = 'NEW'";

    /** The product line routing used, kept once (a product set by a person is not overwritten). */
    private static final String PRODUCT = "UPDATE work_order SET product_skill_id = (SELECT id FROM skill"
            + " WHERE code = :product) WHERE id = :id AND product_skill_id IS NULL";
    private static final String TIER = "UPDATE work_order SET tier = :tier, updated_at = :at, version = version + 1"
            + " WHERE id = :id";
    private static final int MAX_REFUSAL = 255;
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
    /** A refusal; a replayed entry (same journal number, time and subject) is ignored. */
    private static final String REFUSAL = "INSERT IGNORE INTO routing_refusal"
            + " (subject, request, reason, refused_at, journal_seq) VALUES (:subject, :request, :reason, :at, :seq)";

    private final String asteriskServer;
    private final JdbiWorkOrderStore workOrders;

    JournalWrites(String asteriskServer, JdbiWorkOrderStore workOrders) {
        this.asteriskServer = asteriskServer;
        this.workOrders = workOrders;
    }

    /** Applies {@code entries} in order; returns how many had a work order (the others changed nothing). */
    int applyAll(Handle handle, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        Map<String, WorkOrder> byCall = lockWorkOrders(handle, entries);
        CallRecordWrites calls = CallRecordWrites.lock(handle, asteriskServer, entries);
        Pending pending = new Pending(handle);
        int applied = 0;
        for (JournalEntry entry : entries) {
            if (!entry.kind().concernsWorkOrder()) {
                pending.seatFact(entry);
                continue;
            }
            WorkOrder workOrder = byCall.get(entry.callId());
            boolean recorded = calls.apply(entry);
            if (entry.kind() == JournalEntry.Kind.RESTARTED) {
                pending.flush();
                reconcile(handle, calls.closeOpenCalls(entry.occurredAt(), entry.sequence()), entry.occurredAt());
                applied++;
            } else if (entry.kind() == JournalEntry.Kind.BYPASSED) {
                // Its own row (one per channel) and event, written at once after what is batched.
                pending.flush();
                calls.flush();
                JdbiWorkOrderStore.recordFallbackIn(handle, bypassed(entry));
                applied++;
            } else if (entry.kind() == JournalEntry.Kind.OPENED) {
                if (workOrder == null) {
                    // At once, with its CREATED event: the entries after it in this batch find it.
                    pending.flush();
                    long id = workOrders.openIfAbsent(handle, openRequest(entry));
                    byCall.put(entry.callId(), new WorkOrder(id, entry.callId(), "NEW"));
                }
                applied++;
            } else if (workOrder != null) {
                applied++;
                apply(entry, workOrder, pending);
            } else if (recorded) {
                applied++;
            }
        }
        pending.flush();
        calls.flush();
        return applied;
    }

    private FallbackHandoff bypassed(JournalEntry entry) {
        String[] fields = entry.text().split("\n", -1);
        return new FallbackHandoff(asteriskServer, entry.callId(), entry.subject(),
                fields[0].isEmpty() ? null : fields[0], fields[1].isEmpty() ? null : fields[1], fields[2],
                entry.occurredAt());
    }

    /** The trail of each work order whose call Hotline closed at start ({@code closed}: call id, answered). */
    private void reconcile(Handle handle, Map<String, Boolean> closed, Instant at) {
        if (closed.isEmpty()) {
            return;
        }
        List<WorkOrderEventRow> events = new ArrayList<>();
        handle.createQuery("SELECT id, call_linkedid FROM work_order WHERE asterisk_server = :server"
                        + " AND call_linkedid IN (<calls>)")
                .bind("server", asteriskServer).bindList("calls", new ArrayList<>(closed.keySet()))
                .map((row, context) -> event(row.getLong("id"), at, ActorKind.SYSTEM, "hotline", "RECONCILED", null,
                        closed.get(row.getString("call_linkedid"))
                                ? "Hotline restarted during the conversation; its end and talk time are not known"
                                : "Hotline restarted while the call was open; handed to the fallback queue by the"
                                + " dialplan"))
                .forEach(events::add);
        if (!events.isEmpty()) {
            handle.attach(WorkOrderEventDao.class).appendAll(events);
        }
    }

    /** One entry on its work order: batched, or (callback, survey) written at once after what is batched. */
    private static void apply(JournalEntry entry, WorkOrder workOrder, Pending pending) {
        switch (entry.kind()) {
            case CALLBACK -> {
                pending.flush();
                JdbiCallbackStore.recordIn(pending.handle, workOrder.id, entry.subject(), entry.occurredAt(),
                        Instant.parse(entry.text()));
            }
            case SURVEYED -> {
                pending.flush();
                JdbiSurveyStore.recordIn(pending.handle, workOrder.id, Integer.parseInt(entry.text()),
                        entry.occurredAt());
            }
            case JOINED -> {
                String product = CallRecordWrites.productOf(entry);
                if (product != null) {
                    pending.products.bind("product", product).bind("id", workOrder.id).add();
                }
            }
            case OFFERED -> {
                // The decision entry that comes with every offer already says why on the trail.
            }
            case ESCALATED -> {
                String[] parts = entry.text().split("\n", -1);
                pending.tiers.bind("tier", parts[1]).bind("at", entry.occurredAt()).bind("id", workOrder.id).add();
                pending.events.add(new WorkOrderEventRow(0, workOrder.id, entry.occurredAt(),
                        entry.subject() == null ? ActorKind.SYSTEM : ActorKind.SEAT,
                        entry.subject() == null ? "routing" : entry.subject(), "ESCALATED", null, null,
                        parts[0].isEmpty() ? null : Tier.valueOf(parts[0]),
                        parts[1].isEmpty() ? null : Tier.valueOf(parts[1]),
                        truncate("to queue " + parts[2] + ": " + parts[3])));
            }
            default -> pending.events.add(play(entry, workOrder, pending));
        }
    }

    /**
     * Statements waiting to go as batches: state changes first, then their events, the order of entry by entry.
     * Flushed before anything written at once, so the trail keeps the entries' order.
     */
    private static final class Pending {
        final Handle handle;
        final List<WorkOrderEventRow> events = new ArrayList<>();
        PreparedBatch connects;
        PreparedBatch cancels;
        PreparedBatch products;
        PreparedBatch tiers;
        PreparedBatch seatStates;
        PreparedBatch refusals;

        Pending(Handle handle) {
            this.handle = handle;
            reset();
        }

        void flush() {
            if (connects.size() > 0) {
                connects.execute();
            }
            if (cancels.size() > 0) {
                cancels.execute();
            }
            if (products.size() > 0) {
                products.execute();
            }
            if (tiers.size() > 0) {
                tiers.execute();
            }
            if (!events.isEmpty()) {
                handle.attach(WorkOrderEventDao.class).appendAll(events);
            }
            if (seatStates.size() > 0) {
                seatStates.execute();
            }
            if (refusals.size() > 0) {
                refusals.execute();
            }
            reset();
        }

        /** A seat's state or a refusal: no work order, batched on its own (in order among its kind). */
        void seatFact(JournalEntry entry) {
            if (entry.kind() == JournalEntry.Kind.SEAT_STATE) {
                seatStates.bind("seat", entry.callId()).bind("state", entry.subject())
                        .bind("reason", entry.text()).bind("at", entry.occurredAt()).add();
            } else {
                refusals.bind("subject", entry.callId()).bind("request", entry.subject())
                        .bind("reason", truncate(entry.text() == null ? "" : entry.text(), MAX_REFUSAL))
                        .bind("at", entry.occurredAt()).bind("seq", entry.sequence()).add();
            }
        }

        private void reset() {
            connects = handle.prepareBatch(CONNECT);
            cancels = handle.prepareBatch(CANCEL);
            products = handle.prepareBatch(PRODUCT);
            tiers = handle.prepareBatch(TIER);
            seatStates = handle.prepareBatch(SEAT_STATE);
            refusals = handle.prepareBatch(REFUSAL);
            events.clear();
        }
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

    /** What an {@link JournalEntry.Kind#OPENED} entry asks for (its text: severity, tier, customer id or -). */
    private CallWorkOrderRequest openRequest(JournalEntry entry) {
        String[] parts = entry.text().split(" ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("journal entry " + entry.sequence() + ": cannot read '" + entry.text()
                    + "' as severity, tier and customer");
        }
        Long customer = parts[2].equals("-") ? null : Long.valueOf(parts[2]);
        return new CallWorkOrderRequest(asteriskServer, entry.callId(), entry.subject(), customer,
                Severity.valueOf(parts[0]), Tier.valueOf(parts[1]), entry.occurredAt());
    }

    /** The text of an {@link JournalEntry.Kind#OPENED} entry for {@code request}. */
    static String openText(CallWorkOrderRequest request) {
        return request.severity() + " " + request.tier() + " "
                + (request.customerId() == null ? "-" : request.customerId().toString());
    }

    /** The entry's state change (added to the pending batch) and its event, against the work order's state so far. */
    private static WorkOrderEventRow play(JournalEntry entry, WorkOrder workOrder, Pending pending) {
        Instant at = entry.occurredAt();
        switch (entry.kind()) {
            case DECISION -> {
                return event(workOrder.id, at, ActorKind.SYSTEM, "routing", "ROUTING", null, entry.text());
            }
            case CONNECTED -> {
                if (workOrder.state.equals("NEW") || workOrder.state.equals("IN_PROGRESS")) {
                    pending.connects.bind("seat", entry.subject()).bind("at", at).bind("id", workOrder.id).add();
                    workOrder.state = "IN_PROGRESS";
                }
                return event(workOrder.id, at, ActorKind.SEAT, entry.subject(), "CONNECTED",
                        WorkOrderState.IN_PROGRESS, "answered after " + entry.waitedMs() / 1000 + " s in queue");
            }
            case ABANDONED -> {
                boolean cancelled = workOrder.state.equals("NEW");
                if (cancelled) {
                    pending.cancels.bind("at", at).bind("id", workOrder.id).add();
                    workOrder.state = "CANCELLED";
                }
                return event(workOrder.id, at, ActorKind.CUSTOMER, "caller", "ABANDONED",
                        cancelled ? WorkOrderState.CANCELLED : null,
                        "left queue " + entry.subject() + " after " + entry.waitedMs() / 1000 + " s");
            }
            case ENDED -> {
                return event(workOrder.id, at, ActorKind.SEAT, entry.subject() == null ? "seat" : entry.subject(),
                        "CALL_ENDED", null, "conversation ended after " + entry.waitedMs() / 1000 + " s");
            }
            case HANDED_OFF -> {
                return event(workOrder.id, at, ActorKind.SYSTEM, "routing", "HANDED_OFF", null,
                        handedOffReason(entry));
            }
            default -> throw new IllegalStateException("unplayable journal entry " + entry.kind());
        }
    }

    /** The batch's work orders by call, read and locked (FOR UPDATE) until the transaction ends. */
    private Map<String, WorkOrder> lockWorkOrders(Handle handle, List<JournalEntry> entries) {
        Set<String> callIds = new LinkedHashSet<>();
        entries.stream().filter(entry -> entry.kind().concernsWorkOrder())
                .forEach(entry -> callIds.add(entry.callId()));
        Map<String, WorkOrder> byCall = new HashMap<>();
        if (callIds.isEmpty()) {
            return byCall;
        }
        handle.createQuery("SELECT id, call_linkedid, state FROM work_order WHERE asterisk_server = :server"
                        + " AND call_linkedid IN (<calls>) FOR UPDATE")
                .bind("server", asteriskServer).bindList("calls", new ArrayList<>(callIds))
                .map((row, context) -> new WorkOrder(row.getLong("id"), row.getString("call_linkedid"),
                        row.getString("state")))
                .forEach(workOrder -> byCall.put(workOrder.callId, workOrder));
        return byCall;
    }

    private static String handedOffReason(JournalEntry entry) {
        long seconds = entry.waitedMs() / 1000;
        return switch (Handoff.valueOf(entry.text())) {
            case CALLBACK -> "the caller chose a callback after " + seconds + " s in queue " + entry.subject();
            case FALLBACK -> "handed to the dialplan's fallback queue after " + seconds + " s in queue "
                    + entry.subject() + "; the work order stays open for follow-up";
            case AFTER_HOURS -> "queue " + entry.subject() + " was closed: the caller heard the after-hours message";
        };
    }

    private static String truncate(String reason) {
        return reason == null ? null : truncate(reason, MAX_REASON);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static WorkOrderEventRow event(long workOrderId, Instant at, ActorKind kind, String actor, String action,
                                           WorkOrderState toState, String reason) {
        String text = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        return new WorkOrderEventRow(0, workOrderId, at, kind, actor, action, null, toState, null, null, text);
    }

    /** A work order of the batch; its state as the entries played so far leave it. */
    private static final class WorkOrder {
        final long id;
        final String callId;
        String state;

        WorkOrder(long id, String callId, String state) {
            this.id = id;
            this.callId = callId;
            this.state = state;
        }
    }
}
