package io.hotline.persistence.outbox;

import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.desk.WorkOrderDetails;
import io.hotline.routing.desk.WorkOrderTimes;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes the service desk's stored forms ({@link StoredWorkOrder}, {@link AuditEvent}) as fields of a journal line
 * and reads them back equal, instants to the millisecond. Also the mask of fired warnings as the database keeps it
 * ({@code work_order.response_fired}: 1 = 50 %, 2 = 75 %, 4 = breach). Stateless.
 */
final class DeskFields {

    private DeskFields() {
    }

    static void write(JournalLine.Writer line, StoredWorkOrder workOrder) {
        CallKey call = workOrder.call();
        CustomerProblem problem = workOrder.problem();
        WorkOrderTimes times = workOrder.times();
        line.number(workOrder.id()).value(workOrder.origin())
                .text(call == null ? null : call.asteriskServer()).text(call == null ? null : call.linkedId())
                .text(problem.contactNumber()).number(problem.customerId()).text(problem.contractLevel())
                .text(problem.productLine()).text(workOrder.summary())
                .value(workOrder.severity()).value(workOrder.state()).value(workOrder.tier())
                .text(workOrder.ownerSeatId())
                .instant(times.openedAt()).optionalInstant(times.callbackAt()).optionalInstant(times.respondedAt())
                .optionalInstant(times.resolvedAt()).optionalInstant(times.closedAt());
        write(line, workOrder.response());
        write(line, workOrder.resolution());
        line.number((long) workOrder.contacts()).number((long) workOrder.reopens())
                .number((long) workOrder.auditCount());
    }

    static StoredWorkOrder readWorkOrder(JournalLine.Reader line) {
        long id = line.number();
        Origin origin = line.value(Origin.class);
        String server = line.text();
        String linkedId = line.text();
        CustomerProblem problem = new CustomerProblem(line.text(), line.number(), line.text(), line.text());
        String summary = line.text();
        Severity severity = line.value(Severity.class);
        WorkOrderState state = line.value(WorkOrderState.class);
        Tier tier = line.value(Tier.class);
        String owner = line.text();
        WorkOrderTimes times = new WorkOrderTimes(line.instant(), line.optionalInstant(), line.optionalInstant(),
                line.optionalInstant(), line.optionalInstant());
        SlaClockState response = readClock(line);
        SlaClockState resolution = readClock(line);
        return new StoredWorkOrder(id, origin, linkedId == null ? null : new CallKey(server, linkedId), problem,
                summary, severity, state, tier, owner, times, response, resolution, Math.toIntExact(line.number()),
                Math.toIntExact(line.number()), Math.toIntExact(line.number()));
    }

    /**
     * The work order's details, after its audit event: the last fields of its line, so a line written before
     * they existed (no fields left) reads as a work order without details.
     */
    static void writeDetails(JournalLine.Writer line, WorkOrderDetails details) {
        line.text(details.category()).text(details.notes()).text(details.resolution()).text(details.site());
    }

    /** {@code workOrder} with the details that end its line, or as it is when the line has none. */
    static StoredWorkOrder readDetails(JournalLine.Reader line, StoredWorkOrder workOrder) {
        if (!line.hasMore()) {
            return workOrder;
        }
        WorkOrderDetails details = new WorkOrderDetails(line.text(), line.text(), line.text(), line.text());
        return workOrder.withDetails(details.equals(WorkOrderDetails.NONE) ? WorkOrderDetails.NONE : details);
    }

    private static void write(JournalLine.Writer line, SlaClockState clock) {
        line.duration(clock.counted()).optionalInstant(clock.runningSince()).flag(clock.stopped())
                .text(names(clock.fired())).optionalInstant(clock.dueAt());
    }

    private static SlaClockState readClock(JournalLine.Reader line) {
        return new SlaClockState(line.duration(), line.optionalInstant(), line.flag(), levels(line.text()),
                line.optionalInstant());
    }

    static void write(JournalLine.Writer line, AuditEvent audit) {
        line.number(audit.workOrderId()).number((long) audit.sequence()).instant(audit.at())
                .value(audit.actor().kind()).text(audit.actor().id()).value(audit.action()).text(audit.why())
                .value(audit.fromState()).value(audit.toState()).value(audit.fromTier()).value(audit.toTier())
                .value(audit.severity()).text(audit.ownerSeatId()).number((long) audit.contacts());
    }

    static AuditEvent readAudit(JournalLine.Reader line) {
        return new AuditEvent(line.number(), Math.toIntExact(line.number()), line.instant(),
                new Actor(line.value(ActorKind.class), line.text()), line.value(AuditAction.class), line.text(),
                line.value(WorkOrderState.class), line.value(WorkOrderState.class), line.value(Tier.class),
                line.value(Tier.class), line.value(Severity.class), line.text(), Math.toIntExact(line.number()));
    }

    /** The levels' names, comma-separated, in level order; empty for none. */
    static String names(Set<WarningLevel> levels) {
        StringJoiner names = new StringJoiner(",");
        for (WarningLevel level : WarningLevel.values()) {
            if (levels.contains(level)) {
                names.add(level.name());
            }
        }
        return names.toString();
    }

    static Set<WarningLevel> levels(String names) {
        EnumSet<WarningLevel> levels = EnumSet.noneOf(WarningLevel.class);
        if (names != null && !names.isEmpty()) {
            for (String name : names.split(",")) {
                levels.add(WarningLevel.valueOf(name));
            }
        }
        return levels;
    }

    /** The bit of {@code level} in the database's mask of fired warnings. */
    static int bit(WarningLevel level) {
        return switch (level) {
            case HALF -> 1;
            case THREE_QUARTERS -> 2;
            case BREACH -> 4;
        };
    }

    static int mask(Set<WarningLevel> levels) {
        int mask = 0;
        for (WarningLevel level : levels) {
            mask |= bit(level);
        }
        return mask;
    }

    static Set<WarningLevel> levels(int mask) {
        EnumSet<WarningLevel> levels = EnumSet.noneOf(WarningLevel.class);
        for (WarningLevel level : WarningLevel.values()) {
            if ((mask & bit(level)) != 0) {
                levels.add(level);
            }
        }
        return levels;
    }
}
