package io.hotline.persistence.dao;

/**
 * The select list that maps a {@code work_order} row onto routing's
 * {@link io.hotline.routing.workorder.WorkOrder} with Jdbi's {@code ConstructorMapper}, shared by every query
 * that returns work orders so they all read the same shape. A compile-time constant, for use in SQL
 * annotations. Stateless.
 */
public final class WorkOrderColumns {
    /** Columns of {@code work_order wo}, aliased to {@code WorkOrder}'s components. */
    public static final String SELECT_LIST = "wo.id, wo.asterisk_server, wo.call_linkedid AS linked_id,"
            + " wo.customer_id, wo.caller_number, wo.severity, wo.state, wo.tier, wo.owner_seat_id, wo.created_at,"
            + " wo.response_due_at, wo.resolution_due_at, wo.version";

    private WorkOrderColumns() {
    }
}
