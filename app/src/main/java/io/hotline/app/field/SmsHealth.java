package io.hotline.app.field;

import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code sms} component of {@code /health}: whether the SMS the field leg queues reach the gateway. UP with the
 * facts (the gateway's kind, messages queued, how long the longest-due one has waited, attempts sent and failed
 * since start); DOWN, which makes Hotline DEGRADED but never unready (not {@link #critical()}), when a due message
 * has waited more than {@link #STUCK} (the gateway is not taking messages: it hangs, or the sender cannot reach the
 * queue) or the last {@link #FAILED_IN_A_ROW} attempts all failed (the gateway refuses them). The detail says which,
 * never the gateway's URL or credentials.
 * <p>
 * Reads the stored queue in one small query per check, on the health monitor's {@code health-check} thread; the
 * last reading is kept for the {@code hotline.sms.queued} gauge ({@link #lastQueued()}), so that a scrape never
 * queries. Thread-safe.
 */
final class SmsHealth implements HealthCheck {
    /** The component's name in {@code /health}. */
    static final String COMPONENT = "sms";
    /** How long a due message may wait for the gateway before the component is down. */
    static final Duration STUCK = Duration.ofMinutes(5);
    /** Failed attempts in a row that make the component down. */
    static final int FAILED_IN_A_ROW = 10;

    private final SmsSender sender;
    private final SmsSender.Outbox outbox;
    private final String gateway;
    private final InstantSource clock;
    private volatile double lastQueued = Double.NaN;

    /**
     * @param gateway the gateway's kind, {@code file} or {@code http} (never its address)
     */
    SmsHealth(SmsSender sender, SmsSender.Outbox outbox, String gateway, InstantSource clock) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public ComponentHealth check() {
        Instant now = clock.instant();
        SmsSender.Backlog backlog;
        try {
            backlog = outbox.backlog(now);
        } catch (RuntimeException e) {
            // The exception's text may name the database's address: not shown.
            return ComponentHealth.down("the SMS queue cannot be read (the database is away)");
        }
        lastQueued = backlog.queued();
        long waited = backlog.oldestDue() == null ? 0
                : Math.max(0, Duration.between(backlog.oldestDue(), now).toSeconds());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("gateway", gateway);
        facts.put("queued", backlog.queued());
        facts.put("oldestDueSeconds", waited);
        facts.put("sent", sender.sentCount());
        facts.put("failed", sender.failedCount());
        if (waited > STUCK.toSeconds()) {
            return new ComponentHealth(ComponentHealth.Status.DOWN, "a queued SMS has waited " + waited
                    + " s for the " + gateway + " gateway: it is not taking messages", facts);
        }
        int inARow = sender.failedInARow();
        if (inARow >= FAILED_IN_A_ROW) {
            return new ComponentHealth(ComponentHealth.Status.DOWN, "the last " + inARow + " attempts to send an SMS"
                    + " through the " + gateway + " gateway all failed", facts);
        }
        return ComponentHealth.up("sending through the " + gateway + " gateway", facts);
    }

    /** Messages queued at the last check; NaN before the first. */
    double lastQueued() {
        return lastQueued;
    }
}
