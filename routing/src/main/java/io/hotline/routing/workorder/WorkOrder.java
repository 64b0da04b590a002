package io.hotline.routing.workorder;

import io.hotline.routing.ladder.Tier;
import java.time.Instant;

/**
 * A work order as stored: one per call (unique on the Asterisk server and the call's linkedid), or opened
 * without a call (callbacks, proactive care) when {@code linkedId} is {@code null}.
 *
 * @param id               the database key
 * @param asteriskServer   the Asterisk server of the call, or {@code null}
 * @param linkedId         the call's linkedid, or {@code null}
 * @param customerId       the customer, or {@code null} while the caller is unknown
 * @param callerNumber     the number that called, or {@code null}
 * @param severity         P1 to P3
 * @param state            where it is in its life
 * @param tier             the rung of the ladder it is on
 * @param ownerSeatId      the seat that owns it, or {@code null}
 * @param createdAt        when it was opened
 * @param responseDueAt    when a person must have responded (severity's response target)
 * @param resolutionDueAt  when it must be resolved (severity's resolution target)
 * @param version          optimistic-lock version, bumped on every update
 */
public record WorkOrder(
        long id, String asteriskServer, String linkedId, Long customerId, String callerNumber,
        Severity severity, WorkOrderState state, Tier tier, Long ownerSeatId,
        Instant createdAt, Instant responseDueAt, Instant resolutionDueAt, int version) {
}
