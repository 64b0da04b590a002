package io.hotline.app.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.spi.SmsGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmsSenderTest {
    private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);
    private final InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
    private final FakeOutbox outbox = new FakeOutbox();
    private final List<SmsGateway.Outbound> taken = new CopyOnWriteArrayList<>();
    private SmsSender sender;

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
    }

    @Test
    void shouldSendEveryQueuedMessageOnceAndRecordTheGatewaysId() {
        // given two queued messages and a gateway that takes everything
        outbox.queue(1, "13800000001", "dispatch 42 to B01");
        outbox.queue(2, "13800000002", "assigned 42");
        sender = new SmsSender(outbox, sms -> {
            taken.add(sms);
            return SmsGateway.Delivery.sent("gw-" + sms.id());
        }, clock);

        // when it is woken
        sender.wake();

        // then both went out once, in order, and are recorded sent with the gateway's id
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.sentIds.size() == 2);
        assertThat(taken).extracting(SmsGateway.Outbound::id).containsExactly(1L, 2L);
        assertThat(outbox.sentIds).containsEntry(1L, "gw-1").containsEntry(2L, "gw-2");
        assertThat(sender.sentCount()).isEqualTo(2);
    }

    @Test
    void shouldRetryAfterTheBackoffAndGiveUpAfterTheLastAttempt() {
        // given a gateway that refuses everything
        outbox.queue(7, "13800000007", "follow-up due");
        sender = new SmsSender(outbox, sms -> {
            taken.add(sms);
            return SmsGateway.Delivery.failed("HTTP 503");
        }, clock);
        sender.wake();

        // then the first failure is retried 10 s later, not before
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.failures.size() == 1);
        assertThat(outbox.failures.get(0).next()).isEqualTo(clock.instant().plusSeconds(10));
        assertThat(outbox.failures.get(0).error()).isEqualTo("HTTP 503");

        // and after each backoff another attempt, until the fifth gives up (no next attempt)
        for (int attempt = 2; attempt <= SmsSender.MAX_ATTEMPTS; attempt++) {
            millis.addAndGet(Duration.ofMinutes(10).toMillis());
            int expected = attempt;
            sender.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> outbox.failures.size() == expected);
        }
        assertThat(outbox.failures.get(SmsSender.MAX_ATTEMPTS - 1).next()).isNull();
        millis.addAndGet(Duration.ofHours(1).toMillis());
        sender.wake();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> taken.size() == SmsSender.MAX_ATTEMPTS);
    }

    @Test
    void shouldGoOnAfterTheOutboxWasAwayAndAGatewayThatThrows() {
        // given an outbox that fails until the database is back, and a gateway that throws once
        outbox.away.set(true);
        outbox.queue(3, "13800000003", "arrived");
        AtomicBoolean thrown = new AtomicBoolean();
        sender = new SmsSender(outbox, sms -> {
            if (thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("socket closed");
            }
            return SmsGateway.Delivery.sent(null);
        }, clock);
        sender.wake();

        // when the database comes back
        outbox.away.set(false);

        // then the throw counted as a failed attempt, and the retry went out
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.failures.size() == 1);
        assertThat(outbox.failures.get(0).error()).contains("socket closed");
        millis.addAndGet(Duration.ofSeconds(10).toMillis());
        sender.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.sentIds.containsKey(3L));
    }

    @Test
    void shouldMaskAllButTheLastFourDigitsInLogs() {
        assertThat(SmsSender.mask("13800001234")).isEqualTo("*******1234");
        assertThat(SmsSender.mask("123")).isEqualTo("****");
    }
}
