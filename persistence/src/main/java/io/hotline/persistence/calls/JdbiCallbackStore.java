package io.hotline.persistence.calls;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.CallbackDao;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.routing.spi.CallbackStore;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Records callbacks on the caller's work order, with an audit event, in one transaction. Thread-safe. */
public final class JdbiCallbackStore implements CallbackStore {
    private final Jdbi jdbi;

    public JdbiCallbackStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long requestCallback(long workOrderId, String phoneNumber, Instant requestedAt, Instant dueAt) {
        return jdbi.inTransaction(handle -> WorkOrders.exists(handle, workOrderId)
                ? recordIn(handle, workOrderId, phoneNumber, requestedAt, dueAt) : -1L);
    }

    /**
     * This store writes at once and keeps no log of its own, so it cannot defer: false, the callback is not
     * promised. Hotline defers through the routing journal ({@code DeferringStores} in app).
     */
    @Override
    public boolean requestCallbackLater(String callId, String phoneNumber, Instant requestedAt, Instant dueAt) {
        return false;
    }

    /**
     * Inside the caller's transaction: the callback on an existing work order and its {@code CALLBACK_REQUESTED}
     * event; returns the callback's id. Also used by the outbox for callbacks recorded after an outage.
     */
    public static long recordIn(Handle handle, long workOrderId, String phoneNumber, Instant requestedAt,
                                Instant dueAt) {
        long id = handle.attach(CallbackDao.class).request(workOrderId, phoneNumber, requestedAt, dueAt);
        handle.attach(WorkOrderEventDao.class).append(new WorkOrderEventRow(0, workOrderId, requestedAt,
                ActorKind.CUSTOMER, "ivr", "CALLBACK_REQUESTED", null, null, null, null,
                "callback to the caller's number, due " + dueAt));
        return id;
    }
}
