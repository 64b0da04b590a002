package io.hotline.web.sms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's delivery receipt for one outbound SMS, as {@code POST /sms/status} delivered it, its signature
 * checked and its fields validated. Immutable.
 *
 * @param messageId the gateway's id of the outbound message (what it answered when it took the message)
 * @param status    one of {@link #STATUSES}, lower case
 * @param error     the gateway's words on why it was not delivered, or {@code null}
 * @param at        when the gateway says it happened ({@code at}), or when the webhook received it
 */
public record DeliveryReceipt(String messageId, String status, String error, Instant at) {

    /** The statuses a receipt may give: {@code delivered}, and the four ways of not being delivered. */
    public static final List<String> STATUSES = List.of("delivered", "failed", "undelivered", "rejected", "expired");

    public DeliveryReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("not a receipt's status: " + status);
        }
    }

    /** Whether the message reached the phone. */
    public boolean delivered() {
        return status.equals("delivered");
    }

    /** Why it was not delivered, as stored: the status and the gateway's error ({@code undelivered: ...}). */
    public String failure() {
        return error == null || error.isBlank() ? status : status + ": " + error.strip();
    }
}
