package io.hotline.app.people;

import io.hotline.persistence.accounts.Account;
import java.util.Objects;

/** What a password change or a disabling did: a sealed family of values. */
public sealed interface AccountChange {

    /**
     * Done.
     *
     * @param account         the account as it was before the change
     * @param sessionsRevoked how many of its sessions were revoked
     */
    record Done(Account account, int sessionsRevoked) implements AccountChange {
        public Done {
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * Nothing changed.
     *
     * @param reason a sentence for the operator
     */
    record Refused(String reason) implements AccountChange {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
