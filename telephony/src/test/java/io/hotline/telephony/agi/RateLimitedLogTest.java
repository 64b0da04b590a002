package io.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** At most N lines per interval, then one line that says how many were suppressed. */
class RateLimitedLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("test.rate-limited." + System.nanoTime());
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final AtomicLong now = new AtomicLong(1_000);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
        logger.setAdditive(false);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void shouldWriteAtMostTheBudgetPerIntervalAndThenReportTheSuppressedCount() {
        // given: 3 lines per second
        RateLimitedLog log = new RateLimitedLog(logger, 3, Duration.ofSeconds(1), now::get);

        // when: a flood of 10,000 lines within one interval
        for (int i = 0; i < 10_000; i++) {
            log.warn("refused {}", i);
        }

        // then: three lines; the next interval's first line is preceded by the summary
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("refused 0", "refused 1", "refused 2");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        log.warn("refused {}", "again");
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(5).endsWith(
                "... 9997 more such lines suppressed (at most 3 per 1000 ms)", "refused again");
    }

    @Test
    void shouldReportSuppressedLinesOnFlushAfterTheFloodStopped() {
        RateLimitedLog log = new RateLimitedLog(logger, 1, Duration.ofSeconds(10), now::get);
        log.warn("one");
        log.warn("two");
        log.flush();
        assertThat(lines.list).hasSize(1);

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        log.flush();
        log.flush();

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("one", "... 1 more such lines suppressed (at most 1 per 10000 ms)");
    }
}
