package io.hotline.routing.desk;

import java.util.Objects;

/**
 * Whom a notification is for.
 *
 * @param kind a seat (the owner) or the supervisors
 * @param id   the seat id, or the supervisors' address from {@link DeskConfig#supervisors()}
 */
public record Recipient(Kind kind, String id) {

    /** Kinds of recipient. */
    public enum Kind {
        /** A seat agent's desktop. */
        SEAT,
        /** The supervisors (their desktops and wallboard). */
        SUPERVISORS
    }

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
