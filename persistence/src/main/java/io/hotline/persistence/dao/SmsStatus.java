package io.hotline.persistence.dao;

/**
 * Where an SMS is ({@code ck_sms_status}). Inbound: {@code RECEIVED -> ACCEPTED | REJECTED}. Outbound:
 * {@code QUEUED -> SENT -> DELIVERED}, or {@code FAILED} from {@code QUEUED} or {@code SENT}.
 */
public enum SmsStatus {
    /** Inbound, recorded, not yet interpreted. */
    RECEIVED,
    /** Inbound, understood and applied (e.g. an engineer's arrival). */
    ACCEPTED,
    /** Inbound, refused (unknown sender, unparseable text). */
    REJECTED,
    /** Outbound, waiting for the sender. */
    QUEUED,
    /** Outbound, handed to the gateway. */
    SENT,
    /** Outbound, the gateway reported delivery. */
    DELIVERED,
    /** Outbound, could not be sent or delivered. */
    FAILED
}
