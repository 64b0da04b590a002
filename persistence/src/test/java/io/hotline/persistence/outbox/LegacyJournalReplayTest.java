package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.dao.SeatStateDao;
import io.hotline.persistence.dao.SeatStateRow;
import io.hotline.persistence.testing.JournalCalls;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.persistence.testing.WorkOrderTrail;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.SlaClockState;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an upgrade, the journal writes what the earlier version left in its log to the real database, as that
 * version would have: the segment in the test resources, written by it, holds one line of every kind.
 */
class LegacyJournalReplayTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Instant AT = Instant.parse("2026-12-05T09:00:07.250Z");

    @TempDir
    Path logDirectory;

    @Test
    void shouldWriteTheLogAnEarlierVersionLeftToTheDatabase() throws IOException {
        // given the demo organisation with the customer the segment names, and the log an earlier version left
        // before it could write it
        JournalCalls calls = JournalCalls.seed(DB.jdbi());
        DB.jdbi().useHandle(handle -> handle.execute("INSERT INTO customer (id, code, name, region, site_address,"
                + " latitude, longitude, contract_level, vip, created_at) VALUES (4711, 'C-4711', 'Legacy Ltd',"
                + " 'Shanghai', 'Road 1', 31.2, 121.5, 'PREMIUM', TRUE, '2026-01-01 00:00:00')"));
        try (InputStream segment = getClass().getResourceAsStream("journal-segment-before-typed-entries.txt")) {
            Files.copy(segment, logDirectory.resolve(String.format("journal-%020d.log", 1)));
        }

        // when the upgraded journal starts on it, and the service desk loads what it wrote
        StoredDesk desk;
        try (DurableRoutingJournal journal = DurableRoutingJournal.start(DB.jdbi(), calls.workOrders(), "pbx1",
                JournalConfig.of(logDirectory, "pbx1").withRetries(Duration.ofMillis(50), Duration.ofMillis(400)),
                InstantSource.fixed(AT))) {
            desk = new JournalServiceDeskStore(journal, DB.jdbi(), "pbx1", InstantSource.fixed(AT),
                    Duration.ofSeconds(30)).load();
            assertThat(journal.backlog()).isZero();
            assertThat(journal.rejected()).isZero();
        }

        // then the work order opened while the database was away exists, and its abandon cancelled it (its call,
        // joined after, was still open when Hotline restarted)
        long abandoned = workOrderOf("1733390000.2");
        assertThat(WorkOrderTrail.actions(DB.jdbi(), abandoned)).containsExactly("CREATED", "ABANDONED",
                "RECONCILED");
        assertThat(WorkOrderTrail.state(DB.jdbi(), abandoned)).isEqualTo("CANCELLED");
        // and the answered one went through its whole trail, escalated to tier 2, waiting there at the restart
        long answered = workOrderOf("1733390000.1");
        assertThat(WorkOrderTrail.actions(DB.jdbi(), answered)).containsExactly("CREATED", "CALLBACK_REQUESTED",
                "SURVEYED", "ROUTING", "CONNECTED", "CALL_ENDED", "ESCALATED", "RECONCILED");
        assertThat(WorkOrderTrail.state(DB.jdbi(), answered)).isEqualTo("IN_PROGRESS");
        Map<String, Object> workOrder = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT severity, tier,"
                + " customer_id FROM work_order WHERE id = :id").bind("id", answered).mapToMap().one());
        assertThat(workOrder).containsEntry("severity", "P1").containsEntry("tier", "TIER2")
                .containsEntry("customer_id", 4711L);
        // and the desk restores the answered one as that version left it (responded 7.25 s after the call
        // arrived, the resolution clock running since), and not the cancelled one: it is over
        StoredWorkOrder restored = desk.workOrders().stream().filter(stored -> stored.id() == answered).findFirst()
                .orElseThrow();
        Instant arrived = Instant.parse("2026-12-05T09:00:00Z");
        assertThat(restored.origin()).isEqualTo(Origin.CALL);
        assertThat(restored.call()).isEqualTo(new CallKey("pbx1", "1733390000.1"));
        assertThat(restored.problem()).isEqualTo(new CustomerProblem("+8613800138000", 4711L, "PREMIUM", "ERP_U8"));
        assertThat(List.of(restored.state(), restored.tier(), restored.severity())).containsExactly(
                WorkOrderState.IN_PROGRESS, Tier.TIER2, Severity.P1);
        assertThat(restored.ownerSeatId()).isEqualTo("S1004");
        assertThat(restored.times().respondedAt()).isEqualTo(AT);
        assertThat(restored.response()).isEqualTo(new SlaClockState(Duration.ofMillis(7_250), null, true, Set.of(),
                restored.response().dueAt()));
        assertThat(restored.resolution().runningSince()).isEqualTo(arrived);
        assertThat(restored.resolution().fired()).isEmpty();
        assertThat(desk.workOrders()).extracting(StoredWorkOrder::id).doesNotContain(abandoned);
        assertThat(desk.nextId()).isGreaterThan(Math.max(answered, abandoned));
        assertThat(ServiceDesk.restore(DeskConfig.DEFAULT, InstantSource.fixed(AT), desk).workOrder(answered))
                .isPresent();
        // and the seat has its last state, and both refusals are kept
        assertThat(DB.jdbi().onDemand(SeatStateDao.class).listActive()).contains(
                new SeatStateRow("S1004", SeatState.READY, null, AT));
        List<String> refusals = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT CONCAT(subject, ' ',"
                + " COALESCE(request, '-'), ' ', reason) FROM routing_refusal ORDER BY journal_seq")
                .mapTo(String.class).list());
        assertThat(refusals).containsExactly("S1005 ready not logged in", "- - ");
    }

    private static long workOrderOf(String call) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM work_order WHERE asterisk_server"
                + " = 'pbx1' AND call_linkedid = :call").bind("call", call).mapTo(Long.class).one());
    }
}
