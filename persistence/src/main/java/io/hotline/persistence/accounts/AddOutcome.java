package io.hotline.persistence.accounts;

import java.util.Objects;

/** What {@link AccountStore#add} did: a sealed family of values, never an exception for an expected refusal. */
public sealed interface AddOutcome {

    /** The account was added. */
    record Added(Account account) implements AddOutcome {
        public Added {
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * Nothing was added.
     *
     * @param reason a sentence for the operator, e.g. "login 'alice' is taken"
     */
    record Refused(String reason) implements AddOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
