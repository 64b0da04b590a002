package io.hotline.routing.desk;

import static io.hotline.routing.desk.DeskHarness.call;
import static io.hotline.routing.desk.DeskHarness.changed;
import static io.hotline.routing.desk.DeskHarness.opened;
import static io.hotline.routing.desk.DeskHarness.problem;
import static io.hotline.routing.desk.DeskHarness.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.engine.Handoff;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.hours.OpeningHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the call path tells the desk beyond arrival, connection and abandon: the hand-offs (a callback chosen while
 * waiting, the after-hours message, the dialplan's fallback queue) and the seat's move of a live call to another
 * queue (an escalation up the ladder, or a transfer sideways).
 */
class CallPathTest {
    /** The hotline (tier 1) open 08:00-19:00 in Shanghai, Monday to Sunday. */
    private static final BusinessHours STANDARD = new BusinessHours(ZoneId.of("Asia/Shanghai"),
            Map.of(Tier.TIER1, OpeningHours.SEVEN_BY_ELEVEN), Set.of());
    private final DeskHarness harness = new DeskHarness();

    @Test
    void shouldMakeTheWorkOrderCallbackWorkWhenTheCallerChoosesACallbackWithoutCallingItAnAbandon() {
        // given
        long id = harness.call("a", Severity.P2);
        harness.clock.advance(Duration.ofMinutes(3));

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.CallHandedOff(call("a"),
                problem(), Severity.P2, Handoff.CALLBACK)));

        // then
        assertThat(changed.workOrder().id()).isEqualTo(id);
        assertThat(changed.workOrder().times().callbackAt()).isEqualTo(DeskHarness.START.plus(Duration.ofMinutes(3)));
        assertThat(changed.workOrder().state()).isEqualTo(WorkOrderState.NEW);
        assertThat(changed.audit().action()).isEqualTo(AuditAction.CALL_HANDED_OFF);
        assertThat(changed.audit().why()).contains("callback");
        assertThat(harness.store.trails.get(id)).extracting(AuditEvent::action)
                .doesNotContain(AuditAction.CALL_ABANDONED);
    }

    @Test
    void shouldOpenCallbackWorkForAHandedOffCallTheDeskHadNotSeen() {
        // when
        DeskCommand.WorkOrderOpened opened = opened(harness.apply(new DeskEvent.CallHandedOff(call("unseen"),
                problem(), Severity.P1, Handoff.CALLBACK)));

        // then
        assertThat(opened.workOrder().times().callbackAt()).isEqualTo(DeskHarness.START);
        assertThat(opened.workOrder().severity()).isEqualTo(Severity.P1);
        assertThat(opened.audit().why()).contains("callback");
        assertThat(harness.desk.workOrders()).hasSize(1);
    }

    @Test
    void shouldKeepTheNextOpeningAsTheCallbackOfAnAfterHoursCall() {
        // given: 20:00 in Shanghai; the engine opens the call and hands it to the after-hours message at once
        DeskHarness night = new DeskHarness(hotlineHours(STANDARD), Instant.parse("2026-12-07T12:00:00Z"));
        long id = night.call("night", Severity.P1);

        // when
        DeskCommand.WorkOrderChanged changed = changed(night.apply(new DeskEvent.CallHandedOff(call("night"),
                problem(), Severity.P1, Handoff.AFTER_HOURS)));

        // then
        Instant opening = Instant.parse("2026-12-08T00:00:00Z");
        assertThat(changed.workOrder().id()).isEqualTo(id);
        assertThat(changed.workOrder().times().callbackAt()).isEqualTo(opening);
        assertThat(changed.workOrder().response().runningSince()).isEqualTo(opening);
        assertThat(changed.audit().action()).isEqualTo(AuditAction.CALL_HANDED_OFF);
        assertThat(changed.audit().why()).contains("after hours").contains(opening.toString());
        assertThat(night.desk.nextTimer()).isEqualTo(opening.plus(Duration.ofMinutes(15)));
    }

    @Test
    void shouldCallBackAtOnceWhenRoutingFoundTheQueueClosedButTheHotlineIsOpen() {
        // given: the desk's hotline is open around the clock; the queue the call reached was closed
        long id = harness.call("a", Severity.P3);

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.CallHandedOff(call("a"),
                problem(), Severity.P3, Handoff.AFTER_HOURS)));

        // then
        assertThat(changed.workOrder().id()).isEqualTo(id);
        assertThat(changed.workOrder().times().callbackAt()).isEqualTo(DeskHarness.START);
    }

    @Test
    void shouldRecordACallServedByTheFallbackQueueAsNeitherAbandonedNorCallbackWork() {
        // given
        long id = harness.call("a", Severity.P1);
        harness.clock.advance(Duration.ofMinutes(1));

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.CallHandedOff(call("a"),
                problem(), Severity.P1, Handoff.FALLBACK)));

        // then: nobody in Hotline responded, so the response clock runs on
        StoredWorkOrder workOrder = changed.workOrder();
        assertThat(workOrder.id()).isEqualTo(id);
        assertThat(workOrder.times().callbackAt()).isNull();
        assertThat(workOrder.state()).isEqualTo(WorkOrderState.NEW);
        assertThat(workOrder.response().stopped()).isFalse();
        assertThat(workOrder.response().dueAt()).isEqualTo(DeskHarness.START.plus(Duration.ofMinutes(30)));
        assertThat(changed.audit().action()).isEqualTo(AuditAction.CALL_HANDED_OFF);
        assertThat(changed.audit().why()).contains("fallback queue");
    }

    @Test
    void shouldRefuseAHandOffOfAResolvedWorkOrder() {
        // given
        long id = answered("a");
        harness.apply(new DeskEvent.Resolved(id, DeskHarness.SEAT, "fixed"));

        // when
        DeskCommand.Refused refusal = refused(harness.apply(new DeskEvent.CallHandedOff(call("a"), problem(),
                Severity.P2, Handoff.FALLBACK)));

        // then
        assertThat(refusal.reason()).contains("RESOLVED");
        assertThat(harness.workOrder(id).state()).isEqualTo(WorkOrderState.RESOLVED);
    }

    @Test
    void shouldEscalateTheCallsWorkOrderToTheTierOfTheQueueTheSeatMovedItToWithTheReason() {
        // given
        long id = answered("a");

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.CallEscalated(call("a"),
                "seat-1", "experts", Tier.EXPERT, "GL close fails on every period")));

        // then
        assertThat(changed.workOrder().id()).isEqualTo(id);
        assertThat(changed.workOrder().tier()).isEqualTo(Tier.EXPERT);
        assertThat(changed.workOrder().state()).isEqualTo(WorkOrderState.IN_PROGRESS);
        AuditEvent audit = changed.audit();
        assertThat(audit.action()).isEqualTo(AuditAction.ESCALATED);
        assertThat(audit.actor()).isEqualTo(Actor.seat("seat-1"));
        assertThat(audit.why()).isEqualTo("GL close fails on every period");
        assertThat(audit.fromTier()).isEqualTo(Tier.TIER1);
        assertThat(audit.toTier()).isEqualTo(Tier.EXPERT);
        assertThat(AuditTrail.replay(harness.store.trails.get(id)).tier()).isEqualTo(Tier.EXPERT);
    }

    @Test
    void shouldGoOneRungUpWhenTheTargetTierIsNotKnown() {
        // given
        long id = answered("a");

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.CallEscalated(call("a"),
                "seat-1", "tier2", null, "needs a senior")));

        // then
        assertThat(changed.workOrder().tier()).isEqualTo(Tier.TIER2);
        assertThat(changed.audit().action()).isEqualTo(AuditAction.ESCALATED);
        assertThat(harness.workOrder(id).tier()).isEqualTo(Tier.TIER2);
    }

    @Test
    void shouldRecordATransferSidewaysWithoutMovingTheWorkOrderUpTheLadder() {
        // given
        long id = answered("a");
        harness.apply(new DeskEvent.CallEscalated(call("a"), "seat-1", "tier2", Tier.TIER2, "needs a senior"));

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.CallEscalated(call("a"),
                "seat-9", "tier1-hr", Tier.TIER1, "it is an HR question")));

        // then
        assertThat(changed.workOrder().tier()).isEqualTo(Tier.TIER2);
        assertThat(changed.audit().action()).isEqualTo(AuditAction.CALL_TRANSFERRED);
        assertThat(changed.audit().why()).contains("it is an HR question").contains("tier1-hr");
        assertThat(harness.workOrder(id).tier()).isEqualTo(Tier.TIER2);
    }

    @Test
    void shouldRefuseAMoveWithoutReasonOrOfACallWithoutWorkOrder() {
        // given
        long id = answered("a");
        StoredWorkOrder before = harness.workOrder(id);

        // when
        DeskCommand.Refused blank = refused(harness.apply(new DeskEvent.CallEscalated(call("a"), "seat-1",
                "tier2", Tier.TIER2, " ")));
        DeskCommand.Refused unknown = refused(harness.apply(new DeskEvent.CallEscalated(call("ghost"), "seat-1",
                "tier2", Tier.TIER2, "why not")));

        // then
        assertThat(blank.reason()).contains("needs a reason");
        assertThat(unknown.reason()).contains("no work order");
        assertThat(harness.workOrder(id)).isEqualTo(before);
    }

    @Test
    void shouldGiveTheSameCommandsAfterARestartInTheMiddleOfTheCallPath() {
        // given
        harness.call("a", Severity.P1);
        harness.call("b", Severity.P2);
        harness.apply(new DeskEvent.CallConnected(call("a"), "seat-1"));
        ServiceDesk restored = ServiceDesk.restore(harness.config, harness.clock, harness.store.load());
        List<DeskEvent> rest = List.of(
                new DeskEvent.CallEscalated(call("a"), "seat-1", "tier2", Tier.TIER2, "needs a senior"),
                new DeskEvent.CallHandedOff(call("b"), problem(), Severity.P2, Handoff.CALLBACK));

        // when
        List<DeskCommand> live = new ArrayList<>();
        List<DeskCommand> fromRestored = new ArrayList<>();
        harness.clock.advance(Duration.ofMinutes(20));
        rest.forEach(event -> {
            harness.desk.apply(event, live::add);
            restored.apply(event, fromRestored::add);
        });

        // then: one change each, no warning due yet (a responded; b's first is at 2 h), and both desks agree
        assertThat(fromRestored).isEqualTo(live).hasSize(2);
    }

    private static DeskConfig hotlineHours(BusinessHours hours) {
        return new DeskConfig(DeskConfig.DEFAULT.serviceLevels(), hours, Map.of(), Duration.ofDays(7),
                "supervisors");
    }

    private long answered(String linkedId) {
        long id = harness.call(linkedId, Severity.P2);
        harness.apply(new DeskEvent.CallConnected(call(linkedId), "seat-1"));
        return id;
    }
}
