package io.hotline.persistence.dao;

/** Whether an SMS came in through the gateway's webhook or goes out through it ({@code ck_sms_direction}). */
public enum SmsDirection {
    /** Received from a phone. */
    IN,
    /** Sent to a phone. */
    OUT
}
