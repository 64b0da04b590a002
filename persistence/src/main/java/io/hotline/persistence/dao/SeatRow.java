package io.hotline.persistence.dao;

import io.hotline.routing.ladder.Tier;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code seat} row: a person on a softphone. Immutable.
 *
 * @param id          the database key; ignored on insert, which returns the generated one
 * @param code        the staff code
 * @param name        the person's name
 * @param tier        a seat tier ({@link Tier#isSeatTier()}): TIER1, TIER2 or EXPERT
 * @param sipEndpoint the Asterisk endpoint the seat's softphone registers as, e.g. {@code PJSIP/1001}
 * @param active      whether the seat can be routed to
 * @param createdAt   when the seat was recorded
 */
public record SeatRow(long id, String code, String name, Tier tier, String sipEndpoint, boolean active,
                      Instant createdAt) {

    public SeatRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sipEndpoint, "sipEndpoint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tier, "tier");
        if (!tier.isSeatTier()) {
            throw new IllegalArgumentException("seat " + code + ": " + tier + " is not a seat tier");
        }
    }
}
