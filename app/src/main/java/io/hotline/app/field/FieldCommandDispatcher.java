package io.hotline.app.field;

import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.spi.FieldNotifier;
import io.hotline.routing.spi.FieldStore;
import java.util.Objects;

/**
 * Hands each command of the field leg to the ports that carry it out, one line per command type (CONTRIBUTING.md
 * 2): a dispatch change is stored and pushed; an SMS is stored (the sender sends what is stored); an alert and a
 * follow-up are pushed; a report is stored (the feed headquarters reads).
 * <p>
 * Confined to the service-desk thread; holds no state. The ports return at once.
 */
public final class FieldCommandDispatcher {
    private final FieldStore store;
    private final FieldNotifier notifier;
    private final Runnable smsQueued;

    /**
     * @param store     where the field leg is kept
     * @param notifier  whom it is told to
     * @param smsQueued called after an SMS was handed to the store (wakes the sender)
     */
    public FieldCommandDispatcher(FieldStore store, FieldNotifier notifier, Runnable smsQueued) {
        this.store = Objects.requireNonNull(store, "store");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.smsQueued = Objects.requireNonNull(smsQueued, "smsQueued");
    }

    /** Carries out one command. */
    public void dispatch(FieldCommand command) {
        if (command instanceof FieldCommand.DispatchChanged changed) {
            store.dispatchChanged(changed);
            notifier.dispatchChanged(changed);
        } else if (command instanceof FieldCommand.SendSms sms) {
            store.smsQueued(sms);
            smsQueued.run();
        } else if (command instanceof FieldCommand.HeadquartersAlert alert) {
            notifier.headquartersAlert(alert);
        } else if (command instanceof FieldCommand.FollowUpDue due) {
            notifier.followUpDue(due);
        } else if (command instanceof FieldCommand.ServiceReported report) {
            store.reported(report);
        } else {
            // FieldCommand is sealed: only a new command type that was not added here gets this far.
            throw new IllegalArgumentException("no port carries out " + command.getClass().getSimpleName());
        }
    }
}
