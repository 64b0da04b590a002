package io.hotline.app.field;

import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.spi.FieldNotifier;
import io.hotline.web.console.ConsolePushes;
import java.util.List;
import java.util.Objects;

/**
 * Tells the field leg's people what the desk decided, live over the consoles' WebSocket ({@link ConsolePushes}),
 * after telling the durable notifiers (headquarters' alerts and follow-ups kept in the notification inbox), so that
 * a page that was closed still finds them.
 * <p>
 * Called on the service-desk thread; never blocks (pushes are queued to the connections' event loops). Thread-safe.
 */
public final class PushFieldNotifier implements FieldNotifier {
    private final List<FieldNotifier> durable;
    private final ConsolePushes pushes;

    /**
     * @param durable notifiers told first (the durable inbox), in order
     * @param pushes  the consoles' live push
     */
    public PushFieldNotifier(List<FieldNotifier> durable, ConsolePushes pushes) {
        this.durable = List.copyOf(durable);
        this.pushes = Objects.requireNonNull(pushes, "pushes");
    }

    @Override
    public void dispatchChanged(FieldCommand.DispatchChanged changed) {
        durable.forEach(notifier -> notifier.dispatchChanged(changed));
        pushes.dispatchChanged(changed.dispatch());
    }

    @Override
    public void headquartersAlert(FieldCommand.HeadquartersAlert alert) {
        durable.forEach(notifier -> notifier.headquartersAlert(alert));
        pushes.headquartersAlert(alert);
    }

    @Override
    public void followUpDue(FieldCommand.FollowUpDue due) {
        durable.forEach(notifier -> notifier.followUpDue(due));
        pushes.followUpDue(due);
    }
}
