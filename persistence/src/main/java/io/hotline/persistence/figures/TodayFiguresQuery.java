package io.hotline.persistence.figures;

import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.internal.UtcInstants;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

/**
 * Today's figures ({@link TodayFigures}) from the records, as docs/figures.md defines them: "today" is the
 * calendar day in the hotline's zone (the routing file's {@code hours.zone}), from its midnight to now. Five
 * aggregate queries over the day's rows ({@code call_record} by {@code joined_at}, {@code work_order} by
 * {@code created_at}, {@code notification}'s clock warnings, {@code field_step}, the answered surveys and
 * follow-ups) and {@link ServiceFiguresQuery} for first-contact resolution and the share solved without a visit;
 * V12's indexes keep each to the day's rows. The SQL counts and sums; the ratios are {@link TodayFigures}'.
 * <p>
 * Only the configured queues are read (their names are the only {@code queue} tag values), each with its own
 * service-level threshold. Instants are bound as UTC strings ({@link UtcInstants}).
 * <p>
 * Thread-safe; {@link #read()} blocks on JDBC: call it from its own thread, never from an engine thread or an
 * event loop.
 */
public final class TodayFiguresQuery {
    private static final String CALLS = "SELECT c.queue, s.tier, COUNT(*) AS offered,"
            + " SUM(c.answered_at IS NOT NULL) AS answered,"
            + " SUM(c.answered_at IS NOT NULL AND c.wait_ms <= t.threshold_ms) AS within_threshold,"
            + " SUM(c.answered_at IS NULL AND c.outcome = 'ABANDONED') AS abandoned,"
            + " SUM(IF(c.answered_at IS NOT NULL, COALESCE(c.wait_ms, 0), 0)) AS wait_ms,"
            + " SUM(IF(c.answered_at IS NOT NULL AND c.ended_at IS NOT NULL,"
            + " TIMESTAMPDIFF(MICROSECOND, c.answered_at, c.ended_at) DIV 1000, 0)) AS talk_ms,"
            + " SUM(c.answered_at IS NOT NULL AND c.ended_at IS NOT NULL) AS talked"
            + " FROM call_record c JOIN (%s) t ON t.queue = c.queue LEFT JOIN seat s ON s.id = c.seat_id"
            + " WHERE c.joined_at >= :from AND c.joined_at < :to GROUP BY c.queue, s.tier";
    private static final String WORK_ORDERS = "SELECT state, severity, COUNT(*) AS n FROM work_order"
            + " WHERE created_at >= :from AND created_at < :to GROUP BY state, severity";
    private static final String WARNINGS = "SELECT clock, level, COUNT(*) AS n FROM (SELECT DISTINCT work_order_id,"
            + " clock, level FROM notification WHERE kind = 'CLOCK_WARNING' AND created_at >= :from"
            + " AND created_at < :to) w GROUP BY clock, level";
    private static final String STEPS = "SELECT step, COUNT(*) AS n FROM field_step WHERE at >= :from AND at < :to"
            + " GROUP BY step";
    private static final String SURVEYS = "SELECT COUNT(*) AS n, COALESCE(SUM(score), 0) AS total FROM ("
            + "SELECT score FROM satisfaction_survey WHERE outcome = 'ANSWERED' AND score IS NOT NULL"
            + " AND recorded_at >= :from AND recorded_at < :to"
            + " UNION ALL SELECT follow_up_satisfaction FROM field_dispatch WHERE follow_up_satisfaction IS NOT NULL"
            + " AND follow_up_recorded_at >= :from AND follow_up_recorded_at < :to) s";

    private final Jdbi jdbi;
    private final Map<String, Duration> thresholds;
    private final ZoneId zone;
    private final InstantSource clock;
    private final ServiceFiguresQuery service;

    /**
     * @param jdbi         the database
     * @param thresholds   the configured queues and each one's service-level threshold
     * @param zone         the hotline's zone: today starts at its midnight
     * @param repeatWindow the reopen window of first-contact resolution ({@code HOTLINE_REOPEN_DAYS})
     * @param clock        what "now" is
     */
    public TodayFiguresQuery(Jdbi jdbi, Map<String, Duration> thresholds, ZoneId zone, Duration repeatWindow,
                             InstantSource clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.thresholds = Map.copyOf(thresholds);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.service = new ServiceFiguresQuery(jdbi, repeatWindow);
    }

    /**
     * Today's figures, from today's midnight in the zone to now.
     *
     * @throws DatabaseUnavailableException when the database does not answer
     */
    public TodayFigures read() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        // The end is exclusive: a row written in the same millisecond as the read still counts.
        Instant to = now.plusMillis(1);
        try {
            TodayFigures.Builder figures = jdbi.withHandle(handle -> read(handle, midnight, to));
            return figures.build(midnight, now, service.forPeriod(midnight, to));
        } catch (JdbiException e) {
            throw new DatabaseUnavailableException("today's figures from " + midnight + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private TodayFigures.Builder read(Handle handle, Instant from, Instant to) {
        TodayFigures.Builder figures = new TodayFigures.Builder();
        if (!thresholds.isEmpty()) {
            calls(handle, from, to, figures);
        }
        bound(handle.createQuery(WORK_ORDERS), from, to).map((row, context) -> {
            figures.workOrders.computeIfAbsent(WorkOrderState.valueOf(row.getString("state")),
                    state -> new EnumMap<>(Severity.class))
                    .merge(Severity.valueOf(row.getString("severity")), row.getLong("n"), Long::sum);
            return true;
        }).list();
        bound(handle.createQuery(WARNINGS), from, to).map((row, context) -> {
            ClockKind kind = ClockKind.valueOf(row.getString("clock"));
            boolean breach = WarningLevel.valueOf(row.getString("level")) == WarningLevel.BREACH;
            (breach ? figures.breaches : figures.warnings).merge(kind, row.getLong("n"), Long::sum);
            return true;
        }).list();
        bound(handle.createQuery(STEPS), from, to).map((row, context) ->
                figures.steps.merge(row.getString("step"), row.getLong("n"), Long::sum)).list();
        bound(handle.createQuery(SURVEYS), from, to).map((row, context) -> {
            figures.surveys = row.getLong("n");
            figures.scoreSum = row.getLong("total");
            return true;
        }).list();
        return figures;
    }

    private void calls(Handle handle, Instant from, Instant to, TodayFigures.Builder figures) {
        StringBuilder table = new StringBuilder();
        Map<String, Object> binds = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, Duration> queue : thresholds.entrySet()) {
            table.append(index == 0 ? "" : " UNION ALL ").append("SELECT :queue").append(index)
                    .append(" AS queue, :threshold").append(index).append(" AS threshold_ms");
            binds.put("queue" + index, queue.getKey());
            binds.put("threshold" + index, queue.getValue().toMillis());
            index++;
        }
        Map<String, long[]> sums = new HashMap<>();
        Map<String, Map<Tier, Long>> byTier = new HashMap<>();
        Query query = bound(handle.createQuery(String.format(CALLS, table)), from, to);
        binds.forEach(query::bind);
        query.map((row, context) -> {
            String queue = row.getString("queue");
            long[] sum = sums.computeIfAbsent(queue, name -> new long[7]);
            String[] columns = {"offered", "answered", "within_threshold", "abandoned", "wait_ms", "talk_ms",
                "talked"};
            for (int i = 0; i < columns.length; i++) {
                sum[i] += row.getLong(columns[i]);
            }
            String tier = row.getString("tier");
            if (tier != null) {
                byTier.computeIfAbsent(queue, name -> new EnumMap<>(Tier.class))
                        .merge(Tier.valueOf(tier), row.getLong("answered"), Long::sum);
            }
            return true;
        }).list();
        sums.forEach((queue, sum) -> figures.queues.put(queue, new TodayFigures.QueueDay(sum[0], sum[1],
                byTier.getOrDefault(queue, Map.of()), sum[2], sum[3], sum[4], sum[5], sum[6])));
    }

    private static Query bound(Query query, Instant from, Instant to) {
        return query.bind("from", UtcInstants.toSql(from)).bind("to", UtcInstants.toSql(to));
    }
}
