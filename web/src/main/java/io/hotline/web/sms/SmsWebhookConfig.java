package io.hotline.web.sms;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The SMS webhook's settings ({@code POST /sms/inbound}). Validated on construction, naming the setting. The secret
 * is copied in and out and never shown: {@link #toString()} leaves it out, so a logged config cannot leak it.
 * Immutable; thread-safe.
 *
 * @param secret        the HMAC-SHA256 key shared with the gateway ({@code HOTLINE_SMS_WEBHOOK_SECRET} as UTF-8);
 *                      at least {@value #MIN_SECRET_BYTES} bytes
 * @param replayWindow  how far a request's {@code X-Hotline-Timestamp} may be from Hotline's clock, either way;
 *                      1 s to 1 h
 * @param maxBody       the largest body taken, in bytes (a larger one is answered 413); 256 B to 1 MiB
 * @param inboxTimeout  how long the webhook waits for Hotline's answer before it answers 503; 100 ms to 60 s
 */
public record SmsWebhookConfig(byte[] secret, Duration replayWindow, int maxBody, Duration inboxTimeout) {

    /** The shortest secret taken: 128 bits of a random key, or a passphrase of 16 characters. */
    public static final int MIN_SECRET_BYTES = 16;
    /** The replay window of docs/api.md: 300 s either way. */
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofSeconds(300);
    /**
     * The default body limit: 16 KiB holds the longest text Hotline stores (2,000 characters) as JSON even in
     * Chinese, and a form-encoded one of about 1,700 Chinese characters.
     */
    public static final int DEFAULT_MAX_BODY = 16 * 1024;
    /** The default wait for Hotline's answer. */
    public static final Duration DEFAULT_INBOX_TIMEOUT = Duration.ofSeconds(10);

    public SmsWebhookConfig {
        Objects.requireNonNull(secret, "secret (HOTLINE_SMS_WEBHOOK_SECRET)");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("HOTLINE_SMS_WEBHOOK_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes long");
        }
        secret = secret.clone();
        Objects.requireNonNull(replayWindow, "replayWindow");
        if (replayWindow.compareTo(Duration.ofSeconds(1)) < 0 || replayWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("the SMS webhook's replay window must be 1 s to 1 h: " + replayWindow);
        }
        if (maxBody < 256 || maxBody > 1024 * 1024) {
            throw new IllegalArgumentException("the SMS webhook's body limit must be 256 B to 1 MiB: " + maxBody);
        }
        Objects.requireNonNull(inboxTimeout, "inboxTimeout");
        if (inboxTimeout.compareTo(Duration.ofMillis(100)) < 0 || inboxTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("the SMS webhook's inbox timeout must be 100 ms to 60 s: "
                    + inboxTimeout);
        }
    }

    /** The settings with the {@linkplain #DEFAULT_INBOX_TIMEOUT default inbox timeout}. */
    public SmsWebhookConfig(byte[] secret, Duration replayWindow, int maxBody) {
        this(secret, replayWindow, maxBody, DEFAULT_INBOX_TIMEOUT);
    }

    /** The settings of docs/api.md for {@code secret}: 300 s window, 16 KiB body, 10 s timeout. */
    public static SmsWebhookConfig of(byte[] secret) {
        return new SmsWebhookConfig(secret, DEFAULT_REPLAY_WINDOW, DEFAULT_MAX_BODY, DEFAULT_INBOX_TIMEOUT);
    }

    /** A copy of the secret. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmsWebhookConfig that && Arrays.equals(secret, that.secret)
                && replayWindow.equals(that.replayWindow) && maxBody == that.maxBody
                && inboxTimeout.equals(that.inboxTimeout);
    }

    @Override
    public int hashCode() {
        // Not the secret: a hash of it is still something about it.
        return Objects.hash(replayWindow, maxBody, inboxTimeout);
    }

    /** The settings without the secret. */
    @Override
    public String toString() {
        return "SmsWebhookConfig[secret=(hidden), replayWindow=" + replayWindow + ", maxBody=" + maxBody
                + ", inboxTimeout=" + inboxTimeout + "]";
    }
}
