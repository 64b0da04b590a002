package io.hotline.routing.workorder;

import io.hotline.routing.ladder.Tier;
import java.time.Instant;
import java.util.Objects;

/**
 * What is known when a call asks for its work order: the Asterisk server and the call's linkedid (which
 * together identify the call, so asking twice gives the same work order), the caller and, where the
 * caller was recognised, the customer.
 *
 * @param asteriskServer the configured name of the Asterisk server the call is on
 * @param linkedId       Asterisk's {@code linkedid} of the call (the uniqueid of its first channel)
 * @param callerNumber   the caller's number as Asterisk presented it
 * @param customerId     the recognised customer, or {@code null} when the number is unknown
 * @param severity       the initial severity (from the IVR choice or the contract)
 * @param tier           the tier the call is routed to first
 * @param openedAt       when the call entered Hotline; starts the SLA clocks
 */
public record CallWorkOrderRequest(
        String asteriskServer, String linkedId, String callerNumber, Long customerId,
        Severity severity, Tier tier, Instant openedAt) {

    public CallWorkOrderRequest {
        Objects.requireNonNull(asteriskServer, "asteriskServer");
        Objects.requireNonNull(linkedId, "linkedId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(openedAt, "openedAt");
        if (linkedId.isBlank()) {
            throw new IllegalArgumentException("linkedId must not be blank");
        }
    }
}
