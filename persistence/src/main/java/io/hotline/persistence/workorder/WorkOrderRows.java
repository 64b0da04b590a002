package io.hotline.persistence.workorder;

import io.hotline.persistence.dao.WorkOrderColumns;
import io.hotline.routing.sla.SlaDeadlines;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.WorkOrder;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code work_order} statements behind {@link JdbiWorkOrderStore}. Not API; confined to one handle. */
@RegisterConstructorMapper(WorkOrder.class)
interface WorkOrderRows {

    /**
     * Inserts the work order of a call in state NEW; fails with a duplicate on {@code uq_work_order_call}. As the
     * migration to the service desk stores the work orders of earlier versions: both clocks running from the
     * opening, the customer's contract level.
     */
    @SqlUpdate("INSERT INTO work_order (origin, asterisk_server, call_linkedid, customer_id, contract_level,"
            + " caller_number, severity, state, tier, created_at, updated_at, response_due_at, resolution_due_at,"
            + " response_running_since, resolution_running_since)"
            + " VALUES ('CALL', :r.asteriskServer, :r.linkedId, :r.customerId,"
            + " (SELECT c.contract_level FROM customer c WHERE c.id = :r.customerId), :r.callerNumber, :r.severity,"
            + " 'NEW', :r.tier, :r.openedAt, :r.openedAt, :due.responseDueAt, :due.resolutionDueAt, :r.openedAt,"
            + " :r.openedAt)")
    @GetGeneratedKeys("id")
    long insertForCall(@BindMethods("r") CallWorkOrderRequest request, @BindMethods("due") SlaDeadlines deadlines);

    @SqlQuery("SELECT " + WorkOrderColumns.SELECT_LIST + " FROM work_order wo WHERE wo.id = :id")
    Optional<WorkOrder> find(@Bind("id") long id);

    @SqlQuery("SELECT " + WorkOrderColumns.SELECT_LIST + " FROM work_order wo"
            + " WHERE wo.asterisk_server = :server AND wo.call_linkedid = :linkedId")
    Optional<WorkOrder> findByCall(@Bind("server") String asteriskServer, @Bind("linkedId") String linkedId);
}
