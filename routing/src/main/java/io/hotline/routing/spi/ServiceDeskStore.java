package io.hotline.routing.spi;

import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.StoredDesk;

/**
 * Keeps the service desk's work orders, their audit trails and the warnings fired, so that a restart (even after
 * {@code kill -9}) restores the desk exactly: {@link #load()} returns what the writes carried. Implemented by
 * persistence. The store holds no business rule: it writes the stored form the desk computed and loads every work
 * order not yet released; no state names are compared.
 * <p>
 * Threading: the writes are called on the {@code service-desk} thread at the end of each batch, in order; they
 * must not block (an implementation appends them, in order, to its durable journal and writes on its own
 * executor). What a crash takes before the journal's log has it is lost as a whole, never in part: the restored
 * desk then decides it again (a warning not yet logged fires again, once; an opening is redone from the call's
 * JOINED entry at start). {@link #load()} blocks and is called once, at start, before the loop runs.
 * Implementations are thread-safe.
 */
public interface ServiceDeskStore {

    /** Inserts the work order with the id the desk allocated, and its first audit event. */
    void opened(DeskCommand.WorkOrderOpened opened);

    /** Replaces the work order's stored form (due times included) and appends the audit event. */
    void changed(DeskCommand.WorkOrderChanged changed);

    /** Records that the warning fired ({@code StoredWorkOrder#withFired}); it is never fired again. */
    void warningFired(DeskCommand.ClockWarning warning);

    /** The desk no longer holds the work order: {@link #load()} no longer returns it (the rows stay). */
    void released(DeskCommand.WorkOrderReleased released);

    /** Keeps a refused request for the supervisor and the audit. */
    void refused(DeskCommand.Refused refused);

    /**
     * Every work order not released, in its latest stored form with the warnings fired, and the next id (above
     * every id ever opened). Blocks on I/O.
     */
    StoredDesk load();
}
