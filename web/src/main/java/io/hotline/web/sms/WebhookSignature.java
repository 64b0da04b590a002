package io.hotline.web.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SMS gateway's signature over a webhook request (docs/api.md, "SMS webhook"): {@code X-Hotline-Timestamp} is
 * the time of signing in unix seconds, {@code X-Hotline-Signature} is {@code sha256=} and the lower-case hex of
 * HMAC-SHA256(secret, timestamp + "." + raw body), the body's bytes exactly as sent. A request is taken when the
 * signature matches (compared in constant time, {@link MessageDigest#isEqual}) and the timestamp is within the
 * replay window of Hotline's clock, either way; the signature is checked first, so a stale verdict is given only
 * to a request that knows the secret. Upper-case hex is taken too.
 * <p>
 * Immutable and thread-safe: a {@link Mac} is made per check (they are not thread-safe). The secret is never shown,
 * in {@link #toString()} or in a verdict.
 */
public final class WebhookSignature {

    /** The header with the time of signing, in unix seconds. */
    public static final String TIMESTAMP_HEADER = "X-Hotline-Timestamp";
    /** The header with the signature, {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Hotline-Signature";
    /** The signature's scheme prefix. */
    public static final String SCHEME = "sha256=";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int HEX_LENGTH = 64;
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private final SecretKeySpec key;
    private final long windowSeconds;
    private final InstantSource clock;

    /**
     * Checks signatures made with {@code secret}, taking timestamps within {@code replayWindow} of {@code clock}.
     */
    public WebhookSignature(byte[] secret, Duration replayWindow, InstantSource clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("the secret must not be empty");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.windowSeconds = replayWindow.toSeconds();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a check found: {@link #VALID}, or why the request is refused (a sentence for the gateway's operator). */
    public enum Verdict {
        /** Signed with the secret, within the window. */
        VALID("the signature is valid"),
        /** No {@code X-Hotline-Timestamp} header. */
        MISSING_TIMESTAMP("The X-Hotline-Timestamp header is missing; send the time of signing in unix seconds."),
        /** The timestamp is not 1 to 12 decimal digits. */
        MALFORMED_TIMESTAMP("The X-Hotline-Timestamp header is not unix seconds (1 to 12 decimal digits)."),
        /** No {@code X-Hotline-Signature} header. */
        MISSING_SIGNATURE("The X-Hotline-Signature header is missing; send sha256=<hex HMAC-SHA256 of"
                + " timestamp.body>."),
        /** The signature is not {@code sha256=} and 64 hex digits. */
        MALFORMED_SIGNATURE("The X-Hotline-Signature header is not sha256= followed by 64 hex digits."),
        /** The signature does not match: another secret, or a body or timestamp changed on the way. */
        BAD_SIGNATURE("The signature does not match the body and timestamp: check the secret, and sign the raw body"
                + " exactly as sent."),
        /** Signed too long ago (or a replay). */
        STALE_PAST("The timestamp is older than the replay window allows (a replay, or the gateway's clock is"
                + " behind)."),
        /** Signed in the future. */
        STALE_FUTURE("The timestamp is further in the future than the replay window allows (the gateway's clock is"
                + " ahead).");

        private final String message;

        Verdict(String message) {
            this.message = message;
        }

        /** Why, for the gateway's operator; never the secret or the expected signature. */
        public String message() {
            return message;
        }

        /** The stable snake-case code of the error reply. */
        public String code() {
            return switch (this) {
                case VALID -> "valid";
                case MISSING_TIMESTAMP, MISSING_SIGNATURE -> "missing_signature";
                case MALFORMED_TIMESTAMP, MALFORMED_SIGNATURE, BAD_SIGNATURE -> "bad_signature";
                case STALE_PAST, STALE_FUTURE -> "stale_timestamp";
            };
        }
    }

    /**
     * Checks a request's headers against its raw body.
     *
     * @param timestamp the {@code X-Hotline-Timestamp} header, or {@code null} when absent
     * @param signature the {@code X-Hotline-Signature} header, or {@code null} when absent
     * @param body      the raw body, as received
     */
    public Verdict check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank()) {
            return Verdict.MISSING_TIMESTAMP;
        }
        if (signature == null || signature.isBlank()) {
            return Verdict.MISSING_SIGNATURE;
        }
        String seconds = timestamp.strip();
        if (!isDigits(seconds, MAX_TIMESTAMP_DIGITS)) {
            return Verdict.MALFORMED_TIMESTAMP;
        }
        byte[] presented = parseSignature(signature.strip());
        if (presented == null) {
            return Verdict.MALFORMED_SIGNATURE;
        }
        if (!MessageDigest.isEqual(mac(key, seconds, body), presented)) {
            return Verdict.BAD_SIGNATURE;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(seconds);
        if (age > windowSeconds) {
            return Verdict.STALE_PAST;
        }
        return age < -windowSeconds ? Verdict.STALE_FUTURE : Verdict.VALID;
    }

    /**
     * The {@code X-Hotline-Signature} value for {@code body} signed at {@code timestamp} with {@code secret}: what a
     * gateway (or a test, or the load generator) sends.
     */
    public static String sign(byte[] secret, long timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(new SecretKeySpec(secret, ALGORITHM),
                Long.toString(timestamp), body));
    }

    /** The {@code X-Hotline-Signature} value for {@code body} signed at {@code at}. */
    public static String sign(byte[] secret, Instant at, byte[] body) {
        return sign(secret, at.getEpochSecond(), body);
    }

    private static byte[] mac(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // Every Java platform has HmacSHA256, and any key length fits it.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The signature's bytes, or null when it is not {@code sha256=} and 64 hex digits. */
    private static byte[] parseSignature(String header) {
        if (header.length() != SCHEME.length() + HEX_LENGTH || !header.regionMatches(true, 0, SCHEME, 0,
                SCHEME.length())) {
            return null;
        }
        String hex = header.substring(SCHEME.length());
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0 || hex.charAt(i) > 'f') {
                return null;
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    private static boolean isDigits(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "WebhookSignature[secret=(hidden), replayWindow=" + windowSeconds + "s]";
    }
}
