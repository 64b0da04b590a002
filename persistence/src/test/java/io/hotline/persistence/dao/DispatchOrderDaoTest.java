package io.hotline.persistence.dao;

import static io.hotline.persistence.dao.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DispatchOrderDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static long branch;
    private static long engineer;

    @BeforeAll
    static void givenABranchWithAnEngineer() {
        branch = Fixtures.branch(DB.jdbi(), "B-DISPATCH");
        engineer = Fixtures.engineer(DB.jdbi(), branch, "E-ZHAO", "+86 139 4444 0001");
    }

    @Test
    void shouldRecordEveryStepOfTheForwardPath() {
        // given a dispatch order
        DispatchOrderDao dispatch = DB.jdbi().onDemand(DispatchOrderDao.class);
        long id = create(dispatch);

        // when it goes through every step in order
        assertThat(dispatch.markSent(id, at(1), at(240))).isTrue();
        assertThat(dispatch.markAcknowledged(id, at(2))).isTrue();
        assertThat(dispatch.markAssigned(id, engineer, at(3))).isTrue();
        assertThat(dispatch.markAppointment(id, at(60))).isTrue();
        assertThat(dispatch.markAppointment(id, at(90))).isTrue();
        assertThat(dispatch.markArrived(id, at(91))).isTrue();
        assertThat(dispatch.markCompleted(id, at(150), at(180))).isTrue();
        assertThat(dispatch.markClosed(id, at(200))).isTrue();

        // then each step left its timestamp, and the version counts the steps
        DispatchOrderRow order = dispatch.find(id).orElseThrow();
        assertThat(order.state()).isEqualTo(DispatchState.CLOSED);
        assertThat(order.engineerId()).isEqualTo(engineer);
        assertThat(order.distanceKm()).isEqualTo(12.34);
        assertThat(order.createdAt()).isEqualTo(T0);
        assertThat(order.sendDueAt()).isEqualTo(at(10));
        assertThat(order.sentAt()).isEqualTo(at(1));
        assertThat(order.assignDueAt()).isEqualTo(at(240));
        assertThat(order.acknowledgedAt()).isEqualTo(at(2));
        assertThat(order.assignedAt()).isEqualTo(at(3));
        assertThat(order.appointmentAt()).isEqualTo(at(90));
        assertThat(order.arrivedAt()).isEqualTo(at(91));
        assertThat(order.completedAt()).isEqualTo(at(150));
        assertThat(order.surveyDueAt()).isEqualTo(at(180));
        assertThat(order.closedAt()).isEqualTo(at(200));
        assertThat(order.version()).isEqualTo(8);
    }

    @Test
    void shouldRefuseArrivalBeforeAssignment() {
        // given an order sent to the branch but not yet assigned
        DispatchOrderDao dispatch = DB.jdbi().onDemand(DispatchOrderDao.class);
        long id = create(dispatch);
        dispatch.markSent(id, at(1), at(240));

        // when an engineer reports arrival (or completion) anyway
        boolean arrived = dispatch.markArrived(id, at(5));
        boolean completed = dispatch.markCompleted(id, at(6), at(36));
        boolean closed = dispatch.markClosed(id, at(7));

        // then nothing changes
        assertThat(arrived).isFalse();
        assertThat(completed).isFalse();
        assertThat(closed).isFalse();
        DispatchOrderRow order = dispatch.find(id).orElseThrow();
        assertThat(order.state()).isEqualTo(DispatchState.SENT);
        assertThat(order.arrivedAt()).isNull();
        assertThat(order.completedAt()).isNull();
        assertThat(order.version()).isEqualTo(1);
    }

    @Test
    void shouldRefuseARepeatedStepAndAnythingAfterCancellation() {
        DispatchOrderDao dispatch = DB.jdbi().onDemand(DispatchOrderDao.class);
        long id = create(dispatch);

        assertThat(dispatch.markSent(id, at(1), at(240))).isTrue();
        assertThat(dispatch.markSent(id, at(2), at(241))).isFalse();
        assertThat(dispatch.markCancelled(id, at(3), "customer fixed it")).isTrue();
        assertThat(dispatch.markAssigned(id, engineer, at(4))).isFalse();
        assertThat(dispatch.markCancelled(id, at(5), "again")).isFalse();

        DispatchOrderRow order = dispatch.find(id).orElseThrow();
        assertThat(order.state()).isEqualTo(DispatchState.CANCELLED);
        assertThat(order.sentAt()).isEqualTo(at(1));
        assertThat(order.cancelledAt()).isEqualTo(at(3));
        assertThat(order.cancelReason()).isEqualTo("customer fixed it");
        assertThat(order.engineerId()).isNull();
    }

    @Test
    void shouldAcknowledgeWhenAssignedStraightAfterSending() {
        DispatchOrderDao dispatch = DB.jdbi().onDemand(DispatchOrderDao.class);
        long id = create(dispatch);
        dispatch.markSent(id, at(1), at(240));

        assertThat(dispatch.markAssigned(id, engineer, at(4))).isTrue();

        DispatchOrderRow order = dispatch.find(id).orElseThrow();
        assertThat(order.acknowledgedAt()).isEqualTo(at(4));
        assertThat(order.assignedAt()).isEqualTo(at(4));
    }

    @Test
    void shouldListOpenOrdersWithTheDueTimeTheTimersWatch() {
        // given a work order with a created, a sent, a completed and a cancelled dispatch order
        DispatchOrderDao dispatch = DB.jdbi().onDemand(DispatchOrderDao.class);
        long workOrder = Fixtures.workOrder(DB.jdbi(), null, WorkOrderState.DISPATCHED, T0);
        long created = dispatch.create(workOrder, branch, null, T0, at(10));
        long sent = dispatch.create(workOrder, branch, null, T0, at(10));
        dispatch.markSent(sent, at(1), at(240));
        long completed = dispatch.create(workOrder, branch, null, T0, at(10));
        dispatch.markSent(completed, at(1), at(240));
        dispatch.markAssigned(completed, engineer, at(2));
        dispatch.markArrived(completed, at(3));
        dispatch.markCompleted(completed, at(4), at(34));
        long cancelled = dispatch.create(workOrder, branch, null, T0, at(10));
        dispatch.markCancelled(cancelled, at(1), "duplicate");

        // when
        List<DispatchOrderRow> open = dispatch.listOpen().stream()
                .filter(order -> order.workOrderId() == workOrder).toList();

        // then
        assertThat(open).extracting(DispatchOrderRow::id).containsExactly(created, sent, completed);
        assertThat(open).extracting(DispatchOrderRow::nextDueAt).containsExactly(at(10), at(240), at(34));
        assertThat(dispatch.listByWorkOrder(workOrder)).hasSize(4);
    }

    private static long create(DispatchOrderDao dispatch) {
        long workOrder = Fixtures.workOrder(DB.jdbi(), null, WorkOrderState.DISPATCHED, T0);
        return dispatch.create(workOrder, branch, 12.34, T0, at(10));
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
