package io.hotline.persistence.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session to store: never the token, only its SHA-256 in lower-case hex. Immutable.
 *
 * @param tokenHash     the SHA-256 of the token, 64 lower-case hex digits
 * @param accountId     whose session it is
 * @param createdAt     when it was opened
 * @param expiresAt     when it ends at the latest
 * @param remoteAddress where the sign-in came from, or empty
 */
public record NewSession(String tokenHash, long accountId, Instant createdAt, Instant expiresAt,
                         Optional<String> remoteAddress) {

    public NewSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        if (!tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
