package io.hotline.persistence.figures;

import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.internal.UtcInstants;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.ServiceFigures;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * First-contact resolution and the share solved without a visit for a period, from the work orders the database
 * holds, as {@link ServiceFigures} computes them; read-only.
 * <p>
 * <b>The period</b> {@code [from, to)} is by resolution time: it counts the work orders whose first resolution
 * (the first {@code RESOLVED} event of the desk's audit trail) lies in it, wherever they were opened; a work order
 * reopened and resolved again counts once, in the period of its first resolution. A repeat call after the period
 * still counts against a work order resolved in it, so a period's figures settle only at
 * {@link PeriodFigures#settledAt()}.
 * <p>
 * <b>What is read:</b> the desk's audit trail ({@code work_order_event} rows with a {@code sequence}; routing's rows
 * have none) of every work order with a desk event in the period, and the opening (customer, product line,
 * {@code created_at}) of every work order of the same customer and product line opened from the earliest of them
 * until the period's end plus the window, the repeat calls among them; a work order of an earlier version, without
 * a desk trail, counts only as such a repeat. The SQL selects these rows and decides nothing: which event is the
 * first resolution, which contact, reopen or repeat call undoes first-contact resolution and which tiers are a
 * visit, {@link ServiceFigures} decides. A customer the database does not know is stored without one
 * ({@code customer_id} NULL): such a work order is linked to no repeat call.
 * <p>
 * <b>Memory:</b> the rows are streamed in customer order and folded one customer at a time
 * ({@link CustomerHistories}), so a year's work orders (about 400,000) cost one customer's histories in memory,
 * not the year's. Instants are bound as UTC strings ({@link UtcInstants}: mysql-connector-j truncates bound
 * instants to seconds on MariaDB), the period's bounds taken to the millisecond, as the database keeps times.
 * <p>
 * Thread-safe; {@link #forPeriod} blocks on I/O for as long as the rows take to stream: call it from a report's or
 * a persistence executor, never from an engine thread or an event loop.
 */
public final class ServiceFiguresQuery {
    private static final String SELECT = "WITH period AS ("
            + "SELECT DISTINCT work_order_id AS id FROM work_order_event"
            + " WHERE sequence IS NOT NULL AND occurred_at >= :from AND occurred_at < :to),"
            + " customer_line AS (SELECT w.customer_id, w.product_line, MIN(w.created_at) AS since"
            + " FROM work_order w JOIN period p ON p.id = w.id WHERE w.customer_id IS NOT NULL"
            + " GROUP BY w.customer_id, w.product_line),"
            + " chosen AS (SELECT id FROM period UNION SELECT w.id FROM work_order w JOIN customer_line cl"
            + " ON cl.customer_id = w.customer_id AND cl.product_line <=> w.product_line"
            + " WHERE w.created_at >= cl.since AND w.created_at < :linkedUntil)"
            + " SELECT w.id, w.customer_id, w.product_line, w.created_at, e.sequence, e.occurred_at, e.actor_kind,"
            + " e.actor, e.action, e.reason, e.from_state, e.to_state, e.from_tier, e.to_tier, e.severity,"
            + " e.owner_seat_code, e.contacts"
            + " FROM chosen c JOIN work_order w ON w.id = c.id"
            + " LEFT JOIN work_order_event e ON e.work_order_id = w.id AND e.sequence IS NOT NULL"
            + " ORDER BY w.customer_id, w.id, e.sequence";
    /** Streamed: MySQL Connector/J sends rows one by one only for this fetch size. */
    private static final int STREAM = Integer.MIN_VALUE;
    private static final ColumnMapper<Instant> INSTANTS = UtcInstants.columnMapper();

    private final Jdbi jdbi;
    private final Duration repeatWindow;

    /**
     * @param jdbi         the database (any Jdbi: instants are bound and read here as UTC)
     * @param repeatWindow how long after a resolution a repeat call or reopen undoes first-contact resolution: the
     *                     business's is {@link ServiceFigures#REPEAT_WINDOW}
     */
    public ServiceFiguresQuery(Jdbi jdbi, Duration repeatWindow) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.repeatWindow = Objects.requireNonNull(repeatWindow, "repeatWindow");
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("repeatWindow must not be negative: " + repeatWindow);
        }
    }

    /**
     * The figures of the work orders first resolved in {@code [from, to)}; 0 of 0 when none was.
     *
     * @throws IllegalArgumentException     when {@code to} is before {@code from}
     * @throws DatabaseUnavailableException when the database does not answer
     * @throws IllegalStateException        naming the work order when one of its audit rows cannot be read
     */
    public PeriodFigures forPeriod(Instant from, Instant to) {
        Instant start = Objects.requireNonNull(from, "from").truncatedTo(ChronoUnit.MILLIS);
        Instant end = Objects.requireNonNull(to, "to").truncatedTo(ChronoUnit.MILLIS);
        return read(start, end, CustomerHistories.totals(start, end, repeatWindow)).figures();
    }

    /**
     * The figures of the work orders first resolved in {@code [from, to)}, as {@link #forPeriod} gives them, and
     * the same figures per bucket, in the same single pass over the rows: {@code bucket} names the bucket of each
     * work order first resolved in the period (a week of its resolution, its product line, or both in one key), the
     * decision on it (first contact? a visit?) made as for the period's figures. So the buckets add up to the
     * period's figures, and a report gets its weeks' and product lines' figures without a pass per week.
     *
     * @param bucket the bucket of a resolved work order, called once for each on the calling thread; any key with
     *               {@code equals} and {@code hashCode}, {@code null} allowed
     * @throws IllegalArgumentException     when {@code to} is before {@code from}
     * @throws DatabaseUnavailableException when the database does not answer
     * @throws IllegalStateException        naming the work order when one of its audit rows cannot be read
     */
    public <K> BucketedFigures<K> bucketed(Instant from, Instant to, Function<ResolvedWorkOrder, K> bucket) {
        Objects.requireNonNull(bucket, "bucket");
        Instant start = Objects.requireNonNull(from, "from").truncatedTo(ChronoUnit.MILLIS);
        Instant end = Objects.requireNonNull(to, "to").truncatedTo(ChronoUnit.MILLIS);
        return read(start, end, new CustomerHistories<>(start, end, repeatWindow, bucket)).bucketed();
    }

    private <K> CustomerHistories<K> read(Instant from, Instant to, CustomerHistories<K> histories) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        try {
            jdbi.useHandle(handle -> handle.createQuery(SELECT).bind("from", UtcInstants.toSql(from))
                    .bind("to", UtcInstants.toSql(to)).bind("linkedUntil", UtcInstants.toSql(to.plus(repeatWindow)))
                    .setFetchSize(STREAM).map(ServiceFiguresQuery::row).forEach(histories::add));
            return histories;
        } catch (JdbiException e) {
            throw new DatabaseUnavailableException("the service figures of [" + from + ", " + to + ") cannot be"
                    + " read: " + e.getMessage(), e);
        }
    }

    private static CustomerHistories.Row row(ResultSet row, StatementContext context) throws SQLException {
        long id = row.getLong("id");
        Integer sequence = row.getObject("sequence", Integer.class);
        try {
            AuditEvent event = sequence == null ? null : new AuditEvent(id, sequence,
                    INSTANTS.map(row, "occurred_at", context),
                    new Actor(ActorKind.valueOf(row.getString("actor_kind")), row.getString("actor")),
                    AuditAction.valueOf(row.getString("action")), row.getString("reason"),
                    value(WorkOrderState.class, row.getString("from_state")),
                    WorkOrderState.valueOf(row.getString("to_state")), value(Tier.class, row.getString("from_tier")),
                    Tier.valueOf(row.getString("to_tier")), Severity.valueOf(row.getString("severity")),
                    row.getString("owner_seat_code"), row.getInt("contacts"));
            return new CustomerHistories.Row(id, row.getObject("customer_id", Long.class),
                    row.getString("product_line"), INSTANTS.map(row, "created_at", context), event);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("work order " + id + ": audit event " + sequence + " cannot be read for"
                    + " the service figures: " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
