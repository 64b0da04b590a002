package io.hotline.app.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.SmsGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code sms} health component over a real sender, a fake outbox and fake gateways: up with its facts while
 * messages go out; down (not critical) when a due message waits over five minutes, or when ten attempts in a row
 * failed; up again once the gateway takes messages; never naming more than the gateway's kind.
 */
class SmsHealthTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);
    private final InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
    private final FakeOutbox outbox = new FakeOutbox();
    private final CountDownLatch release = new CountDownLatch(1);
    private SmsSender sender;

    @AfterEach
    void stop() {
        release.countDown();
        if (sender != null) {
            sender.close();
        }
    }

    @Test
    void shouldBeUpWithItsFactsWhileTheGatewayTakesMessages() {
        // given two messages the gateway takes
        outbox.queue(1, "13800000001", "dispatch 42", clock.instant());
        outbox.queue(2, "13800000002", "assigned 42", clock.instant());
        sender = new SmsSender(outbox, sms -> SmsGateway.Delivery.sent("gw-" + sms.id()), clock);
        SmsHealth health = new SmsHealth(sender, outbox, "file", clock);
        assertThat(health.lastQueued()).isNaN();

        // when they went out
        sender.wake();
        await().atMost(PATIENCE).until(() -> outbox.sentIds.size() == 2);

        // then it is up, not critical, with the facts, and the gauge's reading is the queue's
        ComponentHealth result = health.check();
        assertThat(health.component()).isEqualTo("sms");
        assertThat(health.critical()).isFalse();
        assertThat(result.status()).isEqualTo(ComponentHealth.Status.UP);
        assertThat(result.detail()).isEqualTo("sending through the file gateway");
        assertThat(result.details()).containsEntry("gateway", "file").containsEntry("queued", 0L)
                .containsEntry("oldestDueSeconds", 0L).containsEntry("sent", 2L).containsEntry("failed", 0L);
        assertThat(health.lastQueued()).isZero();
    }

    @Test
    void shouldBeDownWhenADueMessageWaitedOverFiveMinutesAndUpOnceItWent() throws Exception {
        // given a gateway that hangs on the first message, and a second one queued behind it
        CountDownLatch taking = new CountDownLatch(1);
        outbox.queue(1, "13800000001", "dispatch 42", clock.instant());
        outbox.queue(2, "13800000002", "assigned 42", clock.instant());
        sender = new SmsSender(outbox, sms -> {
            taking.countDown();
            awaitRelease();
            return SmsGateway.Delivery.sent("gw-" + sms.id());
        }, clock);
        SmsHealth health = new SmsHealth(sender, outbox, "http", clock);
        sender.wake();
        assertThat(taking.await(5, TimeUnit.SECONDS)).isTrue();

        // when five minutes pass: still up; then one second more
        millis.addAndGet(SmsHealth.STUCK.toMillis());
        assertThat(health.check().status()).isEqualTo(ComponentHealth.Status.UP);
        millis.addAndGet(1000);
        ComponentHealth stuck = health.check();

        // then it is down, saying the gateway is not taking messages, with both queued
        assertThat(stuck.status()).isEqualTo(ComponentHealth.Status.DOWN);
        assertThat(stuck.detail()).isEqualTo("a queued SMS has waited 301 s for the http gateway: it is not taking"
                + " messages");
        assertThat(stuck.details()).containsEntry("queued", 2L).containsEntry("oldestDueSeconds", 301L);
        assertThat(health.lastQueued()).isEqualTo(2.0);

        // when the gateway answers again, then both go out and it is up
        release.countDown();
        await().atMost(PATIENCE).until(() -> outbox.sentIds.size() == 2);
        assertThat(health.check().status()).isEqualTo(ComponentHealth.Status.UP);
    }

    @Test
    void shouldBeDownAfterTenFailedAttemptsInARowAndUpOnceOneIsSent() {
        // given a gateway that refuses everything, and ten messages
        AtomicBoolean refusing = new AtomicBoolean(true);
        for (long id = 1; id <= SmsHealth.FAILED_IN_A_ROW; id++) {
            outbox.queue(id, "1380000000" + (id % 10), "message " + id, clock.instant());
        }
        sender = new SmsSender(outbox, sms -> refusing.get() ? SmsGateway.Delivery.failed("HTTP 503")
                : SmsGateway.Delivery.sent("gw-" + sms.id()), clock);
        SmsHealth health = new SmsHealth(sender, outbox, "http", clock);

        // when nine attempts failed, it is still up; at the tenth it is down
        sender.wake();
        await().atMost(PATIENCE).until(() -> outbox.failures.size() == SmsHealth.FAILED_IN_A_ROW);
        ComponentHealth failing = health.check();
        assertThat(failing.status()).isEqualTo(ComponentHealth.Status.DOWN);
        assertThat(failing.detail()).isEqualTo("the last 10 attempts to send an SMS through the http gateway all"
                + " failed");
        assertThat(failing.details()).containsEntry("failed", 10L).containsEntry("sent", 0L)
                .containsEntry("queued", 10L).containsEntry("oldestDueSeconds", 0L);

        // when the gateway takes messages again and the retries are due
        refusing.set(false);
        millis.addAndGet(Duration.ofSeconds(10).toMillis());
        sender.wake();

        // then it is up again
        await().atMost(PATIENCE).until(() -> outbox.sentIds.size() == SmsHealth.FAILED_IN_A_ROW);
        assertThat(health.check().status()).isEqualTo(ComponentHealth.Status.UP);
        assertThat(sender.failedInARow()).isZero();
    }

    @Test
    void shouldBeUpUntilTheTenthFailureInARow() {
        for (long id = 1; id < SmsHealth.FAILED_IN_A_ROW; id++) {
            outbox.queue(id, "13800000001", "message " + id, clock.instant());
        }
        sender = new SmsSender(outbox, sms -> SmsGateway.Delivery.failed("HTTP 503"), clock);
        SmsHealth health = new SmsHealth(sender, outbox, "http", clock);

        sender.wake();
        await().atMost(PATIENCE).until(() -> outbox.failures.size() == SmsHealth.FAILED_IN_A_ROW - 1);

        assertThat(health.check().status()).isEqualTo(ComponentHealth.Status.UP);
        assertThat(health.check().details()).containsEntry("failed", 9L);
    }

    @Test
    void shouldBeDownWithoutTheDatabasesWordsWhenTheQueueCannotBeRead() {
        sender = new SmsSender(outbox, sms -> SmsGateway.Delivery.sent("gw"), clock);
        SmsHealth health = new SmsHealth(sender, outbox, "file", clock);
        outbox.away.set(true);

        ComponentHealth away = health.check();

        assertThat(away.status()).isEqualTo(ComponentHealth.Status.DOWN);
        assertThat(away.detail()).isEqualTo("the SMS queue cannot be read (the database is away)");
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
