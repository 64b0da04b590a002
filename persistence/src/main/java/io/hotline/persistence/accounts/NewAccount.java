package io.hotline.persistence.accounts;

import java.util.Objects;
import java.util.Optional;

/**
 * An account to add. The seat and branch are named by their codes; the store looks them up. Immutable.
 *
 * @param login        the sign-in name
 * @param displayName  the name shown to people
 * @param role         what the account may do
 * @param seatCode     the seat's code, or empty
 * @param branchCode   the branch's code, or empty
 * @param phone        a supervisor's SIP endpoint, or empty
 * @param passwordHash the Argon2id PHC string of the password
 */
public record NewAccount(String login, String displayName, AccountRole role, Optional<String> seatCode,
                         Optional<String> branchCode, Optional<String> phone, String passwordHash) {

    public NewAccount {
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
        return "NewAccount[login=" + login + ", role=" + role + "]";
    }
}
