package io.hotline.web.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited action, as the web side saw it. Immutable. Never carries a password or a token.
 *
 * @param at            when it was answered
 * @param login         who (as typed, for a refused sign-in)
 * @param role          their role ({@code "admin"}...), or {@code null} when unknown
 * @param action        {@link #LOGIN} or the route's name
 * @param subject       the request's path, or {@code null}
 * @param detail        more, or {@code null}
 * @param status        for a sign-in {@code LOGGED_IN}, {@code REFUSED}, {@code THROTTLED} or {@code UNAVAILABLE};
 *                      otherwise the HTTP status code answered
 * @param remoteAddress the client's address, or {@code ""}
 */
public record PersonAuditEvent(Instant at, String login, String role, String action, String subject, String detail,
                               String status, String remoteAddress) {

    /** The action of a sign-in attempt. */
    public static final String LOGIN = "LOGIN";

    public PersonAuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
