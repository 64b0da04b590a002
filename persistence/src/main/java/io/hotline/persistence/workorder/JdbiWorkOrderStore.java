package io.hotline.persistence.workorder;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.CallOutcome;
import io.hotline.persistence.dao.DuplicateKeys;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.routing.workorder.OpenedWorkOrder;
import io.hotline.routing.workorder.WorkOrder;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code work_order} table's writes over Jdbi, for the journal and the tests: the service desk opens work
 * orders now (issue 14), and what is left here serves the entries an earlier version logged (its work orders
 * opened through the journal) and the fallback hand-offs. {@link #openForCall} inserts the call's work order and its
 * {@code CREATED} event in one transaction, so a work order never exists without the start of its audit
 * trail. Exactly-once per call rests on the database, not on a lock here: {@code uq_work_order_call} admits one
 * row per {@code (asterisk_server, call_linkedid)}; a concurrent or repeated request loses the insert with a
 * duplicate-key error, rolls back (taking its event with it) and returns the winner's row with
 * {@code created = false}. Any other SQL error (a foreign key, a CHECK, a lost connection) propagates.
 *
 * <p>Thread-safe: it holds only immutable configuration and the thread-safe {@link Jdbi}; each call borrows
 * its own handle. Blocks on I/O.
 */
public final class JdbiWorkOrderStore {
    /** The unique key that makes a call's work order exactly-once. */
    static final String CALL_KEY = "uq_work_order_call";
    /** The actor recorded for what Hotline does on its own. */
    static final String SYSTEM_ACTOR = "hotline";

    private static final Logger LOG = LoggerFactory.getLogger(JdbiWorkOrderStore.class);

    private final Jdbi jdbi;
    private final ServiceLevels serviceLevels;
    private final InstantSource clock;

    /**
     * @param jdbi          the database's Jdbi (with Hotline's instant mapping: {@code Database.jdbi()})
     * @param serviceLevels the SLA targets that give a new work order its due times
     * @param clock         stamps the audit event with when the row was written
     */
    public JdbiWorkOrderStore(Jdbi jdbi, ServiceLevels serviceLevels, InstantSource clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.serviceLevels = Objects.requireNonNull(serviceLevels, "serviceLevels");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the call's work order: state NEW on the request's tier and severity, due times from the service
     * levels counted from {@code openedAt}, {@code created_at = updated_at = openedAt}, and a {@code CREATED}
     * event by the system. If the call already has a work order, returns it unchanged with
     * {@code created = false}; the request's severity, tier and customer are then ignored.
     */
    public OpenedWorkOrder openForCall(CallWorkOrderRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            WorkOrder created = jdbi.inTransaction(handle -> insert(handle, request));
            return new OpenedWorkOrder(created, true);
        } catch (JdbiException e) {
            if (!DuplicateKeys.isDuplicateOf(e, CALL_KEY)) {
                throw e;
            }
            LOG.debug("Call {} on {} already has a work order", request.linkedId(), request.asteriskServer());
            // The winner committed before our insert could fail on its key, so a fresh read sees it.
            WorkOrder existing = findByCall(request.asteriskServer(), request.linkedId())
                    .orElseThrow(() -> new IllegalStateException("duplicate key on " + CALL_KEY + " for call "
                            + request.linkedId() + " on " + request.asteriskServer() + " but no such work order", e));
            return new OpenedWorkOrder(existing, false);
        }
    }

    /**
     * Inside the caller's transaction: opens the call's work order if it has none (its {@code CREATED} event at
     * the request's {@code openedAt}, when the call arrived), or finds the existing one; returns its id and state.
     * For work orders whose opening was deferred through the journal (its {@code OPENED} entries). A
     * concurrent {@link #openForCall} of the same call fails this transaction on the unique key; a retry then finds
     * the work order.
     */
    public Opened openIfAbsent(Handle handle, CallWorkOrderRequest request) {
        WorkOrderRows rows = handle.attach(WorkOrderRows.class);
        Optional<WorkOrder> existing = rows.findByCall(request.asteriskServer(), request.linkedId());
        if (existing.isPresent()) {
            return new Opened(existing.get().id(), existing.get().state());
        }
        return new Opened(insertRows(handle, request, request.openedAt()), WorkOrderState.NEW);
    }

    /**
     * A work order {@link #openIfAbsent} opened or found.
     *
     * @param id    the work order
     * @param state its state: {@link WorkOrderState#NEW} when it was just opened
     */
    public record Opened(long id, WorkOrderState state) {
    }

    private WorkOrder insert(Handle handle, CallWorkOrderRequest request) {
        long id = insertRows(handle, request, clock.instant());
        // Read back what was stored (instants truncated to milliseconds), not what was asked.
        return handle.attach(WorkOrderRows.class).find(id)
                .orElseThrow(() -> new IllegalStateException("work order " + id + " vanished"));
    }

    private long insertRows(Handle handle, CallWorkOrderRequest request, Instant createdEventAt) {
        long id = handle.attach(WorkOrderRows.class).insertForCall(request,
                serviceLevels.deadlines(request.severity(), request.openedAt()));
        handle.attach(WorkOrderEventDao.class).append(new WorkOrderEventRow(0, id, createdEventAt, ActorKind.SYSTEM,
                SYSTEM_ACTOR, "CREATED", null, WorkOrderState.NEW, null, request.tier(), reason(request)));
        return id;
    }

    private static String reason(CallWorkOrderRequest request) {
        String caller = request.callerNumber() == null ? "an unknown number" : request.callerNumber();
        return "call " + request.linkedId() + " from " + caller;
    }

    /** Writes the hand-off at once, in its own transaction (see {@link #recordFallbackIn}). */
    public void handedToFallback(FallbackHandoff handoff) {
        jdbi.useTransaction(handle -> recordFallbackIn(handle, handoff));
    }

    /**
     * Inside the caller's transaction: the channel's call record with outcome FALLBACK (kept as it is when the
     * channel is already recorded) and, when the call has a work order, a {@code HANDED_OFF} event on its trail.
     */
    public static void recordFallbackIn(Handle handle, FallbackHandoff handoff) {
        recordFallbackCallIn(handle, handoff);
        handle.attach(WorkOrderRows.class).findByCall(handoff.asteriskServer(), handoff.linkedId())
                .ifPresent(workOrder -> handle.attach(WorkOrderEventDao.class).append(new WorkOrderEventRow(0,
                        workOrder.id(), handoff.at(), ActorKind.SYSTEM, SYSTEM_ACTOR, "HANDED_OFF", null, null, null,
                        null, "channel " + handoff.channelId() + " handed to the dialplan's fallback queue: "
                        + handoff.reason())));
    }

    /**
     * Inside the caller's transaction: the channel's call record with outcome FALLBACK (kept as it is when the
     * channel is already recorded), without the event (the routing journal writes it, once the work order exists).
     */
    public static void recordFallbackCallIn(Handle handle, FallbackHandoff handoff) {
        handle.createUpdate("INSERT INTO call_record (asterisk_server, uniqueid, linkedid, caller_number,"
                        + " dialled_number, joined_at, ended_at, outcome, wait_ms) VALUES (:server, :channel, :call,"
                        + " :caller, :dialled, :at, :at, :outcome, 0) ON DUPLICATE KEY UPDATE id = id")
                .bind("server", handoff.asteriskServer()).bind("channel", handoff.channelId())
                .bind("call", handoff.linkedId()).bind("caller", handoff.callerNumber())
                .bind("dialled", handoff.dialledNumber()).bind("at", handoff.at())
                .bind("outcome", CallOutcome.FALLBACK.name()).execute();
    }

    /** The work order with this id. */
    public Optional<WorkOrder> find(long id) {
        return jdbi.withExtension(WorkOrderRows.class, rows -> rows.find(id));
    }

    /** The work order of the call with this linkedid on this Asterisk server. */
    public Optional<WorkOrder> findByCall(String asteriskServer, String linkedId) {
        return jdbi.withExtension(WorkOrderRows.class, rows -> rows.findByCall(asteriskServer, linkedId));
    }
}
