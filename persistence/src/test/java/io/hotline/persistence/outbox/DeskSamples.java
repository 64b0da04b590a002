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
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Stored forms of the service desk as tests write them: every field set (instants with milliseconds, text the
 * line format must escape), and every field that may be absent left out.
 */
final class DeskSamples {
    static final Instant AT = Instant.parse("2026-12-05T10:15:30.123Z");
    static final String AWKWARD = "ERP\tGL close\nfails \\ not \\t a tab;\r 技术支持 ✓ \\-";

    private DeskSamples() {
    }

    /**
     * A call's work order, escalated, with both clocks in every condition a clock can be in, and details (one of
     * them not written).
     */
    static StoredWorkOrder full(long id, CallKey call, Long customerId, String ownerSeat) {
        return new StoredWorkOrder(id, Origin.CALL, call, new CustomerProblem("+8613800138000", customerId,
                "PREMIUM", "ERP_U8"), AWKWARD, Severity.P1, WorkOrderState.IN_PROGRESS, Tier.TIER2, ownerSeat,
                new WorkOrderTimes(AT, AT.plusMillis(1_001), AT.plusMillis(2_002), AT.plusMillis(3_003),
                        AT.plusMillis(4_004)),
                new SlaClockState(Duration.ofMillis(65_432), null, true, EnumSet.of(WarningLevel.HALF), null),
                new SlaClockState(Duration.ofMillis(1_234), AT.plusMillis(5_555), false,
                        EnumSet.of(WarningLevel.HALF, WarningLevel.THREE_QUARTERS), AT.plusMillis(7_777_777)),
                2, 1, 5, new WorkOrderDetails("posting " + AWKWARD, AWKWARD, null, "上海市浦东新区张江路 88 号"));
    }

    /** A walk-in's work order with nothing optional: no call, nothing known of the customer, no owner. */
    static StoredWorkOrder bare(long id) {
        return new StoredWorkOrder(id, Origin.WALK_IN, null, CustomerProblem.UNKNOWN, null, Severity.P3,
                WorkOrderState.NEW, Tier.TIER1, null, new WorkOrderTimes(AT, null, null, null, null),
                new SlaClockState(Duration.ZERO, AT, false, Set.of(), AT.plusSeconds(8 * 3600)),
                new SlaClockState(Duration.ZERO, null, false, Set.of(), null), 0, 0, 1);
    }

    /** The audit event {@code sequence} of work order {@code id}, every field set. */
    static AuditEvent audit(long id, int sequence) {
        return new AuditEvent(id, sequence, AT.plusMillis(sequence), Actor.seat("S1004"), AuditAction.ESCALATED,
                AWKWARD, WorkOrderState.NEW, WorkOrderState.IN_PROGRESS, Tier.TIER1, Tier.TIER2, Severity.P1, "S1004",
                2);
    }

    /** The opening of work order {@code id}: nothing before it. */
    static AuditEvent opening(long id) {
        return new AuditEvent(id, 1, AT, new Actor(ActorKind.CALLER, "1733390000.1"), AuditAction.OPENED, null,
                null, WorkOrderState.NEW, null, Tier.TIER1, Severity.P3, null, 0);
    }
}
