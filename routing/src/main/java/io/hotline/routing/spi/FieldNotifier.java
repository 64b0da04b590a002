package io.hotline.routing.spi;

import io.hotline.routing.field.FieldCommand;

/**
 * Tells the people of the field leg what the desk decided: the branch's duty managers' consoles, headquarters (the
 * supervisors' board), durably where it is a warning. Every method is an obligation.
 * <p>
 * Threading: called on the {@code service-desk} thread at the end of each batch, in order; must not block.
 * Thread-safe.
 */
public interface FieldNotifier {

    /** A dispatch order opened or changed: push it to its branch's consoles and headquarters' board. */
    void dispatchChanged(FieldCommand.DispatchChanged changed);

    /** Alert headquarters (re-dispatch, unplaced, assignment warning and breach, unreachable follow-up). */
    void headquartersAlert(FieldCommand.HeadquartersAlert alert);

    /** The follow-up is due: a task on the branch's console (and, with AMI, the call can be originated). */
    void followUpDue(FieldCommand.FollowUpDue due);
}
