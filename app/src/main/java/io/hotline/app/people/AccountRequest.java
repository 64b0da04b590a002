package io.hotline.app.people;

import io.hotline.persistence.accounts.AccountRole;
import java.util.Objects;
import java.util.Optional;

/**
 * An account to add, as the CLI or the admin API asked for it (the password comes separately). Immutable.
 *
 * @param login       the sign-in name
 * @param role        what the account may do
 * @param seat        the seat's code (agents), or empty
 * @param branch      the branch's code (duty managers), or empty
 * @param phone       a supervisor's SIP endpoint, or empty
 * @param displayName the name to show, or empty for the login
 */
public record AccountRequest(String login, AccountRole role, Optional<String> seat, Optional<String> branch,
                             Optional<String> phone, Optional<String> displayName) {

    public AccountRequest {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(displayName, "displayName");
    }
}
