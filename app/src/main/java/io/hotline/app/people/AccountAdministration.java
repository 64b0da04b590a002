package io.hotline.app.people;

import io.hotline.persistence.accounts.Account;
import io.hotline.persistence.accounts.AccountStore;
import io.hotline.persistence.accounts.AddOutcome;
import io.hotline.persistence.accounts.Argon2idPasswords;
import io.hotline.persistence.accounts.NewAccount;
import io.hotline.persistence.accounts.SessionStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Adds accounts, changes passwords, disables and lists, for {@code hotline user} and the admin API. A password
 * change or a disabling revokes every session of the account in the database (a running Hotline learns of it
 * within {@link AccountsConfig#REVOCATION_POLL}, or at once when it made the change itself). Thread-safe; every
 * method blocks on the database and hashing (tens of milliseconds): never call it on an event loop.
 */
public final class AccountAdministration {
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final Argon2idPasswords passwords;
    private final InstantSource clock;

    public AccountAdministration(AccountStore accounts, SessionStore sessions, Argon2idPasswords passwords,
            InstantSource clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the account with {@code password}; refused for a bad login, a short password, or what the store refuses. */
    public AddOutcome add(AccountRequest request, char[] password) {
        if (!LOGIN.matcher(request.login()).matches()) {
            return new AddOutcome.Refused("a login is 1-64 letters, digits and . _ @ -, starting with a letter or "
                    + "digit: '" + request.login() + "' is not");
        }
        Optional<String> tooWeak = tooWeak(password);
        if (tooWeak.isPresent()) {
            return new AddOutcome.Refused(tooWeak.get());
        }
        return accounts.add(new NewAccount(request.login(), request.displayName().filter(name -> !name.isBlank())
                .orElse(request.login()), request.role(), request.seat(), request.branch(), request.phone(),
                passwords.hash(password)), clock.instant());
    }

    /** Sets a new password and revokes the account's sessions. */
    public AccountChange changePassword(String login, char[] password) {
        Optional<String> tooWeak = tooWeak(password);
        if (tooWeak.isPresent()) {
            return new AccountChange.Refused(tooWeak.get());
        }
        Optional<Account> account = accounts.find(login);
        if (account.isEmpty()) {
            return new AccountChange.Refused("there is no account '" + login + "'");
        }
        Instant now = clock.instant();
        accounts.changePassword(login, passwords.hash(password), now);
        return new AccountChange.Done(account.get(), sessions.revokeAll(account.get().id(), now));
    }

    /** Disables the account and revokes its sessions. */
    public AccountChange disable(String login) {
        Optional<Account> account = accounts.find(login);
        if (account.isEmpty()) {
            return new AccountChange.Refused("there is no account '" + login + "'");
        }
        Instant now = clock.instant();
        accounts.disable(login, now);
        return new AccountChange.Done(account.get(), sessions.revokeAll(account.get().id(), now));
    }

    /** Every account, by login. */
    public List<Account> list() {
        return accounts.list();
    }

    private static Optional<String> tooWeak(char[] password) {
        return password.length < AccountsConfig.MIN_PASSWORD_LENGTH
                ? Optional.of("a password has at least " + AccountsConfig.MIN_PASSWORD_LENGTH + " characters")
                : Optional.empty();
    }
}
