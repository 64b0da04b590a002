package io.hotline.persistence.outbox;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WarningLevel;
import java.time.Instant;
import java.util.Objects;

/**
 * The service desk's entries in the one journal: what {@link JournalServiceDeskStore} and {@link JournalNotifier}
 * hand over on the service-desk thread, numbered in the same order as routing's entries. Each carries the stored
 * form the desk computed and writes it on its own line ({@link DeskFields}); the database writer writes it as it
 * is. Immutable.
 */
sealed interface DeskEntry extends JournalEntry {

    /** The work order the entry is about, or {@code null} (a refusal, a notification about no work order). */
    Long workOrderId();

    /** The desk opened a work order: insert it with its id, and its first audit event. */
    record Opened(long sequence, Instant occurredAt, StoredWorkOrder workOrder, AuditEvent audit)
            implements DeskEntry {
        static final String KIND = "DeskOpened";

        public Opened {
            Objects.requireNonNull(workOrder, "workOrder");
            Objects.requireNonNull(audit, "audit");
        }

        static Opened read(long sequence, Instant at, JournalLine.Reader line) {
            StoredWorkOrder workOrder = DeskFields.readWorkOrder(line);
            AuditEvent audit = DeskFields.readAudit(line);
            return new Opened(sequence, at, DeskFields.readDetails(line, workOrder), audit);
        }

        @Override
        public Long workOrderId() {
            return workOrder.id();
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            DeskFields.write(line, workOrder);
            DeskFields.write(line, audit);
            DeskFields.writeDetails(line, workOrder.details());
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deskOpened(this);
        }
    }

    /** A work order changed: its new stored form replaces the old, and the audit event is appended. */
    record Changed(long sequence, Instant occurredAt, StoredWorkOrder workOrder, AuditEvent audit)
            implements DeskEntry {
        static final String KIND = "DeskChanged";

        public Changed {
            Objects.requireNonNull(workOrder, "workOrder");
            Objects.requireNonNull(audit, "audit");
        }

        static Changed read(long sequence, Instant at, JournalLine.Reader line) {
            StoredWorkOrder workOrder = DeskFields.readWorkOrder(line);
            AuditEvent audit = DeskFields.readAudit(line);
            return new Changed(sequence, at, DeskFields.readDetails(line, workOrder), audit);
        }

        @Override
        public Long workOrderId() {
            return workOrder.id();
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            DeskFields.write(line, workOrder);
            DeskFields.write(line, audit);
            DeskFields.writeDetails(line, workOrder.details());
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deskChanged(this);
        }
    }

    /** Warning {@code level} of clock {@code clock} fired at {@code occurredAt} (due at {@code dueAt}). */
    record WarningFired(long sequence, Instant occurredAt, long workOrder, ClockKind clock, WarningLevel level,
                        Instant dueAt) implements DeskEntry {
        static final String KIND = "WarningFired";

        public WarningFired {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        static WarningFired read(long sequence, Instant at, JournalLine.Reader line) {
            return new WarningFired(sequence, at, line.number(), line.value(ClockKind.class),
                    line.value(WarningLevel.class), line.instant());
        }

        @Override
        public Long workOrderId() {
            return workOrder;
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.number(workOrder).value(clock).value(level).instant(dueAt);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.warningFired(this);
        }
    }

    /** The desk released the work order at {@code occurredAt}: no longer loaded on restore. */
    record Released(long sequence, Instant occurredAt, long workOrder) implements DeskEntry {
        static final String KIND = "Released";

        static Released read(long sequence, Instant at, JournalLine.Reader line) {
            return new Released(sequence, at, line.number());
        }

        @Override
        public Long workOrderId() {
            return workOrder;
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.number(workOrder);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.released(this);
        }
    }

    /** The desk refused {@code actor}'s {@code request} about {@code subject}, for {@code reason}. */
    record Refused(long sequence, Instant occurredAt, String subject, String request, String reason, Actor actor)
            implements DeskEntry {
        static final String KIND = "DeskRefused";

        public Refused {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(actor, "actor");
        }

        static Refused read(long sequence, Instant at, JournalLine.Reader line) {
            return new Refused(sequence, at, line.text(), line.text(), line.text(),
                    new Actor(line.value(ActorKind.class), line.text()));
        }

        @Override
        public Long workOrderId() {
            return null;
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.text(subject).text(request).text(reason).value(actor.kind()).text(actor.id());
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deskRefused(this);
        }
    }

    /** Who a notification is for, as {@code notification.recipient_kind} holds it. */
    enum RecipientKind {
        /** A seat's desktop. */
        SEAT,
        /** One supervisor (who asked for something the desk refused). */
        SUPERVISOR,
        /** The supervisors' board (their desktops and the wallboard): headquarters. */
        SUPERVISORS,
        /** A branch's console (its duty managers), by branch code. */
        BRANCH
    }

    /** What a notification tells, as {@code notification.kind} holds it. */
    enum NotificationKind {
        WORK_ORDER_OPENED,
        WORK_ORDER_CHANGED,
        CLOCK_WARNING,
        REFUSED,
        /** A dispatch order reached a branch or changed there. */
        DISPATCH_CHANGED,
        /** Headquarters is alerted (re-dispatch, unplaced, assignment late, follow-up unreachable). */
        HQ_ALERT,
        /** A follow-up call is due on the branch's console. */
        FOLLOW_UP_DUE
    }

    /**
     * Tell one recipient one thing: its row in {@code notification}. The fields a kind does not use are
     * {@code null}: a clock warning has {@code clock}, {@code level} and {@code dueAt}; a refusal {@code subject};
     * {@code text} says the rest in words.
     */
    record Notified(long sequence, Instant occurredAt, RecipientKind recipientKind, String recipientId,
                    NotificationKind notification, Long workOrderId, ClockKind clock, WarningLevel level,
                    Instant dueAt, String subject, String text) implements DeskEntry {
        static final String KIND = "Notified";

        public Notified {
            Objects.requireNonNull(recipientKind, "recipientKind");
            Objects.requireNonNull(recipientId, "recipientId");
            Objects.requireNonNull(notification, "notification");
        }

        static Notified read(long sequence, Instant at, JournalLine.Reader line) {
            return new Notified(sequence, at, line.value(RecipientKind.class), line.text(),
                    line.value(NotificationKind.class), line.number(), line.value(ClockKind.class),
                    line.value(WarningLevel.class), line.optionalInstant(), line.text(), line.text());
        }

        @Override
        public void writeFields(JournalLine.Writer line) {
            line.value(recipientKind).text(recipientId).value(notification).number(workOrderId).value(clock)
                    .value(level).optionalInstant(dueAt).text(subject).text(text);
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notified(this);
        }
    }
}
