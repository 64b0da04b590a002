package io.hotline.routing.desk;

import io.hotline.routing.field.FieldCommand;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the service desk decided. A command may go to several ports: a work order opened or changed is stored
 * ({@link io.hotline.routing.spi.ServiceDeskStore}) and pushed to desktops ({@link io.hotline.routing.spi.Notifier});
 * a warning too. Immutable.
 */
public sealed interface DeskCommand {

    /** A work order was opened: insert it with its id, append the first audit event, tell its owner. */
    record WorkOrderOpened(StoredWorkOrder workOrder, AuditEvent audit) implements DeskCommand {
        public WorkOrderOpened {
            Objects.requireNonNull(workOrder, "workOrder");
            Objects.requireNonNull(audit, "audit");
        }
    }

    /** A work order changed: store its new form (due times included), append the audit event, push it. */
    record WorkOrderChanged(StoredWorkOrder workOrder, AuditEvent audit) implements DeskCommand {
        public WorkOrderChanged {
            Objects.requireNonNull(workOrder, "workOrder");
            Objects.requireNonNull(audit, "audit");
        }
    }

    /**
     * A clock reached a warning level: warn the owner and the supervisors, and record that it fired (it never
     * fires again, even after a restart).
     *
     * @param workOrderId the work order
     * @param clock       which clock
     * @param level       50 %, 75 % or breach
     * @param dueAt       when the level was due
     * @param firedAt     when it fired: {@code dueAt}, or later when the desk was down at {@code dueAt}
     * @param ownerSeatId the work order's owner, or {@code null}
     * @param to          whom to warn
     */
    record ClockWarning(long workOrderId, ClockKind clock, WarningLevel level, Instant dueAt, Instant firedAt,
                        String ownerSeatId, List<Recipient> to) implements DeskCommand {
        public ClockWarning {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(firedAt, "firedAt");
            to = List.copyOf(to);
        }

        /** The share of the clock's target reached: 50, 75 or 100. */
        public int percent() {
            return level.percent();
        }
    }

    /**
     * The desk released a closed work order whose reopen window ended: it no longer holds it, and the store no
     * longer loads it on restore.
     */
    record WorkOrderReleased(long workOrderId, Instant at) implements DeskCommand {
        public WorkOrderReleased {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The desk refused a request and changed nothing.
     *
     * @param subject the work order id or the call the request was about
     * @param request what was asked (the event's name)
     * @param reason  why it was refused, in words for the person who asked
     * @param actor   who asked
     */
    record Refused(String subject, String request, String reason, Actor actor) implements DeskCommand {
        public Refused {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** What the field leg decided (a dispatch change, an SMS to send, an alert, a follow-up due, a report). */
    record Field(FieldCommand command) implements DeskCommand {
        public Field {
            Objects.requireNonNull(command, "command");
        }
    }
}
