package io.hotline.persistence.dao;

import static io.hotline.persistence.dao.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.WorkOrderState;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WorkOrderEventDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    void shouldReturnEventsInTheOrderTheyOccurred() {
        // given events appended out of time order, and a batch of two that share one instant
        long workOrder = Fixtures.workOrder(DB.jdbi(), null, WorkOrderState.NEW, T0);
        long other = Fixtures.workOrder(DB.jdbi(), null, WorkOrderState.NEW, T0);
        WorkOrderEventDao events = DB.jdbi().onDemand(WorkOrderEventDao.class);
        events.append(event(workOrder, 2_000, "ASSIGNED", WorkOrderState.NEW, WorkOrderState.IN_PROGRESS));
        events.append(event(workOrder, 0, "CREATED", null, WorkOrderState.NEW));
        events.appendAll(List.of(
                escalation(workOrder, 9_999, Tier.TIER1, Tier.TIER2),
                escalation(workOrder, 9_999, Tier.TIER2, Tier.EXPERT),
                event(other, 1, "CREATED", null, WorkOrderState.NEW)));

        // when
        List<WorkOrderEventRow> trail = events.listByWorkOrder(workOrder);

        // then oldest first, same-instant events in append order, all fields intact
        assertThat(trail).extracting(WorkOrderEventRow::action)
                .containsExactly("CREATED", "ASSIGNED", "ESCALATED", "ESCALATED");
        assertThat(trail).extracting(WorkOrderEventRow::toTier)
                .containsExactly(null, null, Tier.TIER2, Tier.EXPERT);
        assertThat(trail.get(1)).satisfies(assigned -> {
            assertThat(assigned.occurredAt()).isEqualTo(T0.plusMillis(2_000));
            assertThat(assigned.actorKind()).isEqualTo(ActorKind.SEAT);
            assertThat(assigned.actor()).isEqualTo("S-ALICE");
            assertThat(assigned.fromState()).isEqualTo(WorkOrderState.NEW);
            assertThat(assigned.toState()).isEqualTo(WorkOrderState.IN_PROGRESS);
            assertThat(assigned.reason()).isEqualTo("why ASSIGNED");
        });
        assertThat(events.listByWorkOrder(other)).hasSize(1);
    }

    @Test
    void shouldOfferNoWayToUpdateOrDeleteTheTrail() {
        // the audit trail is append-only: every write statement of the DAO is an INSERT
        List<String> writes = Arrays.stream(WorkOrderEventDao.class.getMethods())
                .map(WorkOrderEventDaoTest::writeSql)
                .filter(sql -> !sql.isEmpty())
                .toList();

        assertThat(writes).hasSize(2).allSatisfy(sql -> assertThat(sql.strip().toUpperCase(Locale.ROOT))
                .startsWith("INSERT INTO WORK_ORDER_EVENT"));
    }

    private static String writeSql(Method method) {
        SqlUpdate update = method.getAnnotation(SqlUpdate.class);
        SqlBatch batch = method.getAnnotation(SqlBatch.class);
        return update != null ? update.value() : batch != null ? batch.value() : "";
    }

    private static WorkOrderEventRow event(long workOrderId, long offsetMs, String action, WorkOrderState from,
                                           WorkOrderState to) {
        return new WorkOrderEventRow(0, workOrderId, T0.plusMillis(offsetMs), ActorKind.SEAT, "S-ALICE", action,
                from, to, null, null, "why " + action);
    }

    private static WorkOrderEventRow escalation(long workOrderId, long offsetMs, Tier from, Tier to) {
        return new WorkOrderEventRow(0, workOrderId, T0.plusMillis(offsetMs), ActorKind.SYSTEM, "hotline",
                "ESCALATED", null, null, from, to, "no answer on " + from);
    }
}
