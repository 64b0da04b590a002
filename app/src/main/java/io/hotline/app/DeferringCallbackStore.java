package io.hotline.app;

import io.hotline.persistence.calls.JdbiCallbackStore;
import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.routing.spi.CallbackStore;
import java.time.Instant;

/**
 * The callbacks as the FastAGI {@code callback} script sees them: recorded in the database at once, and, when the
 * database does not answer or the work order id is not known yet, recorded later through the routing journal's
 * outbox by the call's linkedid, so that no promised callback is lost to an outage. Thread-safe (both parts are).
 */
final class DeferringCallbackStore implements CallbackStore {
    private final JdbiCallbackStore database;
    private final DurableRoutingJournal journal;

    DeferringCallbackStore(JdbiCallbackStore database, DurableRoutingJournal journal) {
        this.database = database;
        this.journal = journal;
    }

    @Override
    public long requestCallback(long workOrderId, String phoneNumber, Instant requestedAt, Instant dueAt) {
        return database.requestCallback(workOrderId, phoneNumber, requestedAt, dueAt);
    }

    @Override
    public boolean requestCallbackLater(String callId, String phoneNumber, Instant requestedAt, Instant dueAt) {
        journal.callbackRequested(callId, phoneNumber, requestedAt, dueAt);
        return true;
    }
}
