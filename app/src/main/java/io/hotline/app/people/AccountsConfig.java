package io.hotline.app.people;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How accounts and sessions behave. {@link #toString()} never shows the admin password. Immutable.
 *
 * @param sessionLifetime how long a session lasts at most, from sign-in (HOTLINE_SESSION_HOURS)
 * @param adminPassword   the password of the initial {@code admin} account (HOTLINE_ADMIN_PASSWORD), or empty
 * @param revocationPoll  how often the database is asked for sessions revoked by another process
 */
public record AccountsConfig(Duration sessionLifetime, Optional<String> adminPassword, Duration revocationPoll) {

    /** How often revocations made by the CLI are looked for: they take effect within this time. */
    public static final Duration REVOCATION_POLL = Duration.ofSeconds(5);

    /** The shortest password accepted for an account. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    public AccountsConfig {
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(revocationPoll, "revocationPoll");
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("sessionLifetime must be positive: " + sessionLifetime);
        }
    }

    /** Sessions of {@code hours} hours, the initial admin's password if any, the standard poll. */
    public static AccountsConfig of(int hours, Optional<String> adminPassword) {
        return new AccountsConfig(Duration.ofHours(hours), adminPassword, REVOCATION_POLL);
    }

    @Override
    public String toString() {
        return "AccountsConfig[sessionLifetime=" + sessionLifetime + ", adminPassword="
                + (adminPassword.isPresent() ? "****" : "unset") + ", revocationPoll=" + revocationPoll + "]";
    }
}
