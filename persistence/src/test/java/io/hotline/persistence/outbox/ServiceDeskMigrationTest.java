package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.migration.Migrations;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WorkOrderTimes;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migration to the service desk (V6) on a database an earlier version filled: its work orders load as stored
 * forms the desk restores, their clocks counted from their opening, stopped at the response and the resolution,
 * paused while waiting on the customer; cancelled ones are released.
 */
class ServiceDeskMigrationTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.empty();
    private static final Instant T = Instant.parse("2026-11-30T02:00:00.250Z");

    @Test
    void shouldLoadTheWorkOrdersOfAnEarlierVersionAsTheDeskRestoresThem() {
        // given the schema and the work orders of the version before the desk
        Flyway.configure(getClass().getClassLoader()).dataSource(DB.database().dataSource())
                .locations(Migrations.LOCATION).target("4").load().migrate();
        DB.jdbi().useHandle(handle -> {
            handle.execute("INSERT INTO customer (id, code, name, region, site_address, latitude, longitude,"
                    + " contract_level, vip, created_at) VALUES (7, 'C-7', 'Old Ltd', 'EAST', 'Road 1', 31.2, 121.5,"
                    + " 'PREMIUM', FALSE, '2026-01-01 00:00:00')");
            handle.execute("INSERT INTO seat (id, code, name, tier, sip_endpoint, created_at) VALUES (3, 'S1003',"
                    + " 'Old Seat', 'TIER1', 'PJSIP/1003', '2026-01-01 00:00:00')");
            handle.execute("INSERT INTO skill (id, code, name, kind) VALUES (5, 'ERP_U8', 'ERP U8', 'PRODUCT_LINE')");
            insert(handle, 1, "'c-1'", "NULL", "NEW", "NULL", "NULL", "NULL", "NULL", T);
            insert(handle, 2, "'c-2'", "7", "IN_PROGRESS", "3", "5", "'2026-11-30 02:01:30.250'", "NULL",
                    T.plusSeconds(90));
            insert(handle, 3, "'c-3'", "NULL", "WAITING_ON_CUSTOMER", "NULL", "NULL", "'2026-11-30 02:00:10.250'",
                    "NULL", T.plusSeconds(3600));
            insert(handle, 4, "'c-4'", "NULL", "RESOLVED", "NULL", "NULL", "'2026-11-30 02:00:10.250'",
                    "'2026-11-30 04:00:00.250'", T.plusSeconds(7200));
            insert(handle, 5, "'c-5'", "NULL", "CANCELLED", "NULL", "NULL", "NULL", "NULL", T.plusSeconds(40));
            insert(handle, 6, "NULL", "NULL", "NEW", "NULL", "NULL", "NULL", "NULL", T);
        });

        // when the upgrade migrates it
        Migrations.migrate(DB.database().dataSource());
        StoredDesk desk = DB.jdbi().withHandle(StoredWorkOrders::load);

        // then each loads as the desk would have stored it, its due times as they were
        Map<Long, StoredWorkOrder> byId = desk.workOrders().stream()
                .collect(Collectors.toMap(StoredWorkOrder::id, Function.identity()));
        assertThat(byId.keySet()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 6L);
        assertThat(desk.nextId()).isEqualTo(7);
        Instant responseDue = T.plus(Duration.ofHours(4));
        Instant resolutionDue = T.plus(Duration.ofHours(24));
        assertThat(byId.get(1L)).isEqualTo(new StoredWorkOrder(1, Origin.CALL, new CallKey("pbx1", "c-1"),
                new CustomerProblem("+8613800138000", null, null, null), null, Severity.P2, WorkOrderState.NEW,
                Tier.TIER1, null, new WorkOrderTimes(T, null, null, null, null),
                new SlaClockState(Duration.ZERO, T, false, Set.of(), responseDue),
                new SlaClockState(Duration.ZERO, T, false, Set.of(), resolutionDue), 0, 0, 0));
        StoredWorkOrder answered = byId.get(2L);
        assertThat(answered.problem()).isEqualTo(new CustomerProblem("+8613800138000", 7L, "PREMIUM", "ERP_U8"));
        assertThat(answered.ownerSeatId()).isEqualTo("S1003");
        assertThat(answered.contacts()).isEqualTo(1);
        assertThat(answered.response()).isEqualTo(new SlaClockState(Duration.ofSeconds(90), null, true, Set.of(),
                responseDue));
        assertThat(answered.resolution().runningSince()).isEqualTo(T);
        assertThat(byId.get(3L).resolution()).isEqualTo(new SlaClockState(Duration.ofHours(1), null, false, Set.of(),
                resolutionDue));
        assertThat(byId.get(4L).resolution()).isEqualTo(new SlaClockState(Duration.ofHours(2), null, true, Set.of(),
                resolutionDue));
        assertThat(byId.get(6L).origin()).isEqualTo(Origin.EMAIL);
        assertThat(byId.get(6L).call()).isNull();
        // and the desk restores them all
        assertThat(ServiceDesk.restore(DeskConfig.DEFAULT, InstantSource.fixed(T.plusSeconds(7200)), desk)
                .workOrders()).hasSize(5);
    }

    private static void insert(Handle handle, long id, String linkedId, String customer,
                               String state, String owner, String product, String respondedAt, String resolvedAt,
                               Instant updatedAt) {
        handle.createUpdate("INSERT INTO work_order (id, asterisk_server, call_linkedid, customer_id, caller_number,"
                        + " product_skill_id, severity, state, tier, owner_seat_id, created_at, updated_at,"
                        + " response_due_at, resolution_due_at, responded_at, resolved_at) VALUES (:id, "
                        + (linkedId.equals("NULL") ? "NULL" : "'pbx1'") + ", " + linkedId + ", " + customer
                        + ", '+8613800138000', " + product + ", 'P2', '" + state + "', 'TIER1', " + owner
                        + ", :created, :updated, :responseDue, :resolutionDue, " + respondedAt + ", " + resolvedAt
                        + ")")
                .bind("id", id).bind("created", T).bind("updated", updatedAt)
                .bind("responseDue", T.plus(Duration.ofHours(4))).bind("resolutionDue", T.plus(Duration.ofHours(24)))
                .execute();
    }
}
