package io.hotline.persistence.outbox;

import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WorkOrderDetails;
import io.hotline.routing.desk.WorkOrderTimes;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads the service desk back from {@code work_order}: every row not released, as the stored form the desk wrote
 * ({@link DeskWrites}; rows of earlier versions as the migration to the desk stored them), and the next id above
 * every row's. Stateless.
 */
final class StoredWorkOrders {
    private static final String HELD = "SELECT id, origin, asterisk_server, call_linkedid, caller_number,"
            + " customer_id, contract_level, product_line, summary, category, notes, resolution_text, site,"
            + " severity, state, tier, owner_seat_code,"
            + " created_at, callback_at, responded_at, resolved_at, closed_at, response_counted_ms,"
            + " response_running_since, response_stopped, response_fired, response_due_at, resolution_counted_ms,"
            + " resolution_running_since, resolution_stopped, resolution_fired, resolution_due_at, contacts, reopens,"
            + " audit_count FROM work_order WHERE released_at IS NULL ORDER BY id";

    private StoredWorkOrders() {
    }

    /** The desk as the database holds it, inside {@code handle}'s connection. */
    static StoredDesk load(Handle handle) {
        long nextId = handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM work_order").mapTo(Long.class).one();
        List<StoredWorkOrder> held = handle.createQuery(HELD).map(StoredWorkOrders::workOrder).list();
        return new StoredDesk(nextId, held);
    }

    private static StoredWorkOrder workOrder(ResultSet row, StatementContext context) throws SQLException {
        long id = row.getLong("id");
        try {
            String linkedId = row.getString("call_linkedid");
            CallKey call = linkedId == null ? null : new CallKey(row.getString("asterisk_server"), linkedId);
            CustomerProblem problem = new CustomerProblem(row.getString("caller_number"),
                    row.getObject("customer_id", Long.class), row.getString("contract_level"),
                    row.getString("product_line"));
            WorkOrderTimes times = new WorkOrderTimes(instant(row, "created_at", context),
                    instant(row, "callback_at", context), instant(row, "responded_at", context),
                    instant(row, "resolved_at", context), instant(row, "closed_at", context));
            return new StoredWorkOrder(id, origin(row.getString("origin"), call), call, problem,
                    row.getString("summary"), Severity.valueOf(row.getString("severity")),
                    WorkOrderState.valueOf(row.getString("state")), Tier.valueOf(row.getString("tier")),
                    row.getString("owner_seat_code"), times, clock(row, "response_", context),
                    clock(row, "resolution_", context), row.getInt("contacts"), row.getInt("reopens"),
                    row.getInt("audit_count"), details(row));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("work order " + id + " cannot be restored from the database: "
                    + e.getMessage(), e);
        }
    }

    private static WorkOrderDetails details(ResultSet row) throws SQLException {
        WorkOrderDetails details = new WorkOrderDetails(row.getString("category"), row.getString("notes"),
                row.getString("resolution_text"), row.getString("site"));
        return details.equals(WorkOrderDetails.NONE) ? WorkOrderDetails.NONE : details;
    }

    /** A row written without the desk (no origin) came by its call, if it has one, else by e-mail (V6). */
    private static Origin origin(String column, CallKey call) {
        if (column != null) {
            return Origin.valueOf(column);
        }
        return call == null ? Origin.EMAIL : Origin.CALL;
    }

    private static SlaClockState clock(ResultSet row, String prefix, StatementContext context) throws SQLException {
        return new SlaClockState(Duration.ofMillis(row.getLong(prefix + "counted_ms")),
                instant(row, prefix + "running_since", context), row.getBoolean(prefix + "stopped"),
                DeskFields.levels(row.getInt(prefix + "fired")), instant(row, prefix + "due_at", context));
    }

    private static Instant instant(ResultSet row, String column, StatementContext context) throws SQLException {
        return context.findColumnMapperFor(Instant.class).orElseThrow().map(row, column, context);
    }
}
