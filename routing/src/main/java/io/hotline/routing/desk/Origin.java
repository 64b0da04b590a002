package io.hotline.routing.desk;

/** How a work order came to the desk. */
public enum Origin {
    /** A call (answered, abandoned or after hours): exactly one work order per call. */
    CALL,
    /** An e-mail, opened by a seat or supervisor. */
    EMAIL,
    /** A customer in person, opened by a seat or supervisor: the opening is the first human contact. */
    WALK_IN
}
