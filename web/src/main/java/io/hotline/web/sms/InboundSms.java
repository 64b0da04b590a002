package io.hotline.web.sms;

import java.time.Instant;
import java.util.Objects;

/**
 * One inbound SMS as the gateway delivered it to {@code POST /sms/inbound}, its signature checked and its fields
 * validated. Immutable.
 *
 * @param messageId the gateway's id of the message (1 to 128 characters, no control characters): the key that
 *                  makes a redelivery a duplicate
 * @param from      the sender, normalised (ASCII digits, optional leading {@code +}; see
 *                  {@link io.hotline.routing.field.PhoneNumbers})
 * @param text      the message as sent (at most 2,000 characters, valid Unicode, no NUL); not parsed yet
 * @param sentAt    when the gateway says it was sent ({@code sent_at}), or when the webhook received it
 */
public record InboundSms(String messageId, String from, String text, Instant sentAt) {

    public InboundSms {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
