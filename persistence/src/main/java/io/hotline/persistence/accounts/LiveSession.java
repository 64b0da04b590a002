package io.hotline.persistence.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * A session that is neither revoked nor expired, of an enabled account, with that account. Immutable.
 *
 * @param tokenHash the SHA-256 of the token, lower-case hex
 * @param account   whose session it is
 * @param createdAt when it was opened
 * @param expiresAt when it ends at the latest
 */
public record LiveSession(String tokenHash, Account account, Instant createdAt, Instant expiresAt) {

    public LiveSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
