package io.hotline.persistence.dao;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code call_record} row: one Asterisk channel that entered Hotline, keyed by server and uniqueid. The
 * caller number is kept as Asterisk presented it (it may be {@code anonymous}); look the customer up with
 * {@link CustomerDao#findByCallerNumber(String)}. Immutable.
 *
 * @param id                 the database key; ignored on insert, which returns the generated one
 * @param asteriskServer     the configured name of the Asterisk server
 * @param uniqueId           Asterisk's uniqueid of the channel
 * @param linkedId           Asterisk's linkedid: the call this channel belongs to
 * @param callerNumber       the caller id number, raw, or {@code null}
 * @param dialledNumber      the DNIS, or {@code null}
 * @param customerId         the recognised customer, or {@code null}
 * @param queue              the queue it waited in, or {@code null}
 * @param joinedAt           when it entered Hotline
 * @param offeredAt          when it was first offered to a seat, or {@code null}
 * @param answeredAt         when a seat answered, or {@code null}
 * @param endedAt            when it ended, or {@code null} while in progress
 * @param seatId             the seat last offered or answering, or {@code null}
 * @param outcome            how it ended, or {@code null} while in progress
 * @param waitMs             how long the caller waited for a person, or {@code null}
 * @param routingExplanation why routing chose what it did, for the duty manager's console
 */
public record CallRow(
        long id, String asteriskServer, String uniqueId, String linkedId, String callerNumber,
        String dialledNumber, Long customerId, String queue, Instant joinedAt, Instant offeredAt,
        Instant answeredAt, Instant endedAt, Long seatId, CallOutcome outcome, Integer waitMs,
        String routingExplanation) {

    public CallRow {
        Objects.requireNonNull(asteriskServer, "asteriskServer");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(linkedId, "linkedId");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /** A call that has just joined, for {@link CallDao#insertOnJoin(CallRow)}. */
    public static CallRow joined(String asteriskServer, String uniqueId, String linkedId, String callerNumber,
                                 String dialledNumber, Instant joinedAt) {
        return new CallRow(0, asteriskServer, uniqueId, linkedId, callerNumber, dialledNumber, null, null, joinedAt,
                null, null, null, null, null, null, null);
    }
}
