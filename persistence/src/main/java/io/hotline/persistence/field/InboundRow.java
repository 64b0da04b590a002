package io.hotline.persistence.field;

import java.time.Instant;

/**
 * An inbound SMS as stored ({@code sms_message}, direction {@code IN}), for processing. Immutable.
 *
 * @param id         its row's id: what {@link SmsMessages#processed} takes
 * @param messageId  the gateway's message id
 * @param from       the sender's phone, as the gateway gave it
 * @param text       the text
 * @param receivedAt when it was received (the time the webhook gave, or when it arrived)
 */
public record InboundRow(long id, String messageId, String from, String text, Instant receivedAt) {
}
