package io.hotline.routing.workorder;

import java.time.Instant;
import java.util.Objects;

/**
 * A channel of a call that went to the dialplan's fallback queue without entering routing: routing was overloaded
 * (its inbox full) or another session already held the call. Recorded as a call record with outcome FALLBACK (one
 * per channel) and on the call's work order's trail. Immutable.
 *
 * @param asteriskServer the configured name of the Asterisk server the call is on
 * @param linkedId       the call (its Asterisk linkedid)
 * @param channelId      the channel handed over (its uniqueid)
 * @param callerNumber   the caller's number as presented, or {@code null}
 * @param dialledNumber  the number dialled, or {@code null}
 * @param reason         why, for the trail
 * @param at             when
 */
public record FallbackHandoff(String asteriskServer, String linkedId, String channelId, String callerNumber,
                              String dialledNumber, String reason, Instant at) {
    public FallbackHandoff {
        Objects.requireNonNull(asteriskServer, "asteriskServer");
        Objects.requireNonNull(linkedId, "linkedId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
