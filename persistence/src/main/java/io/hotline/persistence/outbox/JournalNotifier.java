package io.hotline.persistence.outbox;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.Recipient;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.spi.Notifier;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The service desk's notifications in production: a durable inbox per recipient. Each thing to tell becomes one
 * {@link DeskEntry.Notified} per recipient, handed to the one durable journal and written to {@code notification}
 * in its batches, so no warning is lost on a crash; the seat desktop and the wallboard read and push from there.
 * <p>
 * Who is told: a clock warning, each of its recipients; a work order opened or changed, its owner (when it has one)
 * and the supervisors' board ({@code supervisors}, the desk's {@code DeskConfig.supervisors()}); a refusal, the
 * person who asked (a seat, or one supervisor). A refusal of what a call or the desk itself asked is told to
 * nobody: it is kept in {@code desk_refusal} ({@link JournalServiceDeskStore#refused}).
 * <p>
 * Threading: called on the service-desk thread; never blocks (it offers to the journal's bounded queue). Thread-safe.
 */
public final class JournalNotifier implements Notifier {
    private final DurableRoutingJournal journal;
    private final String supervisors;
    private final InstantSource clock;

    /**
     * @param journal     the journal app started; the notifications go to its log
     * @param supervisors the supervisors' address, as the desk names it in its warnings' recipients
     * @param clock       when a notification is created
     */
    public JournalNotifier(DurableRoutingJournal journal, String supervisors, InstantSource clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.supervisors = Objects.requireNonNull(supervisors, "supervisors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void workOrderOpened(DeskCommand.WorkOrderOpened opened) {
        tellOwnerAndSupervisors(DeskEntry.NotificationKind.WORK_ORDER_OPENED, opened.workOrder(), opened.audit());
    }

    @Override
    public void workOrderChanged(DeskCommand.WorkOrderChanged changed) {
        tellOwnerAndSupervisors(DeskEntry.NotificationKind.WORK_ORDER_CHANGED, changed.workOrder(), changed.audit());
    }

    @Override
    public void clockWarning(DeskCommand.ClockWarning warning) {
        String text = warning.clock() + " clock of work order " + warning.workOrderId() + " at " + warning.percent()
                + " %, due " + warning.dueAt();
        for (Recipient recipient : warning.to()) {
            journal.append("work order " + warning.workOrderId(), sequence -> new DeskEntry.Notified(sequence,
                    warning.firedAt(), DeskWrites.kindOf(recipient), recipient.id(),
                    DeskEntry.NotificationKind.CLOCK_WARNING, warning.workOrderId(), warning.clock(), warning.level(),
                    warning.dueAt(), null, text));
        }
    }

    @Override
    public void refused(DeskCommand.Refused refused) {
        Actor actor = refused.actor();
        if (!actor.isPerson()) {
            return;
        }
        DeskEntry.RecipientKind kind = actor.kind() == ActorKind.SEAT ? DeskEntry.RecipientKind.SEAT
                : DeskEntry.RecipientKind.SUPERVISOR;
        Instant at = clock.instant();
        String text = refused.request() + " refused: " + refused.reason();
        journal.append(refused.subject(), sequence -> new DeskEntry.Notified(sequence, at, kind, actor.id(),
                DeskEntry.NotificationKind.REFUSED, null, null, null, null, refused.subject(), text));
    }

    private void tellOwnerAndSupervisors(DeskEntry.NotificationKind kind, StoredWorkOrder workOrder,
                                         AuditEvent audit) {
        Instant at = clock.instant();
        String text = audit.action() + " by " + audit.actor().kind() + " " + audit.actor().id() + ": "
                + audit.toState() + " on " + audit.toTier() + ", " + audit.severity()
                + (audit.why() == null ? "" : " (" + audit.why() + ")");
        List<Recipient> to = new ArrayList<>(2);
        if (workOrder.ownerSeatId() != null) {
            to.add(new Recipient(Recipient.Kind.SEAT, workOrder.ownerSeatId()));
        }
        to.add(new Recipient(Recipient.Kind.SUPERVISORS, supervisors));
        for (Recipient recipient : to) {
            journal.append("work order " + workOrder.id(), sequence -> new DeskEntry.Notified(sequence, at,
                    DeskWrites.kindOf(recipient), recipient.id(), kind, workOrder.id(), null, null, null, null, text));
        }
    }
}
