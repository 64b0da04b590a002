package io.hotline.app;

import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.spi.Notifier;
import io.hotline.routing.spi.ServiceDeskStore;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hands each command of the service desk to the ports that carry it out: one line per command type, nothing else
 * (CONTRIBUTING.md 2). What the desk decided about a work order is kept ({@link ServiceDeskStore}) and pushed to the
 * people concerned ({@link Notifier}): an opening, a change, a warning and a refusal go to both; a release only
 * to the store (nobody is told that the desk forgot a closed work order). Every command also goes first to the read
 * models of the people's side (the open work orders), which remember it and push it to desktops.
 * <p>
 * Confined to the service-desk thread; holds no state. The ports return at once (they hand I/O to their own
 * threads).
 */
final class DeskCommandDispatcher {
    private final ServiceDeskStore store;
    private final Notifier notifier;
    private final Consumer<DeskCommand> readModels;

    private final Consumer<FieldCommand> field;

    /** A dispatcher for a desk without a field leg's ports (a field command then fails, loudly). */
    DeskCommandDispatcher(ServiceDeskStore store, Notifier notifier) {
        this(store, notifier, command -> { }, command -> {
            throw new IllegalStateException("no field leg is wired to carry out " + command);
        });
    }

    /**
     * @param readModels the people's read models, told every command first
     * @param field      carries out the field leg's commands ({@code FieldCommandDispatcher})
     */
    DeskCommandDispatcher(ServiceDeskStore store, Notifier notifier, Consumer<DeskCommand> readModels,
                          Consumer<FieldCommand> field) {
        this.store = Objects.requireNonNull(store, "store");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.readModels = Objects.requireNonNull(readModels, "readModels");
        this.field = Objects.requireNonNull(field, "field");
    }

    void dispatch(DeskCommand command) {
        readModels.accept(command);
        if (command instanceof DeskCommand.WorkOrderOpened opened) {
            store.opened(opened);
            notifier.workOrderOpened(opened);
        } else if (command instanceof DeskCommand.WorkOrderChanged changed) {
            store.changed(changed);
            notifier.workOrderChanged(changed);
        } else if (command instanceof DeskCommand.ClockWarning warning) {
            store.warningFired(warning);
            notifier.clockWarning(warning);
        } else if (command instanceof DeskCommand.WorkOrderReleased released) {
            store.released(released);
        } else if (command instanceof DeskCommand.Refused refused) {
            store.refused(refused);
            notifier.refused(refused);
        } else if (command instanceof DeskCommand.Field fieldCommand) {
            field.accept(fieldCommand.command());
        } else {
            // DeskCommand is sealed: only a new command type that was not added here gets this far.
            throw new IllegalArgumentException("no port carries out " + command.getClass().getSimpleName());
        }
    }
}
