package io.hotline.persistence.outbox;

import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.Recipient;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredWorkOrder;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The statements that write the service desk's entries ({@link DeskEntry}): a work order inserted with the id the
 * desk allocated, its stored form replaced, audit events appended, warnings recorded as fired, the release, the
 * desk's refusals and the notifications. They write what the entries carry and decide nothing. The customer, the
 * product line's skill and the owner's seat are linked when the database has them (the desk's own words are kept
 * beside, in {@code product_line} and {@code owner_seat_code}); a customer id the database does not know is not
 * kept, rather than losing the work order. Stateless.
 */
final class DeskWrites {
    private static final String COLUMNS = "origin, asterisk_server, call_linkedid, customer_id, contract_level,"
            + " caller_number, product_skill_id, product_line, summary, category, notes, resolution_text, site,"
            + " severity, state, tier, owner_seat_id,"
            + " owner_seat_code, created_at, updated_at, callback_at, responded_at, resolved_at, closed_at,"
            + " response_counted_ms, response_running_since, response_stopped, response_fired, response_due_at,"
            + " resolution_counted_ms, resolution_running_since, resolution_stopped, resolution_fired,"
            + " resolution_due_at, contacts, reopens, audit_count";
    private static final String CUSTOMER = "(SELECT c.id FROM customer c WHERE c.id = :customerId)";
    private static final String PRODUCT = "(SELECT s.id FROM skill s WHERE s.code = :productLine)";
    private static final String OWNER = "(SELECT st.id FROM seat st WHERE st.code = :owner)";

    /** Inserts a work order with the desk's id. */
    static final String INSERT = "INSERT INTO work_order (id, " + COLUMNS + ") VALUES (:id, :origin, :server,"
            + " :linkedId, " + CUSTOMER + ", :contractLevel, :contactNumber, " + PRODUCT + ", :productLine, :summary,"
            + " :category, :notes, :resolutionText, :site, :severity, :state, :tier, " + OWNER + ", :owner,"
            + " :openedAt, :at, :callbackAt, :respondedAt,"
            + " :resolvedAt, :closedAt, :responseCountedMs, :responseSince, :responseStopped, :responseFired,"
            + " :responseDue, :resolutionCountedMs, :resolutionSince, :resolutionStopped, :resolutionFired,"
            + " :resolutionDue, :contacts, :reopens, :auditCount)";
    /** Replaces a work order's stored form. */
    static final String UPDATE = "UPDATE work_order SET origin = :origin, asterisk_server = :server,"
            + " call_linkedid = :linkedId, customer_id = " + CUSTOMER + ", contract_level = :contractLevel,"
            + " caller_number = :contactNumber, product_skill_id = " + PRODUCT + ", product_line = :productLine,"
            + " summary = :summary, category = :category, notes = :notes, resolution_text = :resolutionText,"
            + " site = :site, severity = :severity, state = :state, tier = :tier, owner_seat_id = " + OWNER
            + ", owner_seat_code = :owner, created_at = :openedAt, updated_at = :at, callback_at = :callbackAt,"
            + " responded_at = :respondedAt, resolved_at = :resolvedAt, closed_at = :closedAt,"
            + " response_counted_ms = :responseCountedMs, response_running_since = :responseSince,"
            + " response_stopped = :responseStopped, response_fired = :responseFired,"
            + " response_due_at = :responseDue, resolution_counted_ms = :resolutionCountedMs,"
            + " resolution_running_since = :resolutionSince, resolution_stopped = :resolutionStopped,"
            + " resolution_fired = :resolutionFired, resolution_due_at = :resolutionDue, contacts = :contacts,"
            + " reopens = :reopens, audit_count = :auditCount, version = version + 1 WHERE id = :id";
    /** A response warning fired: its bit joins the mask (firing twice changes nothing). */
    static final String RESPONSE_FIRED = "UPDATE work_order SET response_fired = response_fired | :bit"
            + " WHERE id = :id";
    static final String RESOLUTION_FIRED = "UPDATE work_order SET resolution_fired = resolution_fired | :bit"
            + " WHERE id = :id";
    static final String RELEASE = "UPDATE work_order SET released_at = :at WHERE id = :id";
    static final String AUDIT = "INSERT INTO work_order_event (work_order_id, sequence, occurred_at, actor_kind,"
            + " actor, action, from_state, to_state, from_tier, to_tier, severity, owner_seat_code, contacts, reason)"
            + " VALUES (:workOrderId, :sequence, :at, :actorKind, :actor, :action, :fromState, :toState, :fromTier,"
            + " :toTier, :severity, :owner, :contacts, :why)";
    static final String REFUSAL = "INSERT INTO desk_refusal (subject, request, reason, actor_kind, actor,"
            + " refused_at, journal_seq) VALUES (:subject, :request, :reason, :actorKind, :actor, :at, :seq)";
    static final String NOTIFICATION = "INSERT INTO notification (recipient_kind, recipient_id, kind,"
            + " work_order_id, clock, level, percent, due_at, subject, text, created_at, journal_seq) VALUES"
            + " (:recipientKind, :recipientId, :kind, :workOrderId, :clock, :level, :percent, :dueAt, :subject,"
            + " :text, :at, :seq)";

    private DeskWrites() {
    }

    /** Inserts the opened work order at once (what follows in the batch may refer to it). */
    static void insert(Handle handle, DeskEntry.Opened entry) {
        bindWorkOrder(handle.createUpdate(INSERT), entry.workOrder(), entry.audit()).execute();
    }

    static void update(PreparedBatch batch, DeskEntry.Changed entry) {
        bindWorkOrder(batch, entry.workOrder(), entry.audit()).add();
    }

    static void audit(PreparedBatch batch, AuditEvent audit) {
        batch.bind("workOrderId", audit.workOrderId()).bind("sequence", audit.sequence()).bind("at", audit.at())
                .bind("actorKind", audit.actor().kind().name()).bind("actor", audit.actor().id())
                .bind("action", audit.action().name()).bind("fromState", name(audit.fromState()))
                .bind("toState", name(audit.toState())).bind("fromTier", name(audit.fromTier()))
                .bind("toTier", name(audit.toTier())).bind("severity", name(audit.severity()))
                .bind("owner", audit.ownerSeatId()).bind("contacts", audit.contacts()).bind("why", audit.why())
                .add();
    }

    static void fired(PreparedBatch response, PreparedBatch resolution, DeskEntry.WarningFired entry) {
        PreparedBatch batch = entry.clock() == ClockKind.RESPONSE ? response : resolution;
        batch.bind("bit", DeskFields.bit(entry.level())).bind("id", entry.workOrder()).add();
    }

    static void released(PreparedBatch batch, DeskEntry.Released entry) {
        batch.bind("at", entry.occurredAt()).bind("id", entry.workOrder()).add();
    }

    static void refused(PreparedBatch batch, DeskEntry.Refused entry) {
        batch.bind("subject", entry.subject()).bind("request", entry.request()).bind("reason", entry.reason())
                .bind("actorKind", entry.actor().kind().name()).bind("actor", entry.actor().id())
                .bind("at", entry.occurredAt()).bind("seq", entry.sequence()).add();
    }

    static void notified(PreparedBatch batch, DeskEntry.Notified entry) {
        batch.bind("recipientKind", entry.recipientKind().name()).bind("recipientId", entry.recipientId())
                .bind("kind", entry.notification().name()).bind("workOrderId", entry.workOrderId())
                .bind("clock", name(entry.clock())).bind("level", name(entry.level()))
                .bind("percent", entry.level() == null ? null : entry.level().percent())
                .bind("dueAt", entry.dueAt()).bind("subject", entry.subject()).bind("text", entry.text())
                .bind("at", entry.occurredAt()).bind("seq", entry.sequence()).add();
    }

    /** The recipient kind a notification row names for {@code recipient}. */
    static DeskEntry.RecipientKind kindOf(Recipient recipient) {
        return recipient.kind() == Recipient.Kind.SEAT ? DeskEntry.RecipientKind.SEAT
                : DeskEntry.RecipientKind.SUPERVISORS;
    }

    private static <S extends SqlStatement<S>> S bindWorkOrder(S statement, StoredWorkOrder workOrder,
                                                               AuditEvent audit) {
        CallKey call = workOrder.call();
        statement.bind("id", workOrder.id()).bind("origin", workOrder.origin().name())
                .bind("server", call == null ? null : call.asteriskServer())
                .bind("linkedId", call == null ? null : call.linkedId())
                .bind("customerId", workOrder.problem().customerId())
                .bind("contractLevel", workOrder.problem().contractLevel())
                .bind("contactNumber", workOrder.problem().contactNumber())
                .bind("productLine", workOrder.problem().productLine()).bind("summary", workOrder.summary())
                .bind("category", workOrder.details().category()).bind("notes", workOrder.details().notes())
                .bind("resolutionText", workOrder.details().resolution()).bind("site", workOrder.details().site())
                .bind("severity", workOrder.severity().name()).bind("state", workOrder.state().name())
                .bind("tier", workOrder.tier().name()).bind("owner", workOrder.ownerSeatId())
                .bind("openedAt", workOrder.times().openedAt()).bind("at", audit.at())
                .bind("callbackAt", workOrder.times().callbackAt())
                .bind("respondedAt", workOrder.times().respondedAt())
                .bind("resolvedAt", workOrder.times().resolvedAt()).bind("closedAt", workOrder.times().closedAt())
                .bind("contacts", workOrder.contacts()).bind("reopens", workOrder.reopens())
                .bind("auditCount", workOrder.auditCount());
        bindClock(statement, "response", workOrder.response());
        bindClock(statement, "resolution", workOrder.resolution());
        return statement;
    }

    private static void bindClock(SqlStatement<?> statement, String prefix, SlaClockState clock) {
        statement.bind(prefix + "CountedMs", clock.counted().toMillis())
                .bind(prefix + "Since", clock.runningSince()).bind(prefix + "Stopped", clock.stopped())
                .bind(prefix + "Fired", DeskFields.mask(clock.fired())).bind(prefix + "Due", clock.dueAt());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
