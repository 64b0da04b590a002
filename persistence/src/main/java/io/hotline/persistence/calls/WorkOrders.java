package io.hotline.persistence.calls;

import org.jdbi.v3.core.Handle;

/** Small work-order look-ups shared by this package. */
final class WorkOrders {

    private WorkOrders() {
    }

    static boolean exists(Handle handle, long workOrderId) {
        return handle.createQuery("SELECT COUNT(*) FROM work_order WHERE id = :id").bind("id", workOrderId)
                .mapTo(Integer.class).one() > 0;
    }
}
