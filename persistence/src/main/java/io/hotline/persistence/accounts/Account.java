package io.hotline.persistence.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code account}, with the codes of the seat and branch it is bound to. {@link #toString()} leaves the
 * password hash out. Immutable.
 *
 * @param id           the row id
 * @param login        the sign-in name, unique
 * @param displayName  the name shown to people
 * @param role         what the account may do
 * @param seatCode     the seat's code (required for {@link AccountRole#AGENT}), or empty
 * @param branchCode   the branch's code (required for {@link AccountRole#DUTY_MANAGER}), or empty
 * @param phone        a supervisor's SIP endpoint for listen, whisper and barge, or empty
 * @param passwordHash the Argon2id PHC string
 * @param disabled     whether sign-in is refused
 * @param createdAt    when it was added
 * @param updatedAt    when it last changed
 */
public record Account(long id, String login, String displayName, AccountRole role, Optional<String> seatCode,
                      Optional<String> branchCode, Optional<String> phone, String passwordHash, boolean disabled,
                      Instant createdAt, Instant updatedAt) {

    public Account {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(seatCode, "seatCode");
        Objects.requireNonNull(branchCode, "branchCode");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", login=" + login + ", role=" + role + ", seat=" + seatCode.orElse("-")
                + ", branch=" + branchCode.orElse("-") + ", disabled=" + disabled + "]";
    }
}
