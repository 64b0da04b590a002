package io.hotline.web.console;

import java.time.Instant;
import java.util.Objects;

/**
 * One SMS about a dispatch order, as the console's history shows it. Immutable.
 *
 * @param direction {@code IN} (an engineer's check-in) or {@code OUT} (to the branch, an engineer, a reply)
 * @param phone     the sender of an inbound message, the recipient of an outbound one
 * @param text      the message's text
 * @param status    where it is: {@code RECEIVED}, {@code ACCEPTED}, {@code REJECTED}, {@code QUEUED}, {@code SENT},
 *                  {@code FAILED}
 * @param at        when it was received or queued
 * @param detail    the rejection's or failure's reason, or {@code null}
 */
public record SmsView(String direction, String phone, String text, String status, Instant at, String detail) {
    public SmsView {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
