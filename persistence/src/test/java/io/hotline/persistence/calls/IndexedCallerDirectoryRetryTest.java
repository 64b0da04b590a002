package io.hotline.persistence.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The caller look-up while its database does not answer: what the journal reports is read again after a pause,
 * not in a loop that hammers a database already in trouble, and memory keeps answering what it knew.
 */
class IndexedCallerDirectoryRetryTest {

    @Test
    void shouldRetryAWrittenWorkOrdersCustomersAfterAPauseNotInALoop() {
        // given a database every connection to which fails, counted
        AtomicInteger attempts = new AtomicInteger();
        Jdbi down = Jdbi.create(() -> {
            attempts.incrementAndGet();
            throw new SQLException("Connection refused", "08001");
        });
        try (IndexedCallerDirectory directory = new IndexedCallerDirectory(down, "pbx1", Duration.ofHours(1))) {
            directory.start();
            int afterStart = attempts.get();

            // when the journal reports a work order written
            directory.workOrdersWritten(List.of("call-1"));

            // then it is tried once at once, then not again within the pause (5 s)
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() > afterStart);
            await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                    .until(() -> attempts.get() == afterStart + 1);
            assertThat(directory.recall("+8613800000000")).isEmpty();
        }
    }
}
