package io.hotline.persistence.report;

import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.dao.SurveyOutcome;
import io.hotline.persistence.figures.BucketedFigures;
import io.hotline.persistence.figures.PeriodFigures;
import io.hotline.persistence.figures.ServiceFiguresQuery;
import io.hotline.persistence.internal.UtcInstants;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The service-quality report of a period, read from the records (docs/figures.md, the definitions table).
 * <p>
 * <b>What is read:</b> one streamed query per kind of record, each selecting the period's rows by the time its
 * figure counts them at (work orders by {@code created_at} and by {@code resolved_at}, legs by {@code sent_at} and
 * {@code acknowledged_at}, surveys by {@code recorded_at}, follow-up calls by {@code follow_up_recorded_at}), all
 * through V13's indexes. The SQL compares no state or outcome: each row carries them and plain Java decides
 * (cancelled work orders count nowhere; a survey counts when {@link SurveyOutcome#ANSWERED} with a score). First-
 * contact resolution and solved without a visit are {@link ServiceFiguresQuery}'s, in total, per week and per
 * product line from one pass over the period's audit trails ({@link ServiceFiguresQuery#bucketed}), each work order
 * in the week of its first resolution.
 * <p>
 * <b>Memory:</b> rows are streamed (Connector/J's row-by-row fetch) into one tally per slice: the period, its weeks
 * and its product lines; the recurring problems hold one customer's work orders of 30 days at a time
 * ({@link RecurringProblems}). So 400,000 work orders cost the tallies and the lists, not the rows.
 * <p>
 * Thread-safe; {@link #forPeriod} blocks on I/O: call it from a report's executor or the command line.
 */
public final class ServiceReportQuery {
    /** The assignment deadline after an acknowledgement when a dispatch stored none (the business's 4 h). */
    public static final Duration ASSIGN_DEADLINE = Duration.ofHours(4);
    private static final int STREAM = Integer.MIN_VALUE;
    private static final ColumnMapper<Instant> INSTANTS = UtcInstants.columnMapper();

    private static final String OPENED = "SELECT w.product_line, w.state, w.created_at, w.closed_at FROM work_order w"
            + " WHERE w.created_at >= :from AND w.created_at < :to";
    private static final String RESOLVED = "SELECT w.product_line, w.severity, w.state, w.created_at,"
            + " w.responded_at, w.response_due_at, w.resolved_at, w.resolution_due_at,"
            + " EXISTS (SELECT 1 FROM field_dispatch d WHERE d.work_order_id = w.id) AS dispatched"
            + " FROM work_order w WHERE w.resolved_at >= :from AND w.resolved_at < :to";
    private static final String LEGS = "SELECT w.product_line, l.sent_at, l.ack_due_at, l.acknowledged_at"
            + " FROM field_dispatch_leg l JOIN work_order w ON w.id = l.work_order_id"
            + " WHERE l.sent_at >= :from AND l.sent_at < :to";
    private static final String ACKNOWLEDGED = "SELECT l.work_order_id, w.product_line, l.acknowledged_at,"
            + " d.assign_due_at, d.assigned_at FROM field_dispatch_leg l"
            + " JOIN field_dispatch d ON d.work_order_id = l.work_order_id JOIN work_order w ON w.id = l.work_order_id"
            + " WHERE l.acknowledged_at >= :from AND l.acknowledged_at < :to ORDER BY l.work_order_id, l.number";
    private static final String SURVEYS = "SELECT w.product_line, s.outcome, s.recorded_at, s.score"
            + " FROM satisfaction_survey s JOIN work_order w ON w.id = s.work_order_id"
            + " WHERE s.recorded_at >= :from AND s.recorded_at < :to AND s.score IS NOT NULL";
    private static final String FOLLOW_UPS = "SELECT w.product_line, d.follow_up_recorded_at,"
            + " d.follow_up_satisfaction FROM field_dispatch d JOIN work_order w ON w.id = d.work_order_id"
            + " WHERE d.follow_up_recorded_at >= :from AND d.follow_up_recorded_at < :to"
            + " AND d.follow_up_satisfaction IS NOT NULL";
    private static final String OPENINGS = "SELECT w.id, w.customer_id, c.code, c.name, w.product_line, w.category,"
            + " w.state, w.created_at FROM work_order w JOIN customer c ON c.id = w.customer_id"
            + " WHERE w.created_at >= :from AND w.created_at < :to AND w.product_line IS NOT NULL"
            + " AND w.category IS NOT NULL ORDER BY w.customer_id, w.created_at, w.id";
    private static final String LICENCES = "SELECT c.code, c.name, s.code AS product_line, cp.version,"
            + " cp.licence_expires_on FROM customer_product cp JOIN customer c ON c.id = cp.customer_id"
            + " JOIN skill s ON s.id = cp.product_skill_id"
            + " WHERE cp.licence_expires_on >= :from AND cp.licence_expires_on < :to"
            + " ORDER BY cp.licence_expires_on, c.code, s.code";

    private final Jdbi jdbi;
    private final ZoneId zone;
    private final ServiceFiguresQuery serviceFigures;
    private final Duration repeatWindow;

    /**
     * @param jdbi         the database
     * @param zone         the routing file's {@code hours.zone}: the period's days and weeks
     * @param repeatWindow first-contact resolution's window ({@code HOTLINE_REOPEN_DAYS})
     */
    public ServiceReportQuery(Jdbi jdbi, ZoneId zone, Duration repeatWindow) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.repeatWindow = Objects.requireNonNull(repeatWindow, "repeatWindow");
        this.serviceFigures = new ServiceFiguresQuery(jdbi, repeatWindow);
    }

    /**
     * The report of {@code [from, to)}, days in the zone.
     *
     * @throws IllegalArgumentException     when {@code to} is not after {@code from}
     * @throws DatabaseUnavailableException when the database does not answer
     */
    public ServiceReport forPeriod(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the period's end (" + to + ") must be after its start (" + from
                    + ")");
        }
        try {
            return jdbi.withHandle(handle -> read(handle, from, to));
        } catch (JdbiException e) {
            throw new DatabaseUnavailableException("the service-quality report of [" + from + ", " + to + ") cannot"
                    + " be read: " + e.getMessage(), e);
        }
    }

    private ServiceReport read(Handle handle, LocalDate fromDay, LocalDate toDay) {
        Instant from = start(fromDay);
        Instant to = start(toDay);
        Slices slices = new Slices(fromDay, toDay);
        stream(handle, OPENED, from, to, (row, context) -> new ReportRows.Opened(row.getString("product_line"),
                cancelled(row.getString("state")), INSTANTS.map(row, "created_at", context),
                INSTANTS.map(row, "closed_at", context)), row -> {
                    if (!row.cancelled()) {
                        slices.of(row.createdAt(), row.productLine()).forEach(t -> t.opened(row.closedBefore(to)));
                    }
                });
        stream(handle, RESOLVED, from, to, (row, context) -> new ReportRows.Resolved(row.getString("product_line"),
                row.getString("severity"), cancelled(row.getString("state")), INSTANTS.map(row, "created_at", context),
                INSTANTS.map(row, "responded_at", context), INSTANTS.map(row, "response_due_at", context),
                INSTANTS.map(row, "resolved_at", context), INSTANTS.map(row, "resolution_due_at", context),
                row.getBoolean("dispatched")), row -> {
                    if (!row.cancelled()) {
                        slices.of(row.resolvedAt(), row.productLine()).forEach(t -> t.resolved(row));
                    }
                });
        stream(handle, LEGS, from, to, (row, context) -> new ReportRows.LegSent(row.getString("product_line"),
                INSTANTS.map(row, "sent_at", context), INSTANTS.map(row, "ack_due_at", context),
                INSTANTS.map(row, "acknowledged_at", context)),
                row -> slices.of(row.sentAt(), row.productLine()).forEach(t -> t.legSent(row.acknowledgedInTime())));
        long[] lastOrder = {-1};
        stream(handle, ACKNOWLEDGED, from, to, (row, context) -> new ReportRows.Acknowledged(
                row.getLong("work_order_id"), row.getString("product_line"),
                INSTANTS.map(row, "acknowledged_at", context), INSTANTS.map(row, "assign_due_at", context),
                INSTANTS.map(row, "assigned_at", context)), row -> {
                    // An order is acknowledged once: a second acknowledged leg (a re-dispatch) counts no more.
                    if (row.workOrderId() != lastOrder[0]) {
                        lastOrder[0] = row.workOrderId();
                        slices.of(row.acknowledgedAt(), row.productLine())
                                .forEach(t -> t.acknowledged(row.assignedInTime(ASSIGN_DEADLINE)));
                    }
                });
        stream(handle, SURVEYS, from, to, (row, context) -> SurveyOutcome.valueOf(row.getString("outcome"))
                == SurveyOutcome.ANSWERED ? new ReportRows.Answered(row.getString("product_line"),
                INSTANTS.map(row, "recorded_at", context), row.getInt("score")) : null, row -> {
                    if (row != null) {
                        slices.of(row.at(), row.productLine()).forEach(t -> t.answered(row.score()));
                    }
                });
        stream(handle, FOLLOW_UPS, from, to, (row, context) -> new ReportRows.Answered(row.getString("product_line"),
                INSTANTS.map(row, "follow_up_recorded_at", context), row.getInt("follow_up_satisfaction")),
                row -> slices.of(row.at(), row.productLine()).forEach(t -> t.answered(row.score())));
        RecurringProblems recurring = new RecurringProblems(from);
        stream(handle, OPENINGS, from.minus(ServiceReport.RECURRING_WINDOW), to, (row, context) ->
                new ReportRows.Opening(row.getLong("id"), row.getLong("customer_id"), row.getString("code"),
                        row.getString("name"), row.getString("product_line"), row.getString("category"),
                        cancelled(row.getString("state")), INSTANTS.map(row, "created_at", context)),
                recurring::add);
        slices.readServiceFigures(from, to);
        return new ServiceReport(fromDay, toDay, zone, repeatWindow, slices.totals(), slices.weeks(),
                slices.productLines(), recurring.problems(), licences(handle, toDay));
    }

    private List<ServiceReport.ExpiringLicence> licences(Handle handle, LocalDate end) {
        return handle.createQuery(LICENCES).bind("from", end.toString())
                .bind("to", end.plusDays(ServiceReport.LICENCE_DAYS).toString())
                .map((row, context) -> {
                    LocalDate expires = row.getObject("licence_expires_on", LocalDate.class);
                    return new ServiceReport.ExpiringLicence(row.getString("code"), row.getString("name"),
                            row.getString("product_line"), row.getString("version"), expires,
                            ChronoUnit.DAYS.between(end, expires));
                }).list();
    }

    private static <T> void stream(Handle handle, String sql, Instant from, Instant to, RowMapper<T> mapper,
                                   Consumer<T> sink) {
        Query query = handle.createQuery(sql).bind("from", UtcInstants.toSql(from)).bind("to", UtcInstants.toSql(to))
                .setFetchSize(STREAM);
        query.map(mapper).forEach(sink);
    }

    private static boolean cancelled(String state) {
        return WorkOrderState.valueOf(state) == WorkOrderState.CANCELLED;
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The period's tallies: the total, one per ISO week (by Monday), one per product line. */
    private final class Slices {
        private final FigureTally total = new FigureTally();
        private final TreeMap<LocalDate, FigureTally> weeks = new TreeMap<>();
        private final TreeMap<String, FigureTally> lines = new TreeMap<>();
        private final Map<LocalDate, BucketedFigures.Bucket> weekFigures = new HashMap<>();
        private final Map<String, BucketedFigures.Bucket> lineFigures = new HashMap<>();
        private final LocalDate fromDay;
        private final LocalDate toDay;
        private PeriodFigures period;

        Slices(LocalDate fromDay, LocalDate toDay) {
            this.fromDay = fromDay;
            this.toDay = toDay;
            for (LocalDate monday = monday(fromDay); monday.isBefore(toDay); monday = monday.plusWeeks(1)) {
                weeks.put(monday, new FigureTally());
            }
        }

        List<FigureTally> of(Instant at, String productLine) {
            FigureTally week = weeks.get(monday(at.atZone(zone).toLocalDate()));
            FigureTally line = lines.computeIfAbsent(productLine == null ? ServiceReport.NO_PRODUCT_LINE
                    : productLine, ignored -> new FigureTally());
            return week == null ? List.of(total, line) : List.of(total, week, line);
        }

        /**
         * Reads first-contact resolution and solved without a visit in one {@link ServiceFiguresQuery} pass over the
         * whole period, bucketed by the ISO week (in the zone) of each work order's first resolution and its product
         * line: the weeks' and the product lines' figures are sums of these buckets, and both add up to the totals.
         */
        void readServiceFigures(Instant from, Instant to) {
            BucketedFigures<WeekAndLine> figures = serviceFigures.bucketed(from, to, order -> new WeekAndLine(
                    monday(order.resolvedAt().atZone(zone).toLocalDate()), order.productLine() == null
                    ? ServiceReport.NO_PRODUCT_LINE : order.productLine()));
            period = figures.period();
            figures.buckets().forEach((key, bucket) -> {
                weekFigures.merge(key.monday(), bucket, BucketedFigures.Bucket::plus);
                lineFigures.merge(key.line(), bucket, BucketedFigures.Bucket::plus);
                lines.computeIfAbsent(key.line(), ignored -> new FigureTally());
            });
        }

        ReportFigures totals() {
            return total.figures(share(period.firstContactResolution()), share(period.solvedWithoutVisit()));
        }

        List<ServiceReport.Slice> weeks() {
            List<ServiceReport.Slice> slices = new ArrayList<>();
            for (Map.Entry<LocalDate, FigureTally> week : weeks.entrySet()) {
                LocalDate first = week.getKey().isBefore(fromDay) ? fromDay : week.getKey();
                slices.add(new ServiceReport.Slice(isoWeek(week.getKey()), first, figures(week.getValue(),
                        weekFigures.get(week.getKey()))));
            }
            return slices;
        }

        List<ServiceReport.Slice> productLines() {
            List<ServiceReport.Slice> slices = new ArrayList<>();
            lines.forEach((line, tally) -> slices.add(new ServiceReport.Slice(line, fromDay, figures(tally,
                    lineFigures.get(line)))));
            return slices;
        }

        private static ReportFigures figures(FigureTally tally, BucketedFigures.Bucket bucket) {
            BucketedFigures.Bucket figures = bucket == null ? BucketedFigures.Bucket.NONE : bucket;
            return tally.figures(share(figures.firstContactResolution()), share(figures.solvedWithoutVisit()));
        }
    }

    /** A bucket of the service figures: the Monday of the first resolution's ISO week and the product line. */
    private record WeekAndLine(LocalDate monday, String line) {
    }

    private static Share share(io.hotline.routing.desk.ServiceFigures.Share share) {
        return new Share(share.count(), share.of());
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The ISO week of a Monday: {@code 2026-W45}. */
    static String isoWeek(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
