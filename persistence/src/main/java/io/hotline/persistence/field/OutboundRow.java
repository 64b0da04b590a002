package io.hotline.persistence.field;

import java.time.Instant;

/**
 * An outbound SMS waiting to be sent ({@code sms_message}, direction {@code OUT}, {@code QUEUED}). Immutable.
 *
 * @param id          its row's id: what {@link SmsMessages#sent} and {@link SmsMessages#failed} take
 * @param workOrderId the dispatch order it is about, 0 for none
 * @param key         what it is, unique per order ({@code dispatch-1}, {@code reply-<message id>}, ...)
 * @param to          the phone, normalised
 * @param body        the text
 * @param attempts    failed attempts so far
 * @param queuedAt    when it was queued
 */
public record OutboundRow(long id, long workOrderId, String key, String to, String body, int attempts,
                          Instant queuedAt) {
}
