package io.hotline.persistence.outbox;

import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.FollowUp;
import io.hotline.routing.field.GeoPoint;
import io.hotline.routing.field.Site;
import io.hotline.routing.field.StoredDispatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads the field leg's stored forms back from {@code field_dispatch} and {@code field_dispatch_leg}: the dispatch
 * orders not closed nor cancelled, as the desk last stored them. The query reads those without {@code closed_at}
 * (the desk sets it on closing and cancelling, so the restore does not read every dispatch ever stored); a row
 * closed or cancelled without it is left out as well. Stateless.
 */
final class StoredDispatches {

    private StoredDispatches() {
    }

    /** Every dispatch order without {@code closed_at}, by work order id, with its legs in order. */
    static List<StoredDispatch> open(Handle handle) {
        Map<Long, List<DispatchLeg>> legs = new HashMap<>();
        handle.createQuery("SELECT l.* FROM field_dispatch_leg l JOIN field_dispatch d"
                        + " ON d.work_order_id = l.work_order_id WHERE d.closed_at IS NULL"
                        + " ORDER BY l.work_order_id, l.number")
                .map((row, context) -> {
                    ColumnMapper<Instant> instants = instants(context);
                    legs.computeIfAbsent(row.getLong("work_order_id"), id -> new ArrayList<>())
                            .add(new DispatchLeg(row.getInt("number"), row.getString("branch_code"),
                                    row.getDouble("distance_km"), instant(instants, row, "sent_at", context),
                                    instant(instants, row, "ack_due_at", context),
                                    instant(instants, row, "acknowledged_at", context),
                                    instant(instants, row, "expired_at", context)));
                    return row.getLong("work_order_id");
                })
                .list();
        return handle.createQuery("SELECT * FROM field_dispatch WHERE closed_at IS NULL ORDER BY work_order_id")
                .map((row, context) -> dispatch(row, context, legs.getOrDefault(row.getLong("work_order_id"),
                        List.of())))
                .filter(StoredDispatches::isOpen)
                .list();
    }

    /** What the port promises, whatever {@code closed_at} says: neither closed nor cancelled. */
    private static boolean isOpen(StoredDispatch dispatch) {
        return dispatch.state() != DispatchState.CLOSED && dispatch.state() != DispatchState.CANCELLED;
    }

    private static StoredDispatch dispatch(ResultSet row, StatementContext context, List<DispatchLeg> legs)
            throws SQLException {
        long id = row.getLong("work_order_id");
        ColumnMapper<Instant> instants = instants(context);
        try {
            Double latitude = (Double) row.getObject("site_latitude", Double.class);
            Double longitude = (Double) row.getObject("site_longitude", Double.class);
            Site site = new Site(row.getString("site_address"),
                    latitude == null || longitude == null ? null : new GeoPoint(latitude, longitude),
                    row.getString("site_region"));
            Instant followUpDue = instant(instants, row, "follow_up_due_at", context);
            FollowUp followUp = followUpDue == null ? null : new FollowUp(followUpDue,
                    row.getInt("follow_up_attempts"), row.getObject("follow_up_satisfaction", Integer.class),
                    row.getString("follow_up_comment"), instant(instants, row, "follow_up_recorded_at", context),
                    row.getString("follow_up_recorded_by"));
            Integer total = row.getObject("score_total", Integer.class);
            FieldScore score = total == null ? null : new FieldScore(total,
                    row.getObject("score_satisfaction", Integer.class), row.getInt("score_punctuality"),
                    row.getInt("score_deadlines"));
            return new StoredDispatch(id, site, row.getString("product_line"), row.getString("contact_number"),
                    DispatchState.valueOf(row.getString("state")), instant(instants, row, "opened_at", context),
                    FieldFields.ranking(row.getString("ranking")), legs, row.getString("engineer_code"),
                    instant(instants, row, "assign_due_at", context), instant(instants, row, "assigned_at", context),
                    instant(instants, row, "appointment_at", context), instant(instants, row, "arrived_at", context),
                    instant(instants, row, "completed_at", context), row.getString("completion_note"), followUp,
                    score, instant(instants, row, "closed_at", context), row.getInt("fired"), row.getInt("steps"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("dispatch order " + id + " cannot be read back: " + e.getMessage(), e);
        }
    }

    private static ColumnMapper<Instant> instants(StatementContext context) {
        return context.findColumnMapperFor(Instant.class).orElseThrow();
    }

    private static Instant instant(ColumnMapper<Instant> instants, ResultSet row, String column,
                                   StatementContext context) throws SQLException {
        return instants.map(row, column, context);
    }
}
