package io.hotline.app.field;

import io.hotline.routing.spi.SmsGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the SMS the field leg stored: on its own {@code sms-sender} thread, it takes the queued messages that are
 * due, oldest first, hands each to the {@link SmsGateway} and records what the gateway answered. A message the
 * gateway did not take is tried again after a growing delay (10 s, 30 s, 2 min, 10 min), and given up as failed
 * after {@value #MAX_ATTEMPTS} attempts. The stored queue is the truth: a crash between sending and recording sends
 * that message again at the next start (at least once; the gateway gets Hotline's id to deduplicate).
 * <p>
 * It wakes when told a message was queued ({@link #wake()}), and at least every {@link #POLL} (retries, and what an
 * earlier run left). A database that is away is retried at the next round, logged once per outage.
 * <p>
 * Thread-safe: {@link #wake()} and {@link #close()} from any thread.
 */
public final class SmsSender implements AutoCloseable {
    /** Attempts before a message is given up as failed. */
    static final int MAX_ATTEMPTS = 5;
    /** The longest the sender sleeps without being woken. */
    static final Duration POLL = Duration.ofSeconds(1);
    private static final int BATCH = 100;
    private static final Duration[] BACKOFF = {Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
        Duration.ofMinutes(10)};
    private static final Logger LOG = LoggerFactory.getLogger(SmsSender.class);

    /** The stored queue of outbound SMS, as the sender needs it (persistence's {@code SmsMessages}). */
    public interface Outbox {
        /** Queued messages due by {@code now}, oldest first, at most {@code limit}. Blocks on I/O. */
        List<Queued> due(Instant now, int limit);

        /** The gateway took it. */
        void sent(long id, String gatewayId, Instant at);

        /** The gateway did not take it: try again at {@code nextAttemptAt}, or give up when that is {@code null}. */
        void failed(long id, String error, Instant nextAttemptAt, Instant at);

        /** How many are queued, and since when the longest-due one is due, at {@code now}. Blocks on I/O. */
        Backlog backlog(Instant now);
    }

    /**
     * The stored queue at a time: messages queued (due or waiting for a retry), and since when the one due longest
     * has been due ({@code null} when none is due).
     */
    public record Backlog(long queued, Instant oldestDue) {
    }

    /** A queued message: its stored id, where it goes, the text, and how many attempts failed so far. */
    public record Queued(long id, String to, String body, int attempts) {
        public Queued {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(body, "body");
        }
    }

    private final Outbox outbox;
    private final SmsGateway gateway;
    private final InstantSource clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long sent;
    private volatile long failed;
    private volatile long givenUp;
    private volatile int failedInARow;
    private boolean outboxAway;

    /** Starts the {@code sms-sender} thread. */
    public SmsSender(Outbox outbox, SmsGateway gateway, InstantSource clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = new Thread(this::run, "sms-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** A message was queued: send it now rather than at the next poll. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Messages the gateway took since start. */
    public long sentCount() {
        return sent;
    }

    /** Attempts the gateway refused since start (the last attempt of a message given up among them). */
    public long failedCount() {
        return failed;
    }

    /** Messages given up as failed since start, after {@value #MAX_ATTEMPTS} refused attempts. */
    public long givenUpCount() {
        return givenUp;
    }

    /** Attempts refused since the gateway last took a message (0 after a message sent). */
    public int failedInARow() {
        return failedInARow;
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                sendDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!outboxAway) {
                    LOG.warn("SMS outbox unavailable, retrying every {}: {}", POLL, e.toString());
                    outboxAway = true;
                }
            }
        }
    }

    private void sendDue() {
        List<Queued> due = outbox.due(clock.instant(), BATCH);
        if (outboxAway) {
            LOG.info("SMS outbox available again");
            outboxAway = false;
        }
        for (Queued message : due) {
            if (!running) {
                return;
            }
            SmsGateway.Delivery delivery;
            try {
                delivery = gateway.send(new SmsGateway.Outbound(message.id(), message.to(), message.body()));
            } catch (RuntimeException e) {
                delivery = SmsGateway.Delivery.failed("gateway failed: " + e);
            }
            Instant at = clock.instant();
            if (delivery.sent()) {
                outbox.sent(message.id(), delivery.gatewayId(), at);
                sent++;
                failedInARow = 0;
            } else {
                int attempts = message.attempts() + 1;
                Instant next = attempts >= MAX_ATTEMPTS ? null
                        : at.plus(BACKOFF[Math.min(attempts - 1, BACKOFF.length - 1)]);
                outbox.failed(message.id(), delivery.error(), next, at);
                failed++;
                failedInARow++;
                if (next == null) {
                    givenUp++;
                    LOG.warn("SMS {} to {} given up after {} attempts: {}", message.id(), mask(message.to()),
                            attempts, delivery.error());
                }
            }
        }
        if (due.size() == BATCH) {
            wake();
        }
    }

    /** A phone number in a log line: its last four digits only. */
    static String mask(String phone) {
        return phone.length() <= 4 ? "****" : "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }

    /** Stops the thread after the message in hand. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
