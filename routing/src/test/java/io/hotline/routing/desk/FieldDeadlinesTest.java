package io.hotline.routing.desk;

import static io.hotline.routing.desk.DeskHarness.START;
import static io.hotline.routing.desk.FieldLegHarness.MANAGER_SZ;
import static io.hotline.routing.desk.FieldLegHarness.change;
import static io.hotline.routing.desk.FieldLegHarness.checkIn;
import static io.hotline.routing.desk.FieldLegHarness.field;
import static io.hotline.routing.desk.FieldLegHarness.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.field.CheckInKind;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldDeadline;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldFixtures;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.Site;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The field leg's deadlines and its less travelled paths: unplaced, placed by hand, cancelled, restarted. */
class FieldDeadlinesTest {
    private final FieldLegHarness harness = new FieldLegHarness();
    private final DeskHarness desk = harness.desk;

    private static Instant at(int hours, int minutes) {
        return START.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
    }

    @Test
    void shouldWarnAtThreeHoursAndBreachAtFourWhenNoEngineerIsAssigned() {
        // given an order Suzhou acknowledged at 10:01
        harness.onSite("a", FieldFixtures.SITE);
        harness.at(at(0, 1), new FieldEvent.Acknowledged(1, MANAGER_SZ));

        // when
        List<DeskCommand> early = desk.tickAt(at(3, 1).minusMillis(1));
        List<DeskCommand> warning = desk.tickAt(at(3, 1));
        List<DeskCommand> breach = desk.tickAt(at(4, 1));
        List<DeskCommand> later = desk.tickAt(at(9, 0));
        List<DeskCommand> assigned = harness.at(at(9, 5), new FieldEvent.EngineerAssigned(1, MANAGER_SZ, "E-SZ-1",
                null));

        // then
        assertThat(early).isEmpty();
        assertThat(kinds(warning)).containsExactly("DispatchChanged", "HeadquartersAlert");
        assertThat(change(warning).step().step()).isEqualTo("ASSIGN_WARNING");
        assertThat(change(warning).step().at()).isEqualTo(at(3, 1));
        assertThat(field(warning, FieldCommand.HeadquartersAlert.class).get(0).kind()).isEqualTo("ASSIGN_WARNING");
        assertThat(kinds(breach)).containsExactly("DispatchChanged", "HeadquartersAlert");
        assertThat(change(breach).step().step()).isEqualTo("ASSIGN_BREACHED");
        assertThat(field(breach, FieldCommand.HeadquartersAlert.class).get(0).kind()).isEqualTo("ASSIGN_BREACHED");
        assertThat(change(breach).dispatch().fired()).isEqualTo(FieldDeadline.ASSIGN_WARNING.bit()
                | FieldDeadline.ASSIGN.bit());
        assertThat(later).isEmpty();
        assertThat(change(assigned).dispatch().state()).isEqualTo(DispatchState.ASSIGNED);
    }

    @Test
    void shouldCancelTheAssignmentDeadlinesWhenAnEngineerIsAssignedInTime() {
        // given
        harness.onSite("a", FieldFixtures.SITE);
        harness.at(at(0, 1), new FieldEvent.Acknowledged(1, MANAGER_SZ));

        // when
        harness.at(at(2, 0), new FieldEvent.EngineerAssigned(1, MANAGER_SZ, "E-SZ-1", null));

        // then
        assertThat(desk.tickAt(at(5, 0))).isEmpty();
        assertThat(desk.desk.nextTimer()).isAfter(at(5, 0));
    }

    @Test
    void shouldRetryAnUnreachableCustomerThenScoreWithoutSatisfactionAndAlert() {
        // given an order completed at 11:00 without appointment, acknowledged and assigned in time
        harness.onSite("a", FieldFixtures.SITE);
        harness.at(at(0, 5), new FieldEvent.Acknowledged(1, MANAGER_SZ));
        harness.at(at(0, 10), new FieldEvent.EngineerAssigned(1, MANAGER_SZ, "E-SZ-1", null));
        harness.at(at(0, 50), checkIn(1, "+8613800000011", CheckInKind.ARRIVE, null, "a1", at(0, 50)));
        harness.at(at(1, 0), checkIn(1, "+8613800000011", CheckInKind.DONE, " ", "d1", at(1, 0)));
        assertThat(desk.workOrder(1).details().resolution()).isEqualTo("completed on site");

        // when nobody answers three times, an hour apart
        List<DeskCommand> first = desk.tickAt(at(1, 30));
        List<DeskCommand> unreachable1 = harness.at(at(1, 35), new FieldEvent.FollowUpRecorded(1, MANAGER_SZ, null,
                null, true));
        List<DeskCommand> tooEarly = desk.tickAt(at(2, 35).minusMillis(1));
        List<DeskCommand> second = desk.tickAt(at(2, 35));
        harness.at(at(2, 40), new FieldEvent.FollowUpRecorded(1, MANAGER_SZ, null, null, true));
        List<DeskCommand> third = desk.tickAt(at(3, 40));
        List<DeskCommand> givenUp = harness.at(at(3, 45), new FieldEvent.FollowUpRecorded(1, MANAGER_SZ, null,
                "no answer", true));

        // then
        assertThat(field(first, FieldCommand.FollowUpDue.class).get(0).attempt()).isEqualTo(1);
        assertThat(change(unreachable1).step().detail()).isEqualTo("attempt 1 of 3; next at " + at(2, 35));
        assertThat(change(unreachable1).dispatch().followUp().dueAt()).isEqualTo(at(2, 35));
        assertThat(tooEarly).isEmpty();
        assertThat(field(second, FieldCommand.FollowUpDue.class)).containsExactly(new FieldCommand.FollowUpDue(1,
                "SZ", "+8613900000001", 2, at(2, 35)));
        assertThat(field(third, FieldCommand.FollowUpDue.class).get(0).attempt()).isEqualTo(3);
        assertThat(kinds(givenUp)).containsExactly("DispatchChanged", "HeadquartersAlert", "DispatchChanged",
                "ServiceReported", "WorkOrderChanged");
        assertThat(field(givenUp, FieldCommand.HeadquartersAlert.class).get(0).kind())
                .isEqualTo("FOLLOW_UP_UNREACHABLE");
        StoredDispatch closed = field(givenUp, FieldCommand.ServiceReported.class).get(0).dispatch();
        // no satisfaction: (10 punctuality without appointment + 30 deadlines) x 100 / 50
        assertThat(closed.score()).isEqualTo(new FieldScore(80, null, 10, 30));
        assertThat(closed.followUp().attempts()).isEqualTo(3);
        assertThat(closed.followUp().recordedAt()).isEqualTo(at(3, 45));
        assertThat(desk.workOrder(1).state()).isEqualTo(WorkOrderState.CLOSED);
        assertThat(desk.tickAt(at(9, 0))).isEmpty();
    }

    @Test
    void shouldLeaveAnOrderWithoutLocationUnplacedUntilASupervisorPlacesIt() {
        // given
        List<DeskCommand> escalated = harness.onSite("a", new Site("somewhere in Suzhou", null, null));

        // when
        List<DeskCommand> bySeat = harness.at(at(0, 5), new FieldEvent.PlacedByHand(1, DeskHarness.SEAT, "SH",
                "closest"));
        List<DeskCommand> unknown = harness.at(at(0, 6), new FieldEvent.PlacedByHand(1, DeskHarness.SUPERVISOR,
                "XX", "closest"));
        List<DeskCommand> placed = harness.at(at(0, 7), new FieldEvent.PlacedByHand(1, DeskHarness.SUPERVISOR, "SH",
                "the customer is near Shanghai"));

        // then
        assertThat(kinds(escalated)).containsExactly("WorkOrderChanged", "DispatchChanged", "HeadquartersAlert");
        assertThat(change(escalated).dispatch().state()).isEqualTo(DispatchState.UNPLACED);
        assertThat(change(escalated).step().detail()).isEqualTo("the site's location is not known");
        assertThat(DeskHarness.refused(bySeat).reason()).isEqualTo("only a supervisor may do this");
        assertThat(DeskHarness.refused(unknown).reason()).isEqualTo("no branch XX");
        assertThat(kinds(placed)).containsExactly("DispatchChanged", "SendSms");
        assertThat(change(placed).step().step()).isEqualTo("PLACED_BY_HAND");
        assertThat(change(placed).dispatch().currentLeg().branchCode()).isEqualTo("SH");
        assertThat(change(placed).dispatch().currentLeg().ackDueAt()).isEqualTo(at(0, 17));
        // its leg expires like any other, and with no location there is no next branch
        List<DeskCommand> expired = desk.tickAt(at(0, 17));
        assertThat(kinds(expired)).containsExactly("DispatchChanged", "HeadquartersAlert");
        assertThat(change(expired).dispatch().state()).isEqualTo(DispatchState.UNPLACED);
    }

    @Test
    void shouldCancelTheDispatchWhenItsWorkOrderIsClosedByOtherMeans() {
        // given an acknowledged order
        harness.onSite("a", FieldFixtures.SITE);
        harness.at(at(0, 1), new FieldEvent.Acknowledged(1, MANAGER_SZ));

        // when the seat resolves and closes the work order itself
        harness.desk.apply(new DeskEvent.Resolved(1, DeskHarness.SEAT, "customer fixed it"));
        List<DeskCommand> closed = harness.desk.apply(new DeskEvent.Closed(1, DeskHarness.SEAT, "done"));

        // then
        assertThat(kinds(closed)).containsExactly("WorkOrderChanged", "DispatchChanged");
        assertThat(change(closed).dispatch().state()).isEqualTo(DispatchState.CANCELLED);
        assertThat(change(closed).dispatch().closedAt()).isEqualTo(at(0, 1));
        assertThat(desk.tickAt(at(8, 0))).isEmpty();
        assertThat(harness.at(at(8, 1), new FieldEvent.EngineerAssigned(1, MANAGER_SZ, "E-SZ-1", null)))
                .extracting(command -> ((DeskCommand.Refused) command).reason())
                .containsExactly("dispatch order 1 is CANCELLED");
    }

    @Test
    void shouldTellTheAssignedEngineerNotToGoWhenTheWorkOrderIsClosedAndAnswerUnknownOrders() {
        // given an order assigned to Suzhou's engineer
        harness.onSite("a", FieldFixtures.SITE);
        harness.at(at(0, 1), new FieldEvent.Acknowledged(1, MANAGER_SZ));
        harness.at(at(0, 2), new FieldEvent.EngineerAssigned(1, MANAGER_SZ, "E-SZ-1", null));

        // when the work order is resolved and closed at the desk, and the engineer texts about it and another
        harness.desk.apply(new DeskEvent.Resolved(1, DeskHarness.SEAT, "customer fixed it"));
        List<DeskCommand> closed = harness.desk.apply(new DeskEvent.Closed(1, DeskHarness.SEAT, "done"));
        List<DeskCommand> late = harness.at(at(0, 30), checkIn(1, "+8613800000011", CheckInKind.ARRIVE, null, "x1",
                at(0, 30)));
        List<DeskCommand> unknown = harness.at(at(0, 31), checkIn(77, "+8613800000011", CheckInKind.ARRIVE, null,
                "x2", at(0, 31)));

        // then
        assertThat(kinds(closed)).containsExactly("WorkOrderChanged", "DispatchChanged", "SendSms");
        assertThat(FieldLegHarness.sms(closed)).isEqualTo(new FieldCommand.SendSms(1, "cancelled-4",
                "+8613800000011", "Hotline: order 1 is cancelled. Do not go."));
        assertThat(FieldLegHarness.sms(late).body()).isEqualTo("Hotline: order 1 is cancelled.");
        assertThat(FieldLegHarness.sms(unknown)).isEqualTo(new FieldCommand.SendSms(0, "reply-x2",
                "+8613800000011", "Hotline: no dispatch order 77."));
    }

    @Test
    void shouldFireWhatCameDueWhileDownOnceOnTheFirstEventAfterARestore() {
        // given an order sent to Suzhou at 10:00, the desk stopped at 10:05
        harness.onSite("a", FieldFixtures.SITE);
        desk.clock.set(at(0, 5));
        desk.restart();

        // when it comes back at 10:25 (leg 1 was due at 10:10)
        List<DeskCommand> first = desk.tickAt(at(0, 25));
        List<DeskCommand> second = desk.tickAt(at(0, 26));

        // then leg 1 expires once, and leg 2 runs from the restart
        assertThat(kinds(first)).containsExactly("DispatchChanged", "SendSms", "HeadquartersAlert");
        StoredDispatch redispatched = change(first).dispatch();
        assertThat(redispatched.legs().get(0).expiredAt()).isEqualTo(at(0, 10));
        assertThat(redispatched.currentLeg().sentAt()).isEqualTo(at(0, 25));
        assertThat(redispatched.currentLeg().ackDueAt()).isEqualTo(at(0, 35));
        assertThat(second).isEmpty();
        desk.restart();
        assertThat(desk.tickAt(at(0, 34))).isEmpty();
        assertThat(change(desk.tickAt(at(0, 35))).step().step()).isEqualTo("REDISPATCHED");
    }
}
