package io.hotline.persistence.testing;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** What tests read back of a work order: its trail of actions and its state. Stateless. */
public final class WorkOrderTrail {
    private WorkOrderTrail() {
    }

    /** The work order's event actions in the order they were written. */
    public static List<String> actions(Jdbi jdbi, long workOrder) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "SELECT action FROM work_order_event WHERE work_order_id = :id ORDER BY id").bind("id", workOrder)
                .mapTo(String.class).list());
    }

    /** The work order's state. */
    public static String state(Jdbi jdbi, long workOrder) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT state FROM work_order WHERE id = :id")
                .bind("id", workOrder).mapTo(String.class).one());
    }
}
