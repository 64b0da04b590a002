package io.hotline.routing.desk;

import java.util.Objects;

/**
 * Who did something to a work order, for the audit trail and for the rules that only people may apply.
 *
 * @param kind what kind of actor
 * @param id   the seat id, supervisor id, or the call's linkedid for {@link ActorKind#CALLER}
 */
public record Actor(ActorKind kind, String id) {

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** A seat agent. */
    public static Actor seat(String seatId) {
        return new Actor(ActorKind.SEAT, seatId);
    }

    /** A supervisor. */
    public static Actor supervisor(String supervisorId) {
        return new Actor(ActorKind.SUPERVISOR, supervisorId);
    }

    /** Whether a person (a seat or a supervisor) acted. */
    public boolean isPerson() {
        return kind == ActorKind.SEAT || kind == ActorKind.SUPERVISOR;
    }
}
