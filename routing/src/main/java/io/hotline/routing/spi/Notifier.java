package io.hotline.routing.spi;

import io.hotline.routing.desk.DeskCommand;

/**
 * Pushes what the service desk decided to the people concerned: seats' and supervisors' desktops and the
 * wallboard (WebSocket), branches' duty managers, later SMS. Implemented by web. Every method is an obligation:
 * an assembled Hotline cannot silently drop a warning.
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
