package io.hotline.persistence.dao;

import java.time.Instant;

/**
 * An {@code sms_message} row, inbound or outbound. Immutable.
 *
 * @param id               the database key
 * @param direction        in or out
 * @param gatewayMessageId the gateway's id (inbound: from the webhook; outbound: once sent), or {@code null}
 * @param phoneNumber      the other party, normalised
 * @param body             the text
 * @param status           where it is
 * @param engineerId       the engineer it came from or goes to, or {@code null}
 * @param dispatchOrderId  the dispatch order it concerns, or {@code null}
 * @param createdAt        when it was received or queued
 * @param processedAt      when it was accepted/rejected (inbound) or sent/failed (outbound)
 * @param error            why it was rejected or failed, or {@code null}
 */
public record SmsMessageRow(
        long id, SmsDirection direction, String gatewayMessageId, String phoneNumber, String body,
        SmsStatus status, Long engineerId, Long dispatchOrderId, Instant createdAt, Instant processedAt,
        String error) {
}
