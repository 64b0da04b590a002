package io.hotline.web.sms;

import java.util.Objects;

/**
 * Hotline's answer to one inbound SMS, sent back to the gateway as {@code 200 {"status":"...","reply":"..."}}.
 * Immutable.
 *
 * @param status what became of the message
 * @param reply  the words for the sender (also sent to them as an SMS, except for a duplicate); may be empty
 */
public record SmsAnswer(Status status, String reply) {

    public SmsAnswer {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reply, "reply");
    }

    /** What became of an inbound message. */
    public enum Status {
        /** Stored, understood and applied: a check-in the desk took. */
        ACCEPTED,
        /** Stored and refused, with the reason in the reply (not understood, not the assigned engineer, ...). */
        REFUSED,
        /** A message id already stored: nothing changed. */
        DUPLICATE;

        /** The JSON value of {@code status}: the name in lower case. */
        public String json() {
            return switch (this) {
                case ACCEPTED -> "accepted";
                case REFUSED -> "refused";
                case DUPLICATE -> "duplicate";
            };
        }
    }

    /** Taken, with the confirmation for the sender. */
    public static SmsAnswer accepted(String reply) {
        return new SmsAnswer(Status.ACCEPTED, reply);
    }

    /** Refused, with why. */
    public static SmsAnswer refused(String reply) {
        return new SmsAnswer(Status.REFUSED, reply);
    }

    /** Seen before; {@code reply} is what the first delivery answered, or empty. */
    public static SmsAnswer duplicate(String reply) {
        return new SmsAnswer(Status.DUPLICATE, reply);
    }
}
