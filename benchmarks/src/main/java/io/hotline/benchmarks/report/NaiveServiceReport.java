package io.hotline.benchmarks.report;

import io.hotline.persistence.internal.UtcInstants;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.ServiceFigures;
import io.hotline.routing.desk.WorkOrderHistory;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.ColumnMapper;

/**
 * The baseline: the report's figures computed the obvious way, every record read into memory first (the driver's
 * default fetch buffers each whole result), then the figures taken from the lists: the period's closure, handling
 * time, SLA, dispatch legs, satisfaction and first-contact resolution ({@link ServiceFigures} over every history at
 * once), and the recurring problems. It computes a subset of what
 * {@code ServiceReportQuery} does (no product lines), so its cost is a lower bound of the naive report's.
 * Single-threaded.
 */
final class NaiveServiceReport {
    private static final ColumnMapper<Instant> INSTANTS = UtcInstants.columnMapper();

    /** A loaded work order. */
    record Order(long id, Long customer, String line, String category, String severity, WorkOrderState state,
                 Instant created, Instant responded, Instant responseDue, Instant resolved, Instant resolutionDue,
                 Instant closed) {
    }

    /** What the baseline found: enough to check it against the streamed report. */
    record Totals(long opened, long closedInPeriod, long resolved, long handlingMillis, long resolvedInTime,
                  long legsAcknowledged, long firstContact, long firstContactOf, long surveys, long recurring,
                  int weeks) {
    }

    private NaiveServiceReport() {
    }

    static Totals compute(Jdbi jdbi, ZoneId zone, LocalDate fromDay, LocalDate toDay, Duration window) {
        return jdbi.withHandle(handle -> compute(handle, zone, fromDay, toDay, window));
    }

    private static Totals compute(Handle handle, ZoneId zone, LocalDate fromDay, LocalDate toDay, Duration window) {
        Instant from = fromDay.atStartOfDay(zone).toInstant();
        Instant to = toDay.atStartOfDay(zone).toInstant();
        List<Order> orders = handle.createQuery("SELECT * FROM work_order").map((row, context) -> new Order(
                row.getLong("id"), row.getObject("customer_id", Long.class), row.getString("product_line"),
                row.getString("category"), row.getString("severity"), WorkOrderState.valueOf(row.getString("state")),
                INSTANTS.map(row, "created_at", context), INSTANTS.map(row, "responded_at", context),
                INSTANTS.map(row, "response_due_at", context), INSTANTS.map(row, "resolved_at", context),
                INSTANTS.map(row, "resolution_due_at", context), INSTANTS.map(row, "closed_at", context))).list();
        Map<Long, List<AuditEvent>> trails = new HashMap<>();
        handle.createQuery("SELECT * FROM work_order_event WHERE sequence IS NOT NULL ORDER BY work_order_id,"
                + " sequence").map((row, context) -> new AuditEvent(row.getLong("work_order_id"),
                row.getInt("sequence"),
                INSTANTS.map(row, "occurred_at", context), new Actor(ActorKind.valueOf(row.getString("actor_kind")),
                row.getString("actor")), AuditAction.valueOf(row.getString("action")), row.getString("reason"),
                row.getString("from_state") == null ? null : WorkOrderState.valueOf(row.getString("from_state")),
                WorkOrderState.valueOf(row.getString("to_state")),
                row.getString("from_tier") == null ? null : Tier.valueOf(row.getString("from_tier")),
                Tier.valueOf(row.getString("to_tier")), Severity.valueOf(row.getString("severity")),
                row.getString("owner_seat_code"), row.getInt("contacts"))).list()
                .forEach(event -> trails.computeIfAbsent(event.workOrderId(), id -> new ArrayList<>()).add(event));
        List<Map<String, Object>> legs = handle.createQuery("SELECT * FROM field_dispatch_leg").mapToMap().list();
        List<Map<String, Object>> surveys = handle.createQuery("SELECT * FROM satisfaction_survey").mapToMap().list();
        List<Map<String, Object>> followUps = handle.createQuery("SELECT * FROM field_dispatch").mapToMap().list();

        long opened = 0;
        long closed = 0;
        long resolved = 0;
        long handling = 0;
        long slaMet = 0;
        for (Order order : orders) {
            if (order.state() == WorkOrderState.CANCELLED) {
                continue;
            }
            if (in(order.created(), from, to)) {
                opened++;
                closed += order.closed() != null && order.closed().isBefore(to) ? 1 : 0;
            }
            if (order.resolved() != null && in(order.resolved(), from, to)) {
                resolved++;
                handling += order.resolved().toEpochMilli() - order.created().toEpochMilli();
                slaMet += order.resolutionDue() != null && !order.resolved().isAfter(order.resolutionDue()) ? 1 : 0;
            }
        }
        long answered = surveys.stream().filter(s -> "ANSWERED".equals(s.get("outcome")) && s.get("score") != null
                && s.get("recorded_at") != null
                && in(((java.time.LocalDateTime) s.get("recorded_at")).toInstant(java.time.ZoneOffset.UTC), from, to))
                .count() + followUps.stream().filter(d -> d.get("follow_up_satisfaction") != null
                && d.get("follow_up_recorded_at") != null
                && in(((java.time.LocalDateTime) d.get("follow_up_recorded_at")).toInstant(java.time.ZoneOffset.UTC),
                from, to)).count();
        long legsInTime = legs.stream().filter(l -> l.get("acknowledged_at") != null).count();
        // First-contact resolution over the period, as the report computes it: every history in memory at once.
        int weeks = 0;
        for (LocalDate week = fromDay; week.isBefore(toDay); week = week.plusWeeks(1)) {
            weeks++;
        }
        ServiceFigures.Share fcr = fcr(orders, trails, from, to, window);
        long recurring = recurring(orders, from, to);
        return new Totals(opened, closed, resolved, handling, slaMet, legsInTime, fcr.count(), fcr.of(), answered,
                recurring, weeks);
    }

    private static ServiceFigures.Share fcr(List<Order> orders, Map<Long, List<AuditEvent>> trails, Instant from,
                                            Instant to, Duration window) {
        List<WorkOrderHistory> histories = new ArrayList<>(orders.size());
        for (Order order : orders) {
            List<AuditEvent> trail = trails.getOrDefault(order.id(), List.of());
            AuditEvent resolution = trail.stream().filter(e -> e.action() == AuditAction.RESOLVED).findFirst()
                    .orElse(null);
            boolean counted = resolution != null && in(resolution.at(), from, to);
            histories.add(new WorkOrderHistory(order.id(), order.customer(), order.line(), order.created(),
                    counted ? trail : List.of()));
        }
        return ServiceFigures.firstContactResolution(histories, window);
    }

    private static long recurring(List<Order> orders, Instant from, Instant to) {
        Map<String, List<Instant>> groups = new HashMap<>();
        for (Order order : orders) {
            if (order.customer() != null && order.line() != null && order.category() != null
                    && order.state() != WorkOrderState.CANCELLED && order.created().isBefore(to)) {
                groups.computeIfAbsent(order.customer() + "|" + order.line() + "|"
                        + order.category().strip().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(order.created());
            }
        }
        long found = 0;
        for (List<Instant> times : groups.values()) {
            times.sort(null);
            for (int i = 2; i < times.size(); i++) {
                if (in(times.get(i), from, to) && times.get(i - 2).isAfter(times.get(i).minus(Duration.ofDays(30)))) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    private static boolean in(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
