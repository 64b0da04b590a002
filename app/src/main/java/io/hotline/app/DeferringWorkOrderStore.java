package io.hotline.app;

import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.spi.WorkOrderStore;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.OpenedWorkOrder;

/**
 * The work orders as the FastAGI scripts see them: opened in the database at once, and, when the database does
 * not answer, opened later through the routing journal's outbox, ahead of what routing records for the call, so
 * that callers are routed through a database outage. Thread-safe (both parts are).
 */
final class DeferringWorkOrderStore implements WorkOrderStore {
    private final JdbiWorkOrderStore database;
    private final DurableRoutingJournal journal;

    DeferringWorkOrderStore(JdbiWorkOrderStore database, DurableRoutingJournal journal) {
        this.database = database;
        this.journal = journal;
    }

    @Override
    public OpenedWorkOrder openForCall(CallWorkOrderRequest request) {
        return database.openForCall(request);
    }

    @Override
    public boolean openLater(CallWorkOrderRequest request) {
        journal.workOrderRequested(request);
        return true;
    }
}
