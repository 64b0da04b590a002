package io.hotline.routing.spi;

import io.hotline.routing.desk.DeskCommand;

/**
 * Tells the people concerned what the service desk decided: seats' and supervisors' desktops and the wallboard,
 * branches' duty managers, later SMS. Implemented today by persistence's {@code JournalNotifier}: a durable inbox
 * per recipient (table {@code notification}, written through the journal, so a warning survives a crash), which
 * the desktops and the wallboard read and push over their WebSocket. Every method is an obligation: an assembled
 * Hotline cannot silently drop a warning.
 * <p>
 * Threading: called on the {@code service-desk} thread at the end of each batch, in the order the desk emitted
 * the commands. Implementations must not block: a push is queued to the implementation's own threads. A method
 * that throws is logged and counted; the desk goes on. Implementations are thread-safe.
 */
public interface Notifier {

    /** A work order was opened: tell its owner (when it has one) and the supervisors' board. */
    void workOrderOpened(DeskCommand.WorkOrderOpened opened);

    /** A work order changed (state, tier, severity and due times, owner): tell whoever shows it. */
    void workOrderChanged(DeskCommand.WorkOrderChanged changed);

    /** A clock reached 50 %, 75 % or breach: warn every {@link DeskCommand.ClockWarning#to() recipient}. */
    void clockWarning(DeskCommand.ClockWarning warning);

    /** A person's request was refused: tell that person why. */
    void refused(DeskCommand.Refused refused);
}
