package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.dao.SeatStateDao;
import io.hotline.persistence.dao.SeatStateRow;
import io.hotline.persistence.testing.JournalCalls;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.persistence.testing.WorkOrderTrail;
import io.hotline.routing.seat.SeatState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
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

        // when the upgraded journal starts on it
        try (DurableRoutingJournal journal = DurableRoutingJournal.start(DB.jdbi(), calls.workOrders(), "pbx1",
                JournalConfig.of(logDirectory, "pbx1").withRetries(Duration.ofMillis(50), Duration.ofMillis(400)),
                InstantSource.fixed(AT))) {
            assertThat(journal.awaitEarlierRun(Duration.ofSeconds(30))).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> journal.backlog() == 0);
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
