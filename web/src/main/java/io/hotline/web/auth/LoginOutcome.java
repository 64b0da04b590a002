package io.hotline.web.auth;

import io.hotline.web.http.AuthenticatedUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How a sign-in ended: a sealed family of values. */
public sealed interface LoginOutcome {

    /**
     * Signed in.
     *
     * @param token       the opaque session token, shown to the client once; never logged
     * @param expiresAt   when the session ends at the latest
     * @param user        who signed in
     * @param displayName the name to show
     */
    record LoggedIn(String token, Instant expiresAt, AuthenticatedUser user, String displayName)
            implements LoginOutcome {
        public LoggedIn {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(displayName, "displayName");
        }

        @Override
        public String toString() {
            return "LoggedIn[user=" + user.name() + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * Not signed in: the same answer for an unknown login, a wrong password and a disabled account, so that the
     * answer does not tell which logins exist.
     */
    record Refused() implements LoginOutcome {
    }

    /**
     * Too many failed attempts for this login or from this address: try again after {@code retryAfter}.
     *
     * @param retryAfter how long until an attempt is considered again, positive
     */
    record Throttled(Duration retryAfter) implements LoginOutcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The accounts cannot be checked now (the database is still starting, or too many sign-ins at once). */
    record Unavailable() implements LoginOutcome {
    }
}
