package io.hotline.routing.desk;

import static io.hotline.routing.desk.DeskHarness.SEAT;
import static io.hotline.routing.desk.DeskHarness.SUPERVISOR;
import static io.hotline.routing.desk.DeskHarness.call;
import static io.hotline.routing.desk.DeskHarness.changed;
import static io.hotline.routing.desk.DeskHarness.opened;
import static io.hotline.routing.desk.DeskHarness.problem;
import static io.hotline.routing.desk.DeskHarness.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.ladder.Tier;
import io.hotline.routing.loop.Engine;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every transition of the ladder and every refusal, on a manual clock, the hotline open around the clock. */
class ServiceDeskTest {
    private final DeskHarness harness = new DeskHarness();

    @Test
    void shouldOpenExactlyOneWorkOrderPerCallAndRefuseTheSecond() {
        // given
        long id = harness.call("1700000000.1", Severity.P2);

        // when
        List<DeskCommand> second = harness.apply(new DeskEvent.CallArrived(call("1700000000.1"), problem(),
                Severity.P2));

        // then
        assertThat(id).isEqualTo(1);
        DeskCommand.Refused refusal = refused(second);
        assertThat(refusal.reason()).contains("already has work order 1");
        assertThat(refusal.subject()).isEqualTo("pbx1/1700000000.1");
        assertThat(harness.desk.workOrders()).hasSize(1);
        assertThat(harness.desk.nextId()).isEqualTo(2);
    }

    @Test
    void shouldOpenNewOnTier1WithBothClocksRunningFromArrival() {
        // when
        DeskCommand.WorkOrderOpened opened = opened(harness.apply(new DeskEvent.CallArrived(call("a"), problem(),
                Severity.P1)));

        // then
        StoredWorkOrder workOrder = opened.workOrder();
        assertThat(workOrder.state()).isEqualTo(WorkOrderState.NEW);
        assertThat(workOrder.tier()).isEqualTo(Tier.TIER1);
        assertThat(workOrder.origin()).isEqualTo(Origin.CALL);
        assertThat(workOrder.times().callbackAt()).isNull();
        assertThat(workOrder.response().dueAt()).isEqualTo(DeskHarness.START.plus(Duration.ofMinutes(30)));
        assertThat(workOrder.resolution().dueAt()).isEqualTo(DeskHarness.START.plus(Duration.ofHours(2)));
        AuditEvent audit = opened.audit();
        assertThat(audit.sequence()).isEqualTo(1);
        assertThat(audit.action()).isEqualTo(AuditAction.OPENED);
        assertThat(audit.actor()).isEqualTo(new Actor(ActorKind.CALLER, "a"));
        assertThat(audit.fromState()).isNull();
        assertThat(audit.toState()).isEqualTo(WorkOrderState.NEW);
    }

    @Test
    void shouldRespondAndGiveTheSeatTheWorkOrderWhenTheCallConnects() {
        // given
        long id = harness.call("a", Severity.P1);
        harness.clock.advance(Duration.ofMinutes(3));

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.CallConnected(call("a"),
                "seat-7")));

        // then
        StoredWorkOrder workOrder = changed.workOrder();
        assertThat(workOrder.id()).isEqualTo(id);
        assertThat(workOrder.state()).isEqualTo(WorkOrderState.IN_PROGRESS);
        assertThat(workOrder.ownerSeatId()).isEqualTo("seat-7");
        assertThat(workOrder.times().respondedAt()).isEqualTo(DeskHarness.START.plus(Duration.ofMinutes(3)));
        assertThat(workOrder.response().stopped()).isTrue();
        assertThat(workOrder.response().counted()).isEqualTo(Duration.ofMinutes(3));
        assertThat(workOrder.contacts()).isEqualTo(1);
        assertThat(changed.audit().action()).isEqualTo(AuditAction.CALL_CONNECTED);
        assertThat(changed.audit().fromState()).isEqualTo(WorkOrderState.NEW);
        assertThat(changed.audit().toState()).isEqualTo(WorkOrderState.IN_PROGRESS);
    }

    @Test
    void shouldRefuseAConnectionOfACallWithoutWorkOrder() {
        // when
        DeskCommand.Refused refusal = refused(harness.apply(new DeskEvent.CallConnected(call("ghost"), "seat-1")));

        // then
        assertThat(refusal.reason()).isEqualTo("the call has no work order");
        assertThat(harness.desk.workOrders()).isEmpty();
    }

    @Test
    void shouldOpenCallbackWorkForAnAbandonedCallWithItsOwnClock() {
        // given
        harness.clock.advance(Duration.ofMinutes(2));

        // when
        DeskCommand.WorkOrderOpened opened = opened(harness.apply(new DeskEvent.CallAbandoned(call("gone"),
                problem(), Severity.P2)));

        // then
        StoredWorkOrder workOrder = opened.workOrder();
        assertThat(workOrder.times().callbackAt()).isEqualTo(DeskHarness.START.plus(Duration.ofMinutes(2)));
        assertThat(workOrder.response().runningSince()).isEqualTo(workOrder.times().callbackAt());
        assertThat(workOrder.response().dueAt()).isEqualTo(workOrder.times().callbackAt().plus(Duration.ofHours(4)));
        assertThat(opened.audit().why()).contains("call back");
    }

    @Test
    void shouldMakeTheCallsWorkOrderCallbackWorkWhenTheCallerLeavesTheQueue() {
        // given
        long id = harness.call("a", Severity.P2);
        harness.clock.advance(Duration.ofMinutes(4));

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.CallAbandoned(call("a"),
                problem(), Severity.P2)));

        // then
        assertThat(changed.workOrder().id()).isEqualTo(id);
        assertThat(changed.workOrder().times().callbackAt()).isEqualTo(DeskHarness.START.plus(Duration.ofMinutes(4)));
        assertThat(changed.audit().action()).isEqualTo(AuditAction.CALL_ABANDONED);
        assertThat(harness.desk.workOrders()).hasSize(1);
    }

    @Test
    void shouldOpenByHandForAnEmailWithTheResponseClockRunningAndAWalkInAlreadyResponded() {
        // when
        StoredWorkOrder email = opened(harness.apply(new DeskEvent.OpenedByHand(SEAT, Origin.EMAIL, problem(),
                Severity.P3, "cannot post vouchers"))).workOrder();
        StoredWorkOrder walkIn = opened(harness.apply(new DeskEvent.OpenedByHand(SUPERVISOR, Origin.WALK_IN,
                problem(), Severity.P2, "printer setup"))).workOrder();

        // then
        assertThat(email.state()).isEqualTo(WorkOrderState.NEW);
        assertThat(email.ownerSeatId()).isEqualTo("seat-1");
        assertThat(email.call()).isNull();
        assertThat(email.response().stopped()).isFalse();
        assertThat(email.summary()).isEqualTo("cannot post vouchers");
        assertThat(walkIn.state()).isEqualTo(WorkOrderState.IN_PROGRESS);
        assertThat(walkIn.ownerSeatId()).isNull();
        assertThat(walkIn.response().stopped()).isTrue();
        assertThat(walkIn.times().respondedAt()).isEqualTo(DeskHarness.START);
        assertThat(walkIn.contacts()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnOpeningByHandFromSomeoneWhoIsNotAPersonOrForACall() {
        // when
        DeskCommand.Refused byCaller = refused(harness.apply(new DeskEvent.OpenedByHand(
                new Actor(ActorKind.CALLER, "x"), Origin.EMAIL, problem(), Severity.P3, "x")));
        DeskCommand.Refused forCall = refused(harness.apply(new DeskEvent.OpenedByHand(SEAT, Origin.CALL,
                problem(), Severity.P3, "x")));

        // then
        assertThat(byCaller.reason()).contains("only a seat or a supervisor");
        assertThat(forCall.reason()).contains("opened by the call");
        assertThat(harness.desk.workOrders()).isEmpty();
        assertThat(harness.desk.nextId()).isEqualTo(1);
    }

    @Test
    void shouldEscalateOneRungAtATimeUpToOnSiteWithTheReasonAudited() {
        // given
        long id = answered("a");

        // when
        List<Tier> tiers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.Escalated(id, SEAT,
                    "needs step " + i)));
            tiers.add(changed.workOrder().tier());
            assertThat(changed.audit().why()).isEqualTo("needs step " + i);
            assertThat(changed.audit().action()).isEqualTo(AuditAction.ESCALATED);
            assertThat(changed.audit().toTier()).isEqualTo(changed.workOrder().tier());
        }
        DeskCommand.Refused atTop = refused(harness.apply(new DeskEvent.Escalated(id, SEAT, "more")));

        // then
        assertThat(tiers).containsExactly(Tier.TIER2, Tier.EXPERT, Tier.REMOTE, Tier.ON_SITE);
        assertThat(harness.workOrder(id).state()).isEqualTo(WorkOrderState.DISPATCHED);
        assertThat(atTop.reason()).contains("top of the ladder");
        assertThat(harness.workOrder(id).tier()).isEqualTo(Tier.ON_SITE);
    }

    @Test
    void shouldRefuseAnEscalationWithoutReasonAndChangeNothing() {
        // given
        long id = answered("a");
        StoredWorkOrder before = harness.workOrder(id);

        // when
        DeskCommand.Refused blank = refused(harness.apply(new DeskEvent.Escalated(id, SEAT, "  ")));
        DeskCommand.Refused none = refused(harness.apply(new DeskEvent.Escalated(id, SEAT, null)));

        // then
        assertThat(blank.reason()).isEqualTo("an escalation needs a reason");
        assertThat(none.reason()).isEqualTo("an escalation needs a reason");
        assertThat(harness.workOrder(id)).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnEscalationWhileWaitingOnTheCustomer() {
        // given
        long id = answered("a");
        harness.apply(new DeskEvent.WaitingOnCustomer(id, SEAT, "log files asked"));

        // when
        DeskCommand.Refused refusal = refused(harness.apply(new DeskEvent.Escalated(id, SEAT, "stuck")));

        // then
        assertThat(refusal.reason()).contains("resume it first");
        assertThat(harness.workOrder(id).tier()).isEqualTo(Tier.TIER1);
    }

    @Test
    void shouldWaitOnTheCustomerAndResumeBackToWorkOnItsTier() {
        // given
        long id = answered("a");

        // when
        DeskCommand.WorkOrderChanged waiting = changed(harness.apply(new DeskEvent.WaitingOnCustomer(id, SEAT,
                "log files asked")));
        DeskCommand.Refused twice = refused(harness.apply(new DeskEvent.WaitingOnCustomer(id, SEAT, "again")));
        DeskCommand.WorkOrderChanged resumed = changed(harness.apply(new DeskEvent.Resumed(id, SEAT,
                "log files received")));
        DeskCommand.Refused notWaiting = refused(harness.apply(new DeskEvent.Resumed(id, SEAT, "again")));

        // then
        assertThat(waiting.workOrder().state()).isEqualTo(WorkOrderState.WAITING_ON_CUSTOMER);
        assertThat(waiting.workOrder().resolution().runningSince()).isNull();
        assertThat(twice.reason()).contains("already");
        assertThat(resumed.workOrder().state()).isEqualTo(WorkOrderState.IN_PROGRESS);
        assertThat(resumed.audit().fromState()).isEqualTo(WorkOrderState.WAITING_ON_CUSTOMER);
        assertThat(notWaiting.reason()).contains("not waiting on the customer");
    }

    @Test
    void shouldResolveWithTheResolutionThenCloseAndRefuseClosingAnOpenOne() {
        // given
        long id = answered("a");

        // when
        DeskCommand.Refused closeOpen = refused(harness.apply(new DeskEvent.Closed(id, SEAT, null)));
        DeskCommand.Refused noText = refused(harness.apply(new DeskEvent.Resolved(id, SEAT, "")));
        DeskCommand.WorkOrderChanged resolved = changed(harness.apply(new DeskEvent.Resolved(id, SEAT,
                "patch 13.0.2 applied")));
        DeskCommand.WorkOrderChanged closed = changed(harness.apply(new DeskEvent.Closed(id, SUPERVISOR,
                "rated 5")));

        // then
        assertThat(closeOpen.reason()).contains("only a resolved work order is closed");
        assertThat(noText.reason()).isEqualTo("resolving needs the resolution");
        assertThat(resolved.workOrder().state()).isEqualTo(WorkOrderState.RESOLVED);
        assertThat(resolved.audit().why()).isEqualTo("patch 13.0.2 applied");
        assertThat(resolved.workOrder().resolution().stopped()).isTrue();
        assertThat(closed.workOrder().state()).isEqualTo(WorkOrderState.CLOSED);
        assertThat(closed.workOrder().times().closedAt()).isEqualTo(DeskHarness.START);
        assertThat(closed.audit().actor()).isEqualTo(SUPERVISOR);
    }

    @Test
    void shouldRefuseWorkOnAResolvedWorkOrder() {
        // given
        long id = answered("a");
        harness.apply(new DeskEvent.Resolved(id, SEAT, "done"));

        // when
        List<DeskCommand> escalate = harness.apply(new DeskEvent.Escalated(id, SEAT, "why not"));
        List<DeskCommand> severity = harness.apply(new DeskEvent.SeverityChanged(id, SEAT, Severity.P1, "x"));
        List<DeskCommand> waiting = harness.apply(new DeskEvent.WaitingOnCustomer(id, SEAT, "x"));

        // then
        assertThat(refused(escalate).reason()).isEqualTo("work order 1 is RESOLVED");
        assertThat(refused(severity).reason()).isEqualTo("work order 1 is RESOLVED");
        assertThat(refused(waiting).reason()).isEqualTo("work order 1 is RESOLVED");
        assertThat(harness.workOrder(id).state()).isEqualTo(WorkOrderState.RESOLVED);
    }

    @Test
    void shouldReopenWithinTheWindowWithAReasonAndRefuseAfterIt() {
        // given
        long first = answered("a");
        long second = answered("b");
        harness.apply(new DeskEvent.Resolved(first, SEAT, "done"));
        harness.apply(new DeskEvent.Resolved(second, SEAT, "done"));
        harness.clock.advance(Duration.ofDays(7));

        // when
        DeskCommand.Refused noReason = refused(harness.apply(new DeskEvent.Reopened(first, SEAT, " ")));
        DeskCommand.WorkOrderChanged reopened = changed(harness.apply(new DeskEvent.Reopened(first, SEAT,
                "same error again")));
        harness.clock.advance(Duration.ofMillis(1));
        DeskCommand.Refused late = refused(harness.apply(new DeskEvent.Reopened(second, SEAT, "again")));

        // then
        assertThat(noReason.reason()).isEqualTo("a reopen needs a reason");
        assertThat(reopened.workOrder().state()).isEqualTo(WorkOrderState.IN_PROGRESS);
        assertThat(reopened.workOrder().reopens()).isEqualTo(1);
        assertThat(reopened.workOrder().times().resolvedAt()).isNull();
        assertThat(reopened.workOrder().resolution().stopped()).isFalse();
        assertThat(late.reason()).contains("reopen window of work order 2 ended at 2026-12-14T10:00:00Z");
        assertThat(harness.workOrder(second).state()).isEqualTo(WorkOrderState.RESOLVED);
    }

    @Test
    void shouldReleaseAClosedWorkOrderWhenItsReopenWindowEnds() {
        // given
        long id = answered("a");
        harness.apply(new DeskEvent.Resolved(id, SEAT, "done"));
        harness.clock.advance(Duration.ofDays(1));
        harness.apply(new DeskEvent.Closed(id, SEAT, "rated 4"));

        // when
        Duration window = Duration.ofDays(7);
        assertThat(harness.desk.nextTimer()).isEqualTo(harness.clock.instant().plus(window));
        List<DeskCommand> before = harness.tickAfter(window.minusMillis(1));
        List<DeskCommand> at = harness.tickAfter(Duration.ofMillis(1));
        List<DeskCommand> reopen = harness.apply(new DeskEvent.Reopened(id, SEAT, "again"));

        // then
        assertThat(before).isEmpty();
        assertThat(at).containsExactly(new DeskCommand.WorkOrderReleased(id, harness.clock.instant()));
        assertThat(harness.desk.workOrder(id)).isEmpty();
        assertThat(refused(reopen).reason()).contains("no such work order held");
        assertThat(harness.store.load().workOrders()).isEmpty();
    }

    @Test
    void shouldReassignTheOwnerAndRefuseTheSameOwner() {
        // given
        long id = answered("a");

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.OwnerReassigned(id, SUPERVISOR,
                "seat-9", "seat-1 went home")));
        DeskCommand.Refused same = refused(harness.apply(new DeskEvent.OwnerReassigned(id, SUPERVISOR, "seat-9",
                "again")));

        // then
        assertThat(changed.workOrder().ownerSeatId()).isEqualTo("seat-9");
        assertThat(changed.audit().ownerSeatId()).isEqualTo("seat-9");
        assertThat(same.reason()).contains("owns work order 1 already");
    }

    @Test
    void shouldRefuseUnknownWorkOrdersAndActorsWhoAreNotPeople() {
        // given
        long id = answered("a");

        // when
        DeskCommand.Refused unknown = refused(harness.apply(new DeskEvent.Escalated(99, SEAT, "x")));
        DeskCommand.Refused notPerson = refused(harness.apply(new DeskEvent.Escalated(id,
                new Actor(ActorKind.CALLER, "a"), "x")));

        // then
        assertThat(unknown.subject()).isEqualTo("99");
        assertThat(unknown.request()).isEqualTo("Escalated");
        assertThat(unknown.reason()).contains("no such work order");
        assertThat(notPerson.reason()).contains("only a seat or a supervisor");
    }

    @Test
    void shouldCountCustomerContactsAndRespondOnTheFirst() {
        // given
        long id = opened(harness.apply(new DeskEvent.CallAbandoned(call("a"), problem(), Severity.P2)))
                .workOrder().id();
        harness.clock.advance(Duration.ofMinutes(20));

        // when
        StoredWorkOrder first = changed(harness.apply(new DeskEvent.CustomerContacted(id, SEAT, "called back")))
                .workOrder();
        StoredWorkOrder second = changed(harness.apply(new DeskEvent.CustomerContacted(id, SEAT, "e-mail")))
                .workOrder();

        // then
        assertThat(first.times().respondedAt()).isEqualTo(DeskHarness.START.plus(Duration.ofMinutes(20)));
        assertThat(first.state()).isEqualTo(WorkOrderState.IN_PROGRESS);
        assertThat(first.contacts()).isEqualTo(1);
        assertThat(second.contacts()).isEqualTo(2);
        assertThat(second.times().respondedAt()).isEqualTo(first.times().respondedAt());
    }

    @Test
    void shouldAuditEveryChangeInOrderWithWhoWhatWhenWhyAndFromTo() {
        // given
        long id = harness.call("a", Severity.P2);
        harness.clock.advance(Duration.ofMinutes(1));
        harness.apply(new DeskEvent.CallConnected(call("a"), "seat-1"));
        harness.clock.advance(Duration.ofMinutes(5));
        harness.apply(new DeskEvent.Escalated(id, SEAT, "needs a senior"));
        harness.apply(new DeskEvent.SeverityChanged(id, SEAT, Severity.P1, "payroll stopped"));
        harness.apply(new DeskEvent.CallEnded(call("a")));
        harness.clock.advance(Duration.ofMinutes(30));
        harness.apply(new DeskEvent.Resolved(id, Actor.seat("seat-2"), "index rebuilt"));

        // when
        List<AuditEvent> trail = harness.store.trails.get(id);

        // then
        assertThat(trail).extracting(AuditEvent::sequence).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(trail).extracting(AuditEvent::action).containsExactly(AuditAction.OPENED,
                AuditAction.CALL_CONNECTED, AuditAction.ESCALATED, AuditAction.SEVERITY_CHANGED,
                AuditAction.CALL_ENDED, AuditAction.RESOLVED);
        AuditEvent escalated = trail.get(2);
        assertThat(escalated.at()).isEqualTo(DeskHarness.START.plus(Duration.ofMinutes(6)));
        assertThat(escalated.actor()).isEqualTo(SEAT);
        assertThat(escalated.fromTier()).isEqualTo(Tier.TIER1);
        assertThat(escalated.toTier()).isEqualTo(Tier.TIER2);
        assertThat(trail.get(3).severity()).isEqualTo(Severity.P1);
        assertThat(trail.get(5).fromState()).isEqualTo(WorkOrderState.IN_PROGRESS);
        assertThat(trail.get(5).toState()).isEqualTo(WorkOrderState.RESOLVED);
        AuditTrail.Replayed replayed = AuditTrail.replay(trail);
        assertThat(replayed.state()).isEqualTo(WorkOrderState.RESOLVED);
        assertThat(replayed.tier()).isEqualTo(Tier.TIER2);
        assertThat(replayed.severity()).isEqualTo(Severity.P1);
    }

    @Test
    void shouldRunOnTheGenericLoopWithATickThatChangesNothingButTheTimersDue() {
        // given
        Engine<DeskEvent, DeskCommand, DeskSnapshot> engine = harness.desk;
        long id = harness.call("a", Severity.P1);
        StoredWorkOrder before = harness.workOrder(id);
        List<DeskCommand> commands = new java.util.ArrayList<>();

        // when
        engine.apply(engine.tick(), commands::add);
        harness.clock.set(engine.nextTimer());
        engine.apply(engine.tick(), commands::add);

        // then
        assertThat(commands).hasSize(1).first().isInstanceOf(DeskCommand.ClockWarning.class);
        assertThat(harness.workOrder(id).state()).isEqualTo(before.state());
        assertThat(engine.eventsApplied()).isEqualTo(3);
        assertThat(engine.snapshot().sequence()).isEqualTo(3);
        assertThat(engine.snapshot().warningsFired()).isEqualTo(1);
    }

    private long answered(String linkedId) {
        long id = harness.call(linkedId, Severity.P2);
        harness.apply(new DeskEvent.CallConnected(call(linkedId), "seat-1"));
        return id;
    }
}
