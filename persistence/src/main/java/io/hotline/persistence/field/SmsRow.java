package io.hotline.persistence.field;

import io.hotline.persistence.dao.SmsDirection;
import io.hotline.persistence.dao.SmsStatus;
import java.time.Instant;

/**
 * One SMS in or out, as the console shows a dispatch order's messages. Immutable.
 *
 * @param id               its row's id
 * @param direction        in or out
 * @param status           inbound: {@code RECEIVED}, {@code ACCEPTED}, {@code REJECTED}; outbound: {@code QUEUED},
 *                         {@code SENT}, {@code FAILED}
 * @param workOrderId      the dispatch order it is about, or {@code null} (an inbound one not processed yet);
 *                         0 for an outbound one about none
 * @param key              an outbound one's key, or {@code null}
 * @param phone            the other party
 * @param body             the text
 * @param gatewayMessageId the gateway's id (inbound: from the webhook; outbound: once sent), or {@code null}
 * @param createdAt        when it was received or queued
 * @param sentAt           when an outbound one was sent, or {@code null}
 * @param processedAt      when an inbound one was accepted or rejected, or an outbound one sent or given up
 * @param attempts         an outbound one's attempts
 * @param error            why it was rejected, or the last sending error, or {@code null}
 */
public record SmsRow(long id, SmsDirection direction, SmsStatus status, Long workOrderId, String key, String phone,
                     String body, String gatewayMessageId, Instant createdAt, Instant sentAt, Instant processedAt,
                     int attempts, String error) {
}
