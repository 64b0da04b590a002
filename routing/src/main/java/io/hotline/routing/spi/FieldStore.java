package io.hotline.routing.spi;

import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.StoredDispatch;
import java.util.List;

/**
 * Keeps the field leg: dispatch orders in their latest stored form with their trail, the SMS to send (stored before
 * they are sent, once per {@code (workOrderId, key)}), and the reports to headquarters, so that a restart (even
 * after {@code kill -9}) restores every open dispatch with its deadlines. Implemented by persistence through the
 * same durable journal as the work orders, so a dispatch change is never written before the work order change the
 * desk emitted before it. Holds no business rule.
 * <p>
 * Threading: the writes are called on the {@code service-desk} thread at the end of each batch, in order, and do not
 * block. {@link #load()} blocks and is called once, at start. Thread-safe.
 */
public interface FieldStore {

    /** Inserts or replaces the dispatch order's stored form and appends its step. */
    void dispatchChanged(FieldCommand.DispatchChanged changed);

    /** Stores the SMS as queued (a second one with the same order and key is ignored); a sender sends it. */
    void smsQueued(FieldCommand.SendSms sms);

    /** Records the closed service event with its score: the feed headquarters' wallboard and report read. */
    void reported(FieldCommand.ServiceReported report);

    /** Every dispatch order not closed or cancelled, in its latest stored form. Blocks on I/O. */
    List<StoredDispatch> load();
}
