package io.hotline.persistence.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link QueueDayQuery} counts a queue's calls since an instant as docs/figures.md defines them: joined the queue
 * from that instant (to the millisecond), answered, answered within the threshold ({@code wait_ms <=}), abandoned;
 * other queues' calls and those without a queue are not counted.
 */
class QueueDayQueryTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Instant DAY = Instant.parse("2026-12-06T16:00:00Z");

    @BeforeAll
    static void calls() {
        DB.jdbi().useHandle(handle -> {
            // before the day, by one millisecond: not counted
            call(handle, "u0", "support", "2026-12-06 15:59:59.999", null, "ABANDONED", null);
            call(handle, "u1", "support", "2026-12-06 16:00:00.000", "2026-12-06 16:00:20.000", "ANSWERED", 20_000);
            call(handle, "u2", "support", "2026-12-07 01:00:00.000", "2026-12-07 01:00:20.001", "ANSWERED", 20_001);
            call(handle, "u3", "support", "2026-12-07 02:00:00.000", null, "ABANDONED", 35_000);
            call(handle, "u4", "support", "2026-12-07 03:00:00.000", null, "CALLBACK", 90_000);
            call(handle, "u5", "sales", "2026-12-07 03:00:00.000", "2026-12-07 03:00:01.000", "ANSWERED", 1_000);
            call(handle, "u6", null, "2026-12-07 03:00:00.000", null, "AFTER_HOURS", null);
        });
    }

    @Test
    void shouldCountEachQueuesCallsOfTheDayAsDefined() {
        // when the day is read for two queues and one without calls
        Map<String, QueueDayQuery.QueueDay> days = new QueueDayQuery(DB.jdbi()).since(DAY, Map.of(
                "support", Duration.ofSeconds(20), "sales", Duration.ofSeconds(20), "tier2", Duration.ofSeconds(30)));

        // then support offered 4, answered 2, one within its 20 s, one abandoned (the callback is not)
        assertThat(days.get("support")).isEqualTo(new QueueDayQuery.QueueDay(4, 2, 1, 1));
        assertThat(days.get("sales")).isEqualTo(new QueueDayQuery.QueueDay(1, 1, 1, 0));
        assertThat(days.get("tier2")).isEqualTo(new QueueDayQuery.QueueDay(0, 0, 0, 0));
    }

    private static void call(Handle handle, String uniqueId, String queue, String joined, String answered,
                             String outcome, Integer waitMs) {
        handle.createUpdate("INSERT INTO call_record (asterisk_server, uniqueid, linkedid, queue, joined_at,"
                + " answered_at, outcome, wait_ms) VALUES ('pbx1', ?, ?, ?, ?, ?, ?, ?)").bind(0, uniqueId)
                .bind(1, uniqueId).bind(2, queue).bind(3, joined).bind(4, answered).bind(5, outcome).bind(6, waitMs)
                .execute();
    }
}
