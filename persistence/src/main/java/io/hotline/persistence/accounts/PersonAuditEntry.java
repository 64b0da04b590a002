package io.hotline.persistence.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code person_audit}: what a person did, or tried. Immutable.
 *
 * @param at            when
 * @param login         who, as signed in (or as typed, for a refused sign-in)
 * @param role          their role, or empty when unknown
 * @param action        what, e.g. {@code LOGIN} or a route's name
 * @param subject       on what, e.g. the request's path, or empty
 * @param detail        more, or empty; never a password or a token
 * @param status        how it ended, e.g. {@code LOGGED_IN} or {@code 200}
 * @param remoteAddress from where, or empty
 */
public record PersonAuditEntry(Instant at, String login, Optional<String> role, String action,
                               Optional<String> subject, Optional<String> detail, String status,
                               Optional<String> remoteAddress) {

    public PersonAuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
