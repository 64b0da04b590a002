package io.hotline.app.people;

import io.hotline.persistence.accounts.Account;
import io.hotline.persistence.accounts.AccountStore;
import io.hotline.persistence.accounts.AddOutcome;
import io.hotline.persistence.accounts.Argon2idPasswords;
import io.hotline.persistence.accounts.LiveSession;
import io.hotline.persistence.accounts.NewSession;
import io.hotline.persistence.accounts.SessionStore;
import io.hotline.web.auth.AccountService;
import io.hotline.web.auth.LoginOutcome;
import io.hotline.web.http.AuthenticatedUser;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in and sessions for Hotline's people. Live sessions are held in memory by the SHA-256 of their token
 * (loaded from {@code account_session} at {@link #start}), so that {@link #verify} answers on an event loop without
 * blocking; each is written through to the database on the bounded {@code accounts-N} executor, which also runs the
 * password hashing. A session ends at its absolute expiry (HOTLINE_SESSION_HOURS after sign-in), at sign-out, or
 * when revoked: by a password change or a disabling made here (at once) or by the CLI in another process (found by
 * a poll of the database every {@link AccountsConfig#revocationPoll()}, 5 s). Failed sign-ins are throttled per
 * login and per address ({@link LoginThrottle}).
 *
 * <p>Until {@link #start} has run (the HTTP server answers before the database is open) sign-in answers
 * {@link LoginOutcome.Unavailable} and no token is accepted. Thread-safe.
 */
public final class AccountsService implements AccountService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccountsService.class);
    /** How far back each poll looks again, so that a revocation stamped by a clock a little behind is not missed. */
    private static final Duration POLL_OVERLAP = Duration.ofMinutes(1);
    /** Expired sessions older than this are deleted from the database at start. */
    private static final Duration KEEP_EXPIRED = Duration.ofDays(30);

    private final AccountsConfig config;
    private final InstantSource clock;
    private final LoginThrottle throttle;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final AccountsExecutor executor = new AccountsExecutor();
    private volatile Started started;
    private ScheduledExecutorService poller;
    private volatile Instant lastPoll;
    /** Told the login of every session that ends here (logout, revocation, expiry): its push sockets close. */
    private volatile Consumer<String> sessionEnded = login -> { };

    /** A live session in memory. */
    private record Session(long accountId, AuthenticatedUser user, Instant expiresAt) {
    }

    /** What {@link #start} opened. */
    private record Started(AccountStore accounts, SessionStore sessions, Argon2idPasswords passwords,
                           AccountAdministration administration) {
    }

    public AccountsService(AccountsConfig config, InstantSource clock, LoginThrottle throttle) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    /**
     * Loads the live sessions, creates the initial admin if needed and starts the revocation poll. Blocks on the
     * database; called once, on the lifecycle thread.
     */
    public void start(Jdbi jdbi) {
        AccountStore accounts = new AccountStore(jdbi);
        SessionStore sessionStore = new SessionStore(jdbi);
        Argon2idPasswords passwords = new Argon2idPasswords();
        AccountAdministration administration = new AccountAdministration(accounts, sessionStore, passwords, clock);
        Instant now = clock.instant();
        InitialAdmin.ensure(accounts, administration, config.adminPassword());
        sessionStore.deleteExpired(now.minus(KEEP_EXPIRED));
        lastPoll = now;
        List<LiveSession> live = sessionStore.live(now);
        live.forEach(session -> remember(session.tokenHash(), session.account(), session.expiresAt()));
        started = new Started(accounts, sessionStore, passwords, administration);
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "accounts-poll");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.revocationPoll().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Accounts ready: {} live sessions, sessions last {} h", live.size(),
                config.sessionLifetime().toHours());
    }

    @Override
    public CompletionStage<LoginOutcome> login(String login, String password, String remoteAddress) {
        Started ready = started;
        if (ready == null) {
            return CompletableFuture.completedFuture(new LoginOutcome.Unavailable());
        }
        Optional<Duration> wait = throttle.blocked(login, remoteAddress);
        if (wait.isPresent()) {
            return CompletableFuture.completedFuture(new LoginOutcome.Throttled(wait.get()));
        }
        return submit(() -> check(ready, login, password.toCharArray(), remoteAddress), LoginOutcome.Unavailable::new);
    }

    private LoginOutcome check(Started ready, String login, char[] password, String remoteAddress) {
        Optional<Account> account = ready.accounts().find(login).filter(found -> !found.disabled());
        boolean good = account.isPresent() ? ready.passwords().verify(password, account.get().passwordHash())
                : ready.passwords().verifyUnknown(password);
        if (!good) {
            throttle.failed(login, remoteAddress);
            return new LoginOutcome.Refused();
        }
        throttle.succeeded(login);
        // Whole milliseconds, as the database keeps them; the expiry in whole seconds, as the cookie counts.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(config.sessionLifetime()).truncatedTo(ChronoUnit.SECONDS);
        String token = SessionTokens.newToken();
        String hash = SessionTokens.hash(token);
        ready.sessions().insert(new NewSession(hash, account.get().id(), now, expires,
                Optional.of(remoteAddress).filter(address -> !address.isEmpty())));
        Session session = remember(hash, account.get(), expires);
        return new LoginOutcome.LoggedIn(token, expires, session.user(), account.get().displayName());
    }

    @Override
    public Optional<AuthenticatedUser> verify(String token) {
        String hash = SessionTokens.hash(token);
        Session session = sessions.get(hash);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            if (sessions.remove(hash, session)) {
                ended(session);
            }
            return Optional.empty();
        }
        return Optional.of(session.user());
    }

    /**
     * Whom to tell the login of each session that ends in this process (logout, a revocation here or found by the
     * poll, expiry), e.g. to close that person's WebSockets, which were authenticated when they opened. Called on
     * the thread that ended the session; must not block.
     */
    public void onSessionEnded(Consumer<String> listener) {
        this.sessionEnded = Objects.requireNonNull(listener, "listener");
    }

    private void ended(Session session) {
        if (session != null) {
            sessionEnded.accept(session.user().name());
        }
    }

    @Override
    public CompletionStage<Void> logout(String token) {
        String hash = SessionTokens.hash(token);
        ended(sessions.remove(hash));
        Started ready = started;
        if (ready == null) {
            return CompletableFuture.completedFuture(null);
        }
        return submit(() -> {
            ready.sessions().revoke(hash, clock.instant());
            return null;
        }, () -> null);
    }

    @Override
    public String displayName(String login) {
        return names.getOrDefault(login, login);
    }

    /**
     * The SIP endpoint of the account's own phone (a supervisor's, rung for listen, whisper and barge), read from the
     * database on the accounts executor, so a phone set since sign-in counts; empty when the account has none or
     * does not exist, or before {@link #start}. Fails when the executor is full.
     */
    public CompletionStage<Optional<String>> phone(String login) {
        Started ready = started;
        if (ready == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        try {
            return executor.submit(() -> ready.accounts().find(login).flatMap(Account::phone));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Every account, by login (admin API). */
    public CompletionStage<List<Account>> list() {
        return administration(administration -> administration.list());
    }

    /** Adds an account (admin API). */
    public CompletionStage<AddOutcome> add(AccountRequest request, char[] password) {
        return administration(administration -> administration.add(request, password));
    }

    /** Changes a password and ends the account's sessions here at once (admin API). */
    public CompletionStage<AccountChange> changePassword(String login, char[] password) {
        return administration(administration -> forget(administration.changePassword(login, password)));
    }

    /** Disables an account and ends its sessions here at once (admin API). */
    public CompletionStage<AccountChange> disable(String login) {
        return administration(administration -> forget(administration.disable(login)));
    }

    private <T> CompletionStage<T> administration(Function<AccountAdministration, T> work) {
        Started ready = started;
        if (ready == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("accounts are not started"));
        }
        return executor.submit(() -> work.apply(ready.administration()));
    }

    private AccountChange forget(AccountChange change) {
        if (change instanceof AccountChange.Done done) {
            long id = done.account().id();
            endWhere(session -> session.accountId() == id);
        }
        return change;
    }

    /** Drops sessions revoked elsewhere since the last poll (with an overlap) and expired ones. */
    void pollRevocations() {
        Started ready = started;
        if (ready == null) {
            return;
        }
        Instant now = clock.instant();
        List<String> revoked = ready.sessions().revokedSince(lastPoll.minus(POLL_OVERLAP));
        lastPoll = now;
        revoked.forEach(hash -> ended(sessions.remove(hash)));
        endWhere(session -> !now.isBefore(session.expiresAt()));
    }

    private void endWhere(Predicate<Session> condition) {
        for (var entry : sessions.entrySet()) {
            if (condition.test(entry.getValue()) && sessions.remove(entry.getKey(), entry.getValue())) {
                ended(entry.getValue());
            }
        }
    }

    private void pollSafely() {
        try {
            pollRevocations();
        } catch (RuntimeException e) {
            LOG.warn("Could not read revoked sessions from the database ({}); trying again in {} s", e.toString(),
                    config.revocationPoll().toSeconds());
        }
    }

    /** How many sessions are live in memory. */
    public int liveSessions() {
        return sessions.size();
    }

    private Session remember(String hash, Account account, Instant expires) {
        AuthenticatedUser user = new AuthenticatedUser(account.login(), Set.of(RoleNames.of(account.role())),
                account.seatCode().orElse(null), account.branchCode().orElse(null));
        Session session = new Session(account.id(), user, expires);
        sessions.put(hash, session);
        names.put(account.login(), account.displayName());
        return session;
    }

    private <T> CompletionStage<T> submit(Supplier<T> work, Supplier<T> whenBusy) {
        try {
            return executor.submit(work).exceptionally(error -> {
                LOG.warn("Sign-in or sign-out failed on the database: {}", error.toString());
                return whenBusy.get();
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(whenBusy.get());
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        executor.close();
    }
}
