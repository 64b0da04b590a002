package io.hotline.persistence.outbox;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.persistence.calls.JdbiCallbackStore;
import io.hotline.persistence.calls.JdbiSurveyStore;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.workorder.CallTransitions;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What journal entries change on their calls' work orders, and the checkpoint, inside the caller's transaction,
 * in a few round trips per batch rather than a few per entry: the batch's work orders are read and locked with one
 * query, the entries are played in order against their states in memory (so a connection then an abandon of one
 * call in one batch come out as they would one by one), then the state changes go as one JDBC batch and the
 * events as one multi-row insert. An entry for a call without a work order changes nothing. The times written are
 * the entries', not the moment they are applied, so a trail written after an outage still says when things
 * happened.
 * <p>
 * Each kind has its own method ({@link Batch}, a {@link JournalEntry.Visitor}). Which state a work order moves to
 * is routing's rule ({@link CallTransitions}), asked with the state as the locked row has it; the statement then
 * writes that state, guarded by the state it was decided from. A work order whose opening was deferred
 * ({@link JournalEntry.Opened}) is opened at its place in the batch, before the entries that follow it; callbacks
 * and survey scores recorded meanwhile ({@link JournalEntry.Callback}, {@link JournalEntry.Surveyed}) are written
 * by their stores' own statements, after what the batch has pending. Seat states and refusals
 * ({@link JournalEntry.SeatStateChanged}, {@link JournalEntry.Refused}) concern no work order: they go to
 * {@code seat_state} and {@code routing_refusal} as batches of their own; replaying them changes nothing.
 * Stateless.
 */
final class JournalWrites {
    private static final int MAX_REASON = 1000;
    private static final int MAX_REFUSAL = 255;
    /** What {@code routing_refusal.subject} holds for a refusal about nothing in particular. */
    private static final String NO_SUBJECT = "-";

    private final String asteriskServer;
    private final JdbiWorkOrderStore workOrders;

    JournalWrites(String asteriskServer, JdbiWorkOrderStore workOrders) {
        this.asteriskServer = asteriskServer;
        this.workOrders = workOrders;
    }

    /**
     * Applies {@code entries} in order; returns how many had a work order or a call record to change (the others
     * changed nothing).
     */
    int applyAll(Handle handle, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        Set<String> callIds = callsOf(entries);
        Batch batch = new Batch(handle, lockWorkOrders(handle, callIds),
                CallRecordWrites.lock(handle, asteriskServer, callIds));
        int applied = 0;
        for (JournalEntry entry : entries) {
            if (entry.accept(batch)) {
                applied++;
            }
        }
        batch.pending.flush();
        batch.calls.flush();
        return applied;
    }

    /** The calls (linkedids) {@code entries} are about, in order, each once. */
    static Set<String> callsOf(List<JournalEntry> entries) {
        Set<String> callIds = new LinkedHashSet<>();
        for (JournalEntry entry : entries) {
            if (entry instanceof JournalEntry.CallEntry call) {
                callIds.add(call.callId());
            }
        }
        return callIds;
    }

    /**
     * One batch's entries played in order on their work orders (locked), call records and pending statements.
     * Each method answers whether the entry had a work order or a call record to change.
     */
    private final class Batch implements JournalEntry.Visitor<Boolean> {
        final Handle handle;
        final Map<String, WorkOrder> byCall;
        final CallRecordWrites calls;
        final PendingWrites pending;

        Batch(Handle handle, Map<String, WorkOrder> byCall, CallRecordWrites calls) {
            this.handle = handle;
            this.byCall = byCall;
            this.calls = calls;
            this.pending = new PendingWrites(handle);
        }

        @Override
        public Boolean opened(JournalEntry.Opened entry) {
            if (!byCall.containsKey(entry.callId())) {
                // At once, with its CREATED event: the entries after it in this batch find it.
                pending.flush();
                JdbiWorkOrderStore.Opened opened = workOrders.openIfAbsent(handle, entry.request(asteriskServer));
                byCall.put(entry.callId(), new WorkOrder(opened.id(), entry.callId(), opened.state()));
            }
            return true;
        }

        @Override
        public Boolean callback(JournalEntry.Callback entry) {
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return false;
            }
            pending.flush();
            JdbiCallbackStore.recordIn(handle, workOrder.id, entry.phoneNumber(), entry.occurredAt(), entry.dueAt());
            return true;
        }

        @Override
        public Boolean surveyed(JournalEntry.Surveyed entry) {
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return false;
            }
            pending.flush();
            JdbiSurveyStore.recordIn(handle, workOrder.id, entry.score(), entry.occurredAt());
            return true;
        }

        @Override
        public Boolean decision(JournalEntry.Decision entry) {
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return false;
            }
            pending.events.add(event(workOrder.id, entry.occurredAt(), ActorKind.SYSTEM, "routing", "ROUTING", null,
                    entry.why()));
            return true;
        }

        @Override
        public Boolean connected(JournalEntry.Connected entry) {
            boolean recorded = calls.connected(entry);
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return recorded;
            }
            Instant at = entry.occurredAt();
            CallTransitions.connected(workOrder.state).ifPresent(next -> {
                pending.connects.bind("seat", entry.seatId()).bind("at", at).bind("id", workOrder.id)
                        .bind("from", workOrder.state.name()).bind("to", next.name()).add();
                workOrder.state = next;
            });
            pending.events.add(event(workOrder.id, at, ActorKind.SEAT, entry.seatId(), "CONNECTED",
                    WorkOrderState.IN_PROGRESS, "answered after " + seconds(entry.waited()) + " s in queue"));
            return true;
        }

        @Override
        public Boolean abandoned(JournalEntry.Abandoned entry) {
            boolean recorded = calls.abandoned(entry);
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return recorded;
            }
            Instant at = entry.occurredAt();
            Optional<WorkOrderState> next = CallTransitions.abandoned(workOrder.state);
            next.ifPresent(to -> {
                pending.cancels.bind("at", at).bind("id", workOrder.id).bind("from", workOrder.state.name())
                        .bind("to", to.name()).add();
                workOrder.state = to;
            });
            pending.events.add(event(workOrder.id, at, ActorKind.CUSTOMER, "caller", "ABANDONED", next.orElse(null),
                    "left queue " + entry.queue() + " after " + seconds(entry.waited()) + " s"));
            return true;
        }

        @Override
        public Boolean joined(JournalEntry.Joined entry) {
            boolean recorded = calls.joined(entry);
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return recorded;
            }
            if (entry.productSkill() != null) {
                pending.products.bind("product", entry.productSkill()).bind("id", workOrder.id).add();
            }
            return true;
        }

        @Override
        public Boolean offered(JournalEntry.Offered entry) {
            // The decision entry that comes with every offer already says why on the trail.
            return calls.offered(entry) || byCall.containsKey(entry.callId());
        }

        @Override
        public Boolean ended(JournalEntry.Ended entry) {
            boolean recorded = calls.ended(entry);
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return recorded;
            }
            pending.events.add(event(workOrder.id, entry.occurredAt(), ActorKind.SEAT,
                    entry.seatId() == null ? "seat" : entry.seatId(), "CALL_ENDED", null,
                    "conversation ended after " + seconds(entry.talked()) + " s"));
            return true;
        }

        @Override
        public Boolean handedOff(JournalEntry.HandedOff entry) {
            boolean recorded = calls.handedOff(entry);
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return recorded;
            }
            pending.events.add(event(workOrder.id, entry.occurredAt(), ActorKind.SYSTEM, "routing", "HANDED_OFF",
                    null, handedOffReason(entry)));
            return true;
        }

        @Override
        public Boolean escalated(JournalEntry.Escalated entry) {
            boolean recorded = calls.escalated(entry);
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return recorded;
            }
            Instant at = entry.occurredAt();
            pending.tiers.bind("tier", entry.toTier() == null ? null : entry.toTier().name()).bind("at", at)
                    .bind("id", workOrder.id).add();
            pending.events.add(new WorkOrderEventRow(0, workOrder.id, at,
                    entry.seatId() == null ? ActorKind.SYSTEM : ActorKind.SEAT,
                    entry.seatId() == null ? "routing" : entry.seatId(), "ESCALATED", null, null, entry.fromTier(),
                    entry.toTier(), truncate("to queue " + entry.queue() + ": "
                    + (entry.reason() == null ? "" : entry.reason()))));
            return true;
        }

        @Override
        public Boolean restarted(JournalEntry.Restarted entry) {
            pending.flush();
            reconcile(handle, calls.closeOpenCalls(entry.occurredAt(), entry.sequence()), entry.occurredAt());
            return true;
        }

        @Override
        public Boolean bypassed(JournalEntry.Bypassed entry) {
            // Its own row (one per channel) and event, written at once after what is batched.
            pending.flush();
            calls.flush();
            JdbiWorkOrderStore.recordFallbackIn(handle, entry.handoff(asteriskServer));
            return true;
        }

        @Override
        public Boolean seatStateChanged(JournalEntry.SeatStateChanged entry) {
            pending.seatStates.bind("seat", entry.seatId()).bind("state", entry.state().name())
                    .bind("reason", entry.reason()).bind("at", entry.occurredAt()).add();
            return false;
        }

        @Override
        public Boolean refused(JournalEntry.Refused entry) {
            pending.refusals.bind("subject", entry.subject() == null ? NO_SUBJECT : entry.subject())
                    .bind("request", entry.request()).bind("reason", truncate(entry.reason(), MAX_REFUSAL))
                    .bind("at", entry.occurredAt()).bind("seq", entry.sequence()).add();
            return false;
        }
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

    /** The work orders of {@code callIds}, read and locked (FOR UPDATE) until the transaction ends. */
    private Map<String, WorkOrder> lockWorkOrders(Handle handle, Set<String> callIds) {
        Map<String, WorkOrder> byCall = new HashMap<>();
        if (callIds.isEmpty()) {
            return byCall;
        }
        handle.createQuery("SELECT id, call_linkedid, state FROM work_order WHERE asterisk_server = :server"
                        + " AND call_linkedid IN (<calls>) FOR UPDATE")
                .bind("server", asteriskServer).bindList("calls", new ArrayList<>(callIds))
                .map((row, context) -> new WorkOrder(row.getLong("id"), row.getString("call_linkedid"),
                        WorkOrderState.valueOf(row.getString("state"))))
                .forEach(workOrder -> byCall.put(workOrder.callId, workOrder));
        return byCall;
    }

    private static String handedOffReason(JournalEntry.HandedOff entry) {
        long seconds = seconds(entry.waited());
        return switch (entry.handoff()) {
            case CALLBACK -> "the caller chose a callback after " + seconds + " s in queue " + entry.queue();
            case FALLBACK -> "handed to the dialplan's fallback queue after " + seconds + " s in queue "
                    + entry.queue() + "; the work order stays open for follow-up";
            case AFTER_HOURS -> "queue " + entry.queue() + " was closed: the caller heard the after-hours message";
        };
    }

    /** Whole seconds, as the trail says them. */
    private static long seconds(Duration duration) {
        return duration.toMillis() / 1000;
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
        WorkOrderState state;

        WorkOrder(long id, String callId, WorkOrderState state) {
            this.id = id;
            this.callId = callId;
            this.state = state;
        }
    }
}
