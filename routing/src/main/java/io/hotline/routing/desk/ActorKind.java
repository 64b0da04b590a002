package io.hotline.routing.desk;

/** Who acts on a work order. */
public enum ActorKind {
    /** A seat agent (tier 1, tier 2, expert) on their desktop or phone. */
    SEAT,
    /** A supervisor. */
    SUPERVISOR,
    /** The call itself, as telephony reported it (arrived, abandoned, ended). */
    CALLER,
    /** A branch's duty manager on the console. */
    DUTY_MANAGER,
    /** A field engineer, by SMS from their registered mobile (the actor's id is the engineer's code). */
    ENGINEER,
    /** The desk on its own (none of today's changes; kept for dispatch and expiry). */
    DESK
}
