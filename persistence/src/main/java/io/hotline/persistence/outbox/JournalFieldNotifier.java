package io.hotline.persistence.outbox;

import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.spi.FieldNotifier;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The field leg's notifications in production: the same durable inbox per recipient as the desk's
 * ({@link JournalNotifier}, table {@code notification}), written through the one journal, so that an alert to
 * headquarters or a follow-up due is not lost on a crash and a console opened later still finds it.
 * <p>
 * Who is told: a dispatch change, the branch holding the order (none while it is unplaced: headquarters hears of
 * that by its alert); an alert, headquarters (the supervisors' board); a follow-up due, the branch.
 * <p>
 * Threading: called on the service-desk thread; never blocks. Thread-safe.
 */
public final class JournalFieldNotifier implements FieldNotifier {
    private final DurableRoutingJournal journal;
    private final String headquarters;
    private final InstantSource clock;

    /**
     * @param journal      the journal app started
     * @param headquarters the supervisors' address ({@code FieldConfig.headquarters()})
     * @param clock        when a change's notification is created (alerts and follow-ups carry their own times)
     */
    public JournalFieldNotifier(DurableRoutingJournal journal, String headquarters, InstantSource clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.headquarters = Objects.requireNonNull(headquarters, "headquarters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void dispatchChanged(FieldCommand.DispatchChanged changed) {
        StoredDispatch dispatch = changed.dispatch();
        String branch = dispatch.branchCode();
        if (branch == null) {
            return;
        }
        String text = changed.step().step() + ": dispatch order " + dispatch.workOrderId() + " " + dispatch.state()
                + (changed.step().detail() == null ? "" : " (" + changed.step().detail() + ")");
        Instant at = clock.instant();
        journal.append("dispatch " + dispatch.workOrderId(), sequence -> new DeskEntry.Notified(sequence,
                at, DeskEntry.RecipientKind.BRANCH, branch, DeskEntry.NotificationKind.DISPATCH_CHANGED,
                dispatch.workOrderId(), null, null, null, changed.step().step(), text));
    }

    @Override
    public void headquartersAlert(FieldCommand.HeadquartersAlert alert) {
        journal.append("dispatch " + alert.workOrderId(), sequence -> new DeskEntry.Notified(sequence, alert.at(),
                DeskEntry.RecipientKind.SUPERVISORS, headquarters, DeskEntry.NotificationKind.HQ_ALERT,
                alert.workOrderId(), null, null, null, alert.kind(), alert.text()));
    }

    @Override
    public void followUpDue(FieldCommand.FollowUpDue due) {
        String text = "Follow-up of dispatch order " + due.workOrderId() + " due (attempt " + due.attempt() + ")"
                + (due.contactNumber() == null ? "" : ": call " + due.contactNumber());
        journal.append("dispatch " + due.workOrderId(), sequence -> new DeskEntry.Notified(sequence, due.at(),
                DeskEntry.RecipientKind.BRANCH, due.branchCode(), DeskEntry.NotificationKind.FOLLOW_UP_DUE,
                due.workOrderId(), null, null, null, "FOLLOW_UP_DUE", text));
    }
}
