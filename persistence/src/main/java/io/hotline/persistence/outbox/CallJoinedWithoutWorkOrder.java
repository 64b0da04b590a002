package io.hotline.persistence.outbox;

import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A call that joined (its first {@code call_record} row, the caller's channel) and has no work order: what app
 * tells the desk arrived at start ({@code DeskEvent.CallArrived}) after a crash between the call engine and the
 * desk. The severity is not recorded with the call: app gives the desk the one it gives any call of the customer.
 * Immutable.
 *
 * @param call     the call
 * @param joinedAt when it entered Hotline
 * @param queue    the queue it joined
 * @param problem  who called and about what, as far as the call's record knows: the caller's number, the
 *                 recognised customer and their contract level, the product line routing used
 */
public record CallJoinedWithoutWorkOrder(CallKey call, Instant joinedAt, String queue, CustomerProblem problem) {

    private static final String ORPHANS = "SELECT cr.asterisk_server, cr.linkedid, cr.joined_at, cr.queue,"
            + " cr.caller_number, cr.customer_id, c.contract_level, cr.product_line FROM call_record cr"
            + " LEFT JOIN customer c ON c.id = cr.customer_id"
            + " WHERE cr.asterisk_server = :server AND cr.joined_at >= :since"
            + " AND cr.id = (SELECT MIN(first.id) FROM call_record first WHERE first.asterisk_server ="
            + " cr.asterisk_server AND first.linkedid = cr.linkedid)"
            + " AND NOT EXISTS (SELECT 1 FROM work_order wo WHERE wo.asterisk_server = cr.asterisk_server"
            + " AND wo.call_linkedid = cr.linkedid)"
            + " ORDER BY cr.joined_at, cr.id";

    public CallJoinedWithoutWorkOrder {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(problem, "problem");
    }

    static List<CallJoinedWithoutWorkOrder> find(Handle handle, String asteriskServer, Instant since) {
        return handle.createQuery(ORPHANS).bind("server", asteriskServer).bind("since", since)
                .map(CallJoinedWithoutWorkOrder::of).list();
    }

    private static CallJoinedWithoutWorkOrder of(ResultSet row, StatementContext context) throws SQLException {
        Instant joinedAt = context.findColumnMapperFor(Instant.class).orElseThrow().map(row, "joined_at", context);
        return new CallJoinedWithoutWorkOrder(new CallKey(row.getString("asterisk_server"), row.getString("linkedid")),
                joinedAt, row.getString("queue"), new CustomerProblem(row.getString("caller_number"),
                row.getObject("customer_id", Long.class), row.getString("contract_level"),
                row.getString("product_line")));
    }
}
