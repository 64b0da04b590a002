package io.hotline.persistence.dao;

/** Who did what a {@code work_order_event} records; stored by name ({@code ck_woe_actor_kind}). */
public enum ActorKind {
    /** Hotline itself: routing, timers, escalation. */
    SYSTEM,
    /** A seat on a softphone. */
    SEAT,
    /** A branch's duty manager. */
    DUTY_MANAGER,
    /** A field engineer (usually by SMS). */
    ENGINEER,
    /** A supervisor, e.g. on the satisfaction call-back. */
    SUPERVISOR,
    /** An administrator correcting data. */
    ADMIN,
    /** The customer (IVR choices, survey answers). */
    CUSTOMER
}
