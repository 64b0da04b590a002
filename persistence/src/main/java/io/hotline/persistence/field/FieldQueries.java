package io.hotline.persistence.field;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.field.FieldStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads of the field leg for the consoles and headquarters: a dispatch order's trail, and the feed of closed
 * service events with their scores. What the journal has not written yet is not seen (a few milliseconds, or the
 * length of a database outage). Blocking; thread-safe.
 */
public final class FieldQueries {
    private final Jdbi jdbi;

    /** @param jdbi Hotline's database ({@code Database.jdbi()}) */
    public FieldQueries(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** The trail of dispatch order {@code workOrderId}, in order; empty when there is none. */
    public List<FieldStep> trail(long workOrderId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT work_order_id, sequence, at, actor_kind, actor,"
                        + " step, detail FROM field_step WHERE work_order_id = :id ORDER BY sequence")
                .bind("id", workOrderId)
                .map((row, context) -> new FieldStep(row.getLong("work_order_id"), row.getInt("sequence"),
                        instant(row, "at", context), new Actor(ActorKind.valueOf(row.getString("actor_kind")),
                        row.getString("actor")), row.getString("step"), row.getString("detail")))
                .list());
    }

    /** The service events reported from {@code from} (inclusive) to {@code to} (exclusive), in that order. */
    public List<FieldReportRow> reports(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM field_report WHERE reported_at >= :from"
                        + " AND reported_at < :to ORDER BY reported_at, work_order_id")
                .bind("from", from).bind("to", to)
                .map((row, context) -> new FieldReportRow(row.getLong("work_order_id"), row.getString("branch_code"),
                        row.getString("engineer_code"), row.getString("product_line"), row.getString("site_region"),
                        row.getInt("legs"), row.getObject("distance_km", Double.class),
                        instant(row, "opened_at", context), instant(row, "acknowledged_at", context),
                        instant(row, "assigned_at", context), instant(row, "appointment_at", context),
                        instant(row, "arrived_at", context), instant(row, "completed_at", context),
                        instant(row, "closed_at", context), row.getObject("satisfaction", Integer.class),
                        row.getObject("follow_up_attempts", Integer.class), row.getInt("score_total"),
                        row.getObject("score_satisfaction", Integer.class), row.getInt("score_punctuality"),
                        row.getInt("score_deadlines"), instant(row, "reported_at", context)))
                .list());
    }

    private static Instant instant(ResultSet row, String column, StatementContext context) throws SQLException {
        return context.findColumnMapperFor(Instant.class).orElseThrow().map(row, column, context);
    }
}
