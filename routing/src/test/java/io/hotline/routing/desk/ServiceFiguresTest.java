package io.hotline.routing.desk;

import static io.hotline.routing.desk.DeskHarness.SEAT;
import static io.hotline.routing.desk.DeskHarness.START;
import static io.hotline.routing.desk.DeskHarness.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** First-contact resolution and the share solved without a visit, from histories the desk produced. */
class ServiceFiguresTest {
    private final DeskHarness harness = new DeskHarness();

    @Test
    void shouldCountAWorkOrderResolvedOnItsOnlyContactAsFirstContactResolution() {
        // given
        long id = answeredCall("a", 42L, "ERP");
        harness.apply(new DeskEvent.Resolved(id, SEAT, "explained the setting"));

        // when
        ServiceFigures.Share fcr = ServiceFigures.firstContactResolution(histories(), ServiceFigures.REPEAT_WINDOW);

        // then
        assertThat(fcr).isEqualTo(new ServiceFigures.Share(1, 1));
        assertThat(fcr.ratio()).isEqualTo(1.0);
    }

    @Test
    void shouldNotCountAResolutionAfterASecondContact() {
        // given
        long id = answeredCall("a", 42L, "ERP");
        harness.apply(new DeskEvent.CustomerContacted(id, SEAT, "called back with the fix"));
        harness.apply(new DeskEvent.Resolved(id, SEAT, "fixed"));

        // then
        assertThat(ServiceFigures.firstContactResolution(histories(), ServiceFigures.REPEAT_WINDOW))
                .isEqualTo(new ServiceFigures.Share(0, 1));
    }

    @Test
    void shouldNotCountAResolutionFollowedByARepeatCallOfTheSameCustomerAndProductLineWithinTheWindow() {
        // given
        long first = answeredCall("a", 42L, "ERP");
        long other = answeredCall("b", 43L, "ERP");
        long otherLine = answeredCall("c", 44L, "ERP");
        harness.apply(new DeskEvent.Resolved(first, SEAT, "fixed"));
        harness.apply(new DeskEvent.Resolved(other, SEAT, "fixed"));
        harness.apply(new DeskEvent.Resolved(otherLine, SEAT, "fixed"));
        harness.clock.advance(Duration.ofDays(6));
        answeredCall("d", 42L, "ERP");
        answeredCall("e", 44L, "HR");
        harness.clock.advance(Duration.ofDays(2));
        answeredCall("f", 43L, "ERP");

        // then: 42 called again on ERP within 7 days; 44 called on another line; 43 called after 8 days
        assertThat(ServiceFigures.firstContactResolution(histories(), ServiceFigures.REPEAT_WINDOW))
                .isEqualTo(new ServiceFigures.Share(2, 3));
    }

    @Test
    void shouldNotCountAReopenedWorkOrder() {
        // given
        long id = answeredCall("a", 42L, "ERP");
        harness.apply(new DeskEvent.Resolved(id, SEAT, "fixed"));
        harness.clock.advance(Duration.ofDays(1));
        harness.apply(new DeskEvent.Reopened(id, SEAT, "not fixed"));
        harness.apply(new DeskEvent.Resolved(id, SEAT, "fixed now"));

        // then
        assertThat(ServiceFigures.firstContactResolution(histories(), ServiceFigures.REPEAT_WINDOW))
                .isEqualTo(new ServiceFigures.Share(0, 1));
    }

    @Test
    void shouldCountTheShareSolvedWithoutReachingOnSite() {
        // given
        long remote = answeredCall("a", 1L, "ERP");
        for (int i = 0; i < 3; i++) {
            harness.apply(new DeskEvent.Escalated(remote, SEAT, "step " + i));
        }
        harness.apply(new DeskEvent.Resolved(remote, SEAT, "remote session"));
        long visited = answeredCall("b", 2L, "ERP");
        for (int i = 0; i < 4; i++) {
            harness.apply(new DeskEvent.Escalated(visited, SEAT, "step " + i));
        }
        harness.apply(new DeskEvent.Resolved(visited, SEAT, "disk replaced on site"));
        long tier1 = answeredCall("c", 3L, "ERP");
        harness.apply(new DeskEvent.Resolved(tier1, SEAT, "how-to"));
        answeredCall("d", 4L, "ERP");

        // when
        ServiceFigures.Share share = ServiceFigures.solvedWithoutVisit(histories());

        // then: the unresolved one does not count
        assertThat(share).isEqualTo(new ServiceFigures.Share(2, 3));
    }

    @Test
    void shouldDecideOnEachResolvedWorkOrderAsTheSharesCountIt() {
        // given a repeat call (42), a visit on site (43), a first-contact resolution (44) and an open one (45)
        long repeated = answeredCall("a", 42L, "ERP");
        harness.apply(new DeskEvent.Resolved(repeated, SEAT, "fixed"));
        long visited = answeredCall("b", 43L, "HR");
        for (int i = 0; i < 4; i++) {
            harness.apply(new DeskEvent.Escalated(visited, SEAT, "step " + i));
        }
        harness.apply(new DeskEvent.Resolved(visited, SEAT, "on site"));
        long first = answeredCall("c", 44L, "ERP");
        harness.apply(new DeskEvent.Resolved(first, SEAT, "how-to"));
        answeredCall("d", 45L, "ERP");
        harness.clock.advance(Duration.ofDays(1));
        answeredCall("e", 42L, "ERP");

        // when
        List<ServiceFigures.Outcome> outcomes = ServiceFigures.outcomes(histories(), ServiceFigures.REPEAT_WINDOW);

        // then one decision per resolved work order, and they count to the shares
        assertThat(outcomes).extracting(outcome -> outcome.history().workOrderId())
                .containsExactlyInAnyOrder(repeated, visited, first);
        assertThat(outcomes).extracting(outcome -> outcome.history().workOrderId() + ":" + outcome.firstContact()
                + ":" + outcome.withoutVisit()).containsExactlyInAnyOrder(repeated + ":false:true",
                visited + ":true:false", first + ":true:true");
        assertThat(ServiceFigures.firstContactResolution(histories(), ServiceFigures.REPEAT_WINDOW))
                .isEqualTo(new ServiceFigures.Share(outcomes.stream().filter(ServiceFigures.Outcome::firstContact)
                        .count(), outcomes.size()));
        assertThat(ServiceFigures.solvedWithoutVisit(histories())).isEqualTo(new ServiceFigures.Share(
                outcomes.stream().filter(ServiceFigures.Outcome::withoutVisit).count(), outcomes.size()));
    }

    @Test
    void shouldGiveZeroOfZeroForNothingResolved() {
        // then
        assertThat(ServiceFigures.solvedWithoutVisit(List.of()).ratio()).isZero();
        assertThat(ServiceFigures.firstContactResolution(List.of(), ServiceFigures.REPEAT_WINDOW))
                .isEqualTo(new ServiceFigures.Share(0, 0));
    }

    private long answeredCall(String linkedId, Long customerId, String productLine) {
        long id = DeskHarness.all(harness.apply(new DeskEvent.CallArrived(call(linkedId),
                new CustomerProblem("+86", customerId, null, productLine), Severity.P3)),
                DeskCommand.WorkOrderOpened.class).get(0).workOrder().id();
        harness.apply(new DeskEvent.CallConnected(call(linkedId), "seat-1"));
        return id;
    }

    private List<WorkOrderHistory> histories() {
        assertThat(harness.clock.instant()).isAfterOrEqualTo(START);
        return harness.store.histories();
    }
}
