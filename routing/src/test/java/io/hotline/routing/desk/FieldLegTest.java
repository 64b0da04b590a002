package io.hotline.routing.desk;

import static io.hotline.routing.desk.DeskHarness.START;
import static io.hotline.routing.desk.FieldLegHarness.MANAGER_SH;
import static io.hotline.routing.desk.FieldLegHarness.MANAGER_SZ;
import static io.hotline.routing.desk.FieldLegHarness.change;
import static io.hotline.routing.desk.FieldLegHarness.checkIn;
import static io.hotline.routing.desk.FieldLegHarness.field;
import static io.hotline.routing.desk.FieldLegHarness.kinds;
import static io.hotline.routing.desk.FieldLegHarness.sms;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.field.BranchChoice;
import io.hotline.routing.field.CheckInKind;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldFixtures;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole field leg, scripted on a manual clock, every timestamp asserted. */
class FieldLegTest {
    private static final Instant T0 = START;
    private final FieldLegHarness harness = new FieldLegHarness();
    private final DeskHarness desk = harness.desk;

    private static Instant at(int hours, int minutes) {
        return T0.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
    }

    @Test
    void shouldCarryAnOnSiteOrderFromEscalationToTheScoredClosure() {
        // given a work order escalated on site for the customer in Suzhou
        List<DeskCommand> escalated = harness.onSite("a", FieldFixtures.SITE);

        // then it goes at once to the nearest branch, Suzhou, with an SMS to the shift's duty phone
        assertThat(kinds(escalated)).containsExactly("WorkOrderChanged", "DispatchChanged", "SendSms");
        FieldCommand.DispatchChanged sent = change(escalated);
        assertThat(sent.step()).isEqualTo(new FieldStep(1, 1, T0, DeskHarness.SEAT, "SENT",
                "leg 1 to SZ, 3.8 km"));
        StoredDispatch opened = sent.dispatch();
        assertThat(opened.state()).isEqualTo(DispatchState.SENT);
        assertThat(opened.openedAt()).isEqualTo(T0);
        assertThat(opened.ranking()).extracting(BranchChoice::branchCode).containsExactly("SZ", "SH", "HZ", "NJ");
        assertThat(opened.legs()).containsExactly(new DispatchLeg(1, "SZ", opened.ranking().get(0).distanceKm(), T0,
                at(0, 10), null, null));
        assertThat(opened.contactNumber()).isEqualTo("+8613900000001");
        assertThat(opened.productLine()).isEqualTo("ERP");
        FieldCommand.SendSms dispatchSms = sms(escalated);
        assertThat(dispatchSms).isEqualTo(new FieldCommand.SendSms(1, "dispatch-1", "+8613900000010",
                "Hotline: dispatch order 1 (ERP) at 苏州市姑苏区人民路 100 号, 3.8 km from SZ branch. Acknowledge on the"
                        + " console within 10 min."));
        assertThat(desk.workOrder(1).state()).isEqualTo(WorkOrderState.DISPATCHED);

        // when Suzhou does not acknowledge within 10 minutes
        assertThat(desk.tickAt(at(0, 10).minusMillis(1))).isEmpty();
        assertThat(desk.desk.nextTimer()).isEqualTo(at(0, 10));
        List<DeskCommand> expired = desk.tickAt(at(0, 10));

        // then it goes to Shanghai, the next nearest, and headquarters hears of it
        assertThat(kinds(expired)).containsExactly("DispatchChanged", "SendSms", "HeadquartersAlert");
        FieldCommand.DispatchChanged redispatched = change(expired);
        assertThat(redispatched.step().sequence()).isEqualTo(2);
        assertThat(redispatched.step().step()).isEqualTo("REDISPATCHED");
        assertThat(redispatched.step().actor()).isEqualTo(FieldWork.DESK);
        assertThat(redispatched.step().at()).isEqualTo(at(0, 10));
        assertThat(redispatched.step().detail()).isEqualTo("leg 1 to SZ not acknowledged by " + at(0, 10)
                + "; leg 2 to SH, 84.8 km");
        assertThat(redispatched.dispatch().legs()).extracting(DispatchLeg::branchCode, DispatchLeg::sentAt,
                        DispatchLeg::ackDueAt, DispatchLeg::expiredAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SZ", T0, at(0, 10), at(0, 10)),
                        org.assertj.core.groups.Tuple.tuple("SH", at(0, 10), at(0, 20), null));
        assertThat(sms(expired).key()).isEqualTo("dispatch-2");
        assertThat(sms(expired).to()).isEqualTo("+8613900000020");
        FieldCommand.HeadquartersAlert alert = field(expired, FieldCommand.HeadquartersAlert.class).get(0);
        assertThat(alert.kind()).isEqualTo("REDISPATCHED");
        assertThat(alert.at()).isEqualTo(at(0, 10));

        // when Shanghai acknowledges at 10:12, and Suzhou too late
        List<DeskCommand> acknowledged = harness.at(at(0, 12), new FieldEvent.Acknowledged(1, MANAGER_SH));
        List<DeskCommand> twice = harness.at(at(0, 13), new FieldEvent.Acknowledged(1, MANAGER_SZ));

        // then the assignment is due four hours later
        assertThat(kinds(acknowledged)).containsExactly("DispatchChanged");
        StoredDispatch afterAck = change(acknowledged).dispatch();
        assertThat(afterAck.state()).isEqualTo(DispatchState.ACKNOWLEDGED);
        assertThat(afterAck.assignDueAt()).isEqualTo(at(4, 12));
        assertThat(afterAck.currentLeg().acknowledgedAt()).isEqualTo(at(0, 12));
        assertThat(change(acknowledged).step().sequence()).isEqualTo(3);
        assertThat(DeskHarness.refused(twice).reason()).isEqualTo("dispatch order 1 is ACKNOWLEDGED");

        // when the branch assigns an engineer of another branch, a retired one, then its own
        String notOurs = DeskHarness.refused(harness.at(at(0, 20), new FieldEvent.EngineerAssigned(1, MANAGER_SH,
                "E-SZ-1", null))).reason();
        String retired = DeskHarness.refused(harness.at(at(0, 21), new FieldEvent.EngineerAssigned(1, MANAGER_SH,
                "E-SH-9", null))).reason();
        List<DeskCommand> assigned = harness.at(at(0, 30), new FieldEvent.EngineerAssigned(1, MANAGER_SH, "E-SH-1",
                null));

        // then the engineer gets the order's number, the site and the check-in format
        assertThat(notOurs).isEqualTo("engineer E-SZ-1 works for branch SZ, not SH");
        assertThat(retired).isEqualTo("engineer E-SH-9 is not active");
        assertThat(kinds(assigned)).containsExactly("DispatchChanged", "SendSms");
        assertThat(change(assigned).step()).isEqualTo(new FieldStep(1, 4, at(0, 30), MANAGER_SH, "ASSIGNED",
                "E-SH-1 (Li Na)"));
        assertThat(change(assigned).dispatch().assignedAt()).isEqualTo(at(0, 30));
        assertThat(sms(assigned)).isEqualTo(new FieldCommand.SendSms(1, "assigned-E-SH-1-4", "+8613800000021",
                "Hotline: order 1 assigned to you. Site: 苏州市姑苏区人民路 100 号. Text ARRIVE 1 on arrival, DONE 1"
                        + " <what was done> when finished. 到达/完成 1"));

        // when the appointment is booked for 12:00 UTC (20:00 in Shanghai)
        List<DeskCommand> booked = harness.at(at(0, 40), new FieldEvent.AppointmentBooked(1, MANAGER_SH, at(2, 0)));

        // then
        assertThat(change(booked).step()).isEqualTo(new FieldStep(1, 5, at(0, 40), MANAGER_SH,
                "APPOINTMENT_BOOKED", "2026-12-07 20:00"));
        assertThat(change(booked).dispatch().state()).isEqualTo(DispatchState.SCHEDULED);
        assertThat(sms(booked)).isEqualTo(new FieldCommand.SendSms(1, "appointment-5", "+8613800000021",
                "Hotline: order 1: appointment 2026-12-07 20:00 at 苏州市姑苏区人民路 100 号."));

        // when another engineer's phone texts ARRIVE, and the assigned one texts DONE before ARRIVE
        List<DeskCommand> wrongPhone = harness.at(at(1, 50), checkIn(1, "+8613800000022", CheckInKind.ARRIVE, null,
                "m1", at(1, 50)));
        List<DeskCommand> doneFirst = harness.at(at(1, 51), checkIn(1, "+8613800000021", CheckInKind.DONE, "x",
                "m2", at(1, 51)));

        // then both are refused, and the sender learns why by SMS
        assertThat(kinds(wrongPhone)).containsExactly("Refused", "SendSms");
        DeskCommand.Refused refusal = (DeskCommand.Refused) wrongPhone.get(0);
        assertThat(refusal).isEqualTo(new DeskCommand.Refused("1", "CheckedIn",
                "this phone is not the mobile of the engineer assigned to order 1",
                new Actor(ActorKind.ENGINEER, "E-SH-2")));
        assertThat(sms(wrongPhone)).isEqualTo(new FieldCommand.SendSms(1, "reply-m1", "+8613800000022",
                "Hotline: this phone is not the mobile of the engineer assigned to order 1."));
        assertThat(((DeskCommand.Refused) doneFirst.get(0)).reason()).isEqualTo("text ARRIVE 1 first");
        assertThat(sms(doneFirst).key()).isEqualTo("reply-m2");

        // when the engineer texts ARRIVE (sent 11:59, received 12:00, the number without its country code)
        List<DeskCommand> arrived = harness.at(at(2, 0), checkIn(1, "13800000021", CheckInKind.ARRIVE, null, "m3",
                at(1, 59)));

        // then the arrival is the SMS's time, confirmed to the sender
        assertThat(kinds(arrived)).containsExactly("DispatchChanged", "SendSms");
        assertThat(change(arrived).dispatch().arrivedAt()).isEqualTo(at(1, 59));
        assertThat(change(arrived).dispatch().state()).isEqualTo(DispatchState.ON_SITE);
        assertThat(change(arrived).step()).isEqualTo(new FieldStep(1, 6, at(2, 0),
                new Actor(ActorKind.ENGINEER, "E-SH-1"), "ARRIVED", "at " + at(1, 59) + " (SMS m3)"));
        assertThat(sms(arrived)).isEqualTo(new FieldCommand.SendSms(1, "ack-m3", "13800000021",
                "Hotline: arrival at order 1 recorded (2026-12-07 19:59)."));

        // when the engineer texts DONE at 13:00
        List<DeskCommand> done = harness.at(at(3, 0), checkIn(1, "+8613800000021", CheckInKind.DONE,
                "replaced the disk", "m4", at(3, 0)));

        // then the order is completed and the work order resolved by the engineer with the note
        assertThat(kinds(done)).containsExactly("DispatchChanged", "WorkOrderChanged", "SendSms");
        StoredDispatch completed = change(done).dispatch();
        assertThat(completed.state()).isEqualTo(DispatchState.COMPLETED);
        assertThat(completed.completedAt()).isEqualTo(at(3, 0));
        assertThat(completed.completionNote()).isEqualTo("replaced the disk");
        assertThat(completed.followUp().dueAt()).isEqualTo(at(3, 30));
        DeskCommand.WorkOrderChanged resolved = DeskHarness.all(done, DeskCommand.WorkOrderChanged.class).get(0);
        assertThat(resolved.workOrder().state()).isEqualTo(WorkOrderState.RESOLVED);
        assertThat(resolved.audit().actor()).isEqualTo(new Actor(ActorKind.ENGINEER, "E-SH-1"));
        assertThat(resolved.audit().why()).isEqualTo("replaced the disk");
        assertThat(resolved.workOrder().times().resolvedAt()).isEqualTo(at(3, 0));
        assertThat(sms(done).key()).isEqualTo("ack-m4");

        // when the follow-up comes due 30 minutes later
        assertThat(desk.tickAt(at(3, 30).minusMillis(1))).isEmpty();
        List<DeskCommand> due = desk.tickAt(at(3, 30));

        // then the branch's console gets the task
        assertThat(kinds(due)).containsExactly("DispatchChanged", "FollowUpDue");
        assertThat(change(due).step().step()).isEqualTo("FOLLOW_UP_DUE");
        assertThat(field(due, FieldCommand.FollowUpDue.class)).containsExactly(new FieldCommand.FollowUpDue(1, "SH",
                "+8613900000001", 1, at(3, 30)));
        assertThat(desk.tickAt(at(3, 35))).isEmpty();

        // when the supervisor records satisfaction 4 at 13:40
        List<DeskCommand> followedUp = harness.at(at(3, 40), new FieldEvent.FollowUpRecorded(1, MANAGER_SH, 4,
                "quick and tidy", false));

        // then the order is scored, closed, reported, and the work order closed with the score
        assertThat(kinds(followedUp)).containsExactly("DispatchChanged", "DispatchChanged", "ServiceReported",
                "WorkOrderChanged");
        List<FieldCommand.DispatchChanged> steps = field(followedUp, FieldCommand.DispatchChanged.class);
        assertThat(steps.get(0).step().step()).isEqualTo("FOLLOWED_UP");
        assertThat(steps.get(0).step().detail()).isEqualTo("satisfaction 4/5: quick and tidy");
        StoredDispatch closed = steps.get(1).dispatch();
        // 40 satisfaction + 20 punctuality (11:59 for 12:00) + 20 deadlines (leg 1 expired: 0; assigned: 10;
        // resolved in time: 10)
        assertThat(closed.score()).isEqualTo(new FieldScore(80, 40, 20, 20));
        assertThat(closed.state()).isEqualTo(DispatchState.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(at(3, 40));
        assertThat(steps.get(1).step().detail()).isEqualTo("on-site score 80/100");
        assertThat(field(followedUp, FieldCommand.ServiceReported.class).get(0).dispatch()).isEqualTo(closed);
        DeskCommand.WorkOrderChanged closedOrder = DeskHarness.all(followedUp, DeskCommand.WorkOrderChanged.class)
                .get(0);
        assertThat(closedOrder.workOrder().state()).isEqualTo(WorkOrderState.CLOSED);
        assertThat(closedOrder.audit().why()).isEqualTo("on-site score 80/100");
        assertThat(closedOrder.audit().actor()).isEqualTo(MANAGER_SH);
        assertThat(closed.steps()).isEqualTo(10);
        assertThat(desk.store.dispatches.values()).containsExactlyElementsOf(desk.desk.dispatches());
        assertThat(desk.desk.nextTimer()).isAfter(at(24 * 6, 0));
    }
}
