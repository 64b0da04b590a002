package io.hotline.persistence.outbox;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.persistence.calls.JdbiCallbackStore;
import io.hotline.persistence.calls.JdbiSurveyStore;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.desk.CallKey;
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
 * What journal entries write, and the checkpoint, inside the caller's transaction, in a few round trips per batch
 * rather than a few per entry: the batch's work orders are read and locked with one query, the entries are played
 * in order, then the statements go as JDBC batches ({@link PendingWrites}). The times written are the entries',
 * not the moment they are applied, so a trail written after an outage still says when things happened.
 * <p>
 * Each kind has its own method ({@link Batch}, a {@link JournalEntry.Visitor}). The service desk's entries
 * ({@link DeskEntry}) insert work orders with the desk's ids, replace their stored forms, append their audit
 * events, record warnings, releases, refusals and notifications, as {@link DeskWrites} says. Routing's entries
 * write the call's record ({@link CallRecordWrites}) and routing's own trail rows (actor {@code routing}) on the
 * call's work order, and change no work order: the desk decides. A routing entry whose work order the desk has not
 * inserted yet (its entry comes later in the log) is parked in {@code journal_parked_entry}, in the transaction
 * that moves the checkpoint past it, and written in the transaction that inserts the work order; so it is neither
 * lost nor a foreign-key failure. Callbacks and survey scores ({@link JournalEntry.Callback},
 * {@link JournalEntry.Surveyed}) are written by their stores' own statements, after what the batch has pending.
 * Seat states and routing's refusals go to {@code seat_state} and {@code routing_refusal}. The field leg's entries
 * ({@link FieldEntry}) are written at once, after what the batch has pending, as {@link FieldWrites} says.
 * <p>
 * Upgrade: a log an earlier version left is written as that version would have. Its work orders were opened by
 * {@link JournalEntry.Opened} at its place in the batch; its connections, abandons, escalations and joins
 * ({@link LegacyCallEntry}) changed the work order's state, tier and product line by routing's rules then
 * ({@link CallTransitions}), asked with the state as the locked row has it, the statement guarded by the state it
 * was decided from. Stateless.
 */
final class JournalWrites {
    private static final int MAX_REASON = 1000;
    private static final int MAX_REFUSAL = 255;
    /** What {@code routing_refusal.subject} holds for a refusal about nothing in particular. */
    private static final String NO_SUBJECT = "-";
    /** The actor of routing's own trail rows. */
    private static final String ROUTING = "routing";

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
        /** Set while the entries parked for a work order just inserted are written: their call records were. */
        boolean replayingParked;

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
                writeParked(entry.callId());
            }
            return true;
        }

        @Override
        public Boolean callback(JournalEntry.Callback entry) {
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return park(entry);
            }
            pending.flush();
            JdbiCallbackStore.recordIn(handle, workOrder.id, entry.phoneNumber(), entry.occurredAt(), entry.dueAt());
            return true;
        }

        @Override
        public Boolean surveyed(JournalEntry.Surveyed entry) {
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return park(entry);
            }
            pending.flush();
            JdbiSurveyStore.recordIn(handle, workOrder.id, entry.score(), entry.occurredAt());
            return true;
        }

        @Override
        public Boolean decision(JournalEntry.Decision entry) {
            return trail(entry, "ROUTING", entry.why());
        }

        @Override
        public Boolean connected(JournalEntry.Connected entry) {
            boolean recorded = !replayingParked && calls.connected(entry);
            return trail(entry, "CONNECTED", "answered by " + (entry.seatId() == null ? "a seat" : entry.seatId())
                    + " after " + seconds(entry.waited()) + " s in queue") || recorded;
        }

        @Override
        public Boolean abandoned(JournalEntry.Abandoned entry) {
            boolean recorded = !replayingParked && calls.abandoned(entry);
            return trail(entry, "ABANDONED", "the caller left queue " + entry.queue() + " after "
                    + seconds(entry.waited()) + " s") || recorded;
        }

        @Override
        public Boolean joined(JournalEntry.Joined entry) {
            return !replayingParked && calls.joined(entry);
        }

        @Override
        public Boolean offered(JournalEntry.Offered entry) {
            // The decision entry that comes with every offer already says why on the trail.
            return !replayingParked && calls.offered(entry);
        }

        @Override
        public Boolean ended(JournalEntry.Ended entry) {
            boolean recorded = !replayingParked && calls.ended(entry);
            return trail(entry, "CALL_ENDED", "conversation with " + (entry.seatId() == null ? "a seat"
                    : entry.seatId()) + " ended after " + seconds(entry.talked()) + " s") || recorded;
        }

        @Override
        public Boolean handedOff(JournalEntry.HandedOff entry) {
            boolean recorded = !replayingParked && calls.handedOff(entry);
            return trail(entry, "HANDED_OFF", handedOffReason(entry)) || recorded;
        }

        @Override
        public Boolean escalated(JournalEntry.Escalated entry) {
            boolean recorded = !replayingParked && calls.escalated(entry);
            return trail(entry, "ESCALATED", "the call moved from " + entry.fromTier() + " to " + entry.toTier()
                    + (entry.seatId() == null ? "" : " by " + entry.seatId()) + ", to queue " + entry.queue()
                    + (entry.reason() == null ? "" : ": " + entry.reason())) || recorded;
        }

        @Override
        public Boolean restarted(JournalEntry.Restarted entry) {
            pending.flush();
            reconcile(handle, calls.closeOpenCalls(entry.occurredAt(), entry.sequence()), entry.occurredAt());
            return true;
        }

        @Override
        public Boolean bypassed(JournalEntry.Bypassed entry) {
            // Its own row (one per channel), written at once after what is batched; its event on the trail.
            if (!replayingParked) {
                pending.flush();
                calls.flush();
                JdbiWorkOrderStore.recordFallbackCallIn(handle, entry.handoff(asteriskServer));
            }
            return trail(entry, "HANDED_OFF", "channel " + entry.channelId()
                    + " handed to the dialplan's fallback queue: " + entry.reason()) || !replayingParked;
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

        @Override
        public Boolean legacy(LegacyCallEntry legacy) {
            JournalEntry.CallEntry entry = legacy.entry();
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null || replayingParked) {
                // No work order of that version: as a call's entry of today.
                return entry.accept(this);
            }
            if (entry instanceof JournalEntry.Connected connected) {
                return legacyConnected(workOrder, connected);
            } else if (entry instanceof JournalEntry.Abandoned abandoned) {
                return legacyAbandoned(workOrder, abandoned);
            } else if (entry instanceof JournalEntry.Escalated escalated) {
                return legacyEscalated(workOrder, escalated);
            } else if (entry instanceof JournalEntry.Joined joined) {
                return legacyJoined(workOrder, joined);
            }
            return entry.accept(this);
        }

        /** As the version before the desk: the seat takes the work order over (routing's rule). */
        private boolean legacyConnected(WorkOrder workOrder, JournalEntry.Connected entry) {
            calls.connected(entry);
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

        /** As the version before the desk: a work order nobody worked on is cancelled (routing's rule). */
        private boolean legacyAbandoned(WorkOrder workOrder, JournalEntry.Abandoned entry) {
            calls.abandoned(entry);
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

        /** As the version before the desk: the work order's tier follows the call. */
        private boolean legacyEscalated(WorkOrder workOrder, JournalEntry.Escalated entry) {
            calls.escalated(entry);
            Instant at = entry.occurredAt();
            pending.tiers.bind("tier", entry.toTier() == null ? null : entry.toTier().name()).bind("at", at)
                    .bind("id", workOrder.id).add();
            pending.events.add(new WorkOrderEventRow(0, workOrder.id, at,
                    entry.seatId() == null ? ActorKind.SYSTEM : ActorKind.SEAT,
                    entry.seatId() == null ? ROUTING : entry.seatId(), "ESCALATED", null, null, entry.fromTier(),
                    entry.toTier(), truncate("to queue " + entry.queue() + ": "
                    + (entry.reason() == null ? "" : entry.reason()))));
            return true;
        }

        /** As the version before the desk: the product line routing used, kept once on the work order. */
        private boolean legacyJoined(WorkOrder workOrder, JournalEntry.Joined entry) {
            calls.joined(entry);
            if (entry.productSkill() != null) {
                pending.products.bind("product", entry.productSkill()).bind("id", workOrder.id).add();
            }
            return true;
        }

        @Override
        public Boolean deskOpened(DeskEntry.Opened entry) {
            pending.flush();
            DeskWrites.insert(handle, entry);
            DeskWrites.audit(pending.audits, entry.audit());
            CallKey call = entry.workOrder().call();
            if (call != null && call.asteriskServer().equals(asteriskServer)) {
                // The opening first on its trail, then what routing recorded before it.
                pending.flush();
                byCall.put(call.linkedId(), new WorkOrder(entry.workOrder().id(), call.linkedId(),
                        entry.workOrder().state()));
                writeParked(call.linkedId());
            }
            return true;
        }

        @Override
        public Boolean deskChanged(DeskEntry.Changed entry) {
            DeskWrites.update(pending.deskUpdates, entry);
            DeskWrites.audit(pending.audits, entry.audit());
            return true;
        }

        @Override
        public Boolean warningFired(DeskEntry.WarningFired entry) {
            DeskWrites.fired(pending.responseFired, pending.resolutionFired, entry);
            return true;
        }

        @Override
        public Boolean released(DeskEntry.Released entry) {
            DeskWrites.released(pending.releases, entry);
            return true;
        }

        @Override
        public Boolean deskRefused(DeskEntry.Refused entry) {
            DeskWrites.refused(pending.deskRefusals, entry);
            return true;
        }

        @Override
        public Boolean notified(DeskEntry.Notified entry) {
            DeskWrites.notified(pending.notifications, entry);
            return true;
        }

        @Override
        public Boolean fieldDispatchChanged(FieldEntry.DispatchChanged entry) {
            // At once, after what waits (the desk's change of the work order comes first): rare, a person's pace.
            pending.flush();
            FieldWrites.dispatchChanged(handle, entry);
            return true;
        }

        @Override
        public Boolean fieldSmsQueued(FieldEntry.SmsQueued entry) {
            pending.flush();
            FieldWrites.smsQueued(handle, entry);
            return true;
        }

        @Override
        public Boolean fieldReported(FieldEntry.Reported entry) {
            pending.flush();
            FieldWrites.reported(handle, entry);
            return true;
        }

        /**
         * Puts routing's trail row for {@code entry} on its call's work order; when the desk has not inserted the
         * work order yet, parks the entry for then. True: written or parked.
         */
        private boolean trail(JournalEntry.CallEntry entry, String action, String reason) {
            WorkOrder workOrder = byCall.get(entry.callId());
            if (workOrder == null) {
                return park(entry);
            }
            pending.events.add(event(workOrder.id, entry.occurredAt(), ActorKind.SYSTEM, ROUTING, action, null,
                    reason));
            return true;
        }

        /** Keeps {@code entry} for its call's work order, written when the desk's insert of it is. */
        private boolean park(JournalEntry.CallEntry entry) {
            if (replayingParked) {
                throw new IllegalStateException("a parked entry found no work order for call " + entry.callId());
            }
            String line = JournalLine.of(entry);
            pending.parked.bind("server", asteriskServer).bind("call", entry.callId()).bind("seq", entry.sequence())
                    .bind("line", line.substring(0, line.length() - 1)).bind("at", entry.occurredAt()).add();
            return true;
        }

        /** Writes, in their order, the entries parked for {@code callId}, whose work order was just inserted. */
        private void writeParked(String callId) {
            List<String> lines = handle.createQuery("SELECT line FROM journal_parked_entry WHERE asterisk_server"
                            + " = :server AND linkedid = :call ORDER BY journal_seq, id")
                    .bind("server", asteriskServer).bind("call", callId).mapTo(String.class).list();
            if (lines.isEmpty()) {
                return;
            }
            replayingParked = true;
            try {
                for (String line : lines) {
                    JournalLine.parse(line).accept(this);
                }
            } finally {
                replayingParked = false;
            }
            pending.flush();
            handle.createUpdate("DELETE FROM journal_parked_entry WHERE asterisk_server = :server AND linkedid"
                    + " = :call").bind("server", asteriskServer).bind("call", callId).execute();
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
