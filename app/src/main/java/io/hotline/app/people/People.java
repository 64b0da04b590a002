package io.hotline.app.people;

import io.hotline.web.auth.AdminRoutes;
import io.hotline.web.auth.AuditedRoutes;
import io.hotline.web.auth.AuthRoutes;
import io.hotline.web.auth.SessionAuthenticator;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpRoutes;
import java.time.InstantSource;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Hotline wires for its people, kept out of {@code Hotline}: the account service, the session authenticator,
 * the sign-in and admin routes, the audit of supervisors' and admins' changes. Created before the HTTP server
 * (which answers before the database is open), {@linkplain #start started} once the database is migrated.
 * Not thread-safe: the lifecycle thread creates, starts and closes it; what it hands out is thread-safe.
 */
public final class People implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(People.class);

    private final AccountsService accounts;
    private final JdbiPersonAudit audit = new JdbiPersonAudit();
    private final InstantSource clock;

    private People(AccountsService accounts, InstantSource clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The people's side with the system clock and Hotline's login throttling. */
    public static People create(AccountsConfig config) {
        InstantSource clock = InstantSource.system();
        return new People(new AccountsService(Objects.requireNonNull(config, "config"), clock,
                LoginThrottle.standard(clock)), clock);
    }

    /** Adds {@code /api/login}, {@code /api/logout}, {@code /api/me} and the admin's account routes. */
    public HttpRoutes.Builder register(HttpRoutes.Builder routes) {
        AuthRoutes.register(routes, accounts, audit, clock);
        return AdminRoutes.register(routes, new AdminAccounts(accounts));
    }

    /** {@code routes} with every state-changing request of a supervisor or an admin audited. */
    public HttpRoutes audited(HttpRoutes routes) {
        return AuditedRoutes.of(routes, audit, clock);
    }

    /** Accepts the session tokens of signed-in people. */
    public Authenticator authenticator() {
        return new SessionAuthenticator(accounts);
    }

    /** The account service (tests look at its sessions). */
    public AccountsService accounts() {
        return accounts;
    }

    /** Loads sessions, creates the initial admin if needed, starts the audit writer; blocks on the database. */
    public void start(Jdbi jdbi) {
        audit.start(jdbi);
        accounts.start(jdbi);
    }

    @Override
    public void close() {
        accounts.close();
        try {
            audit.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while the person audit wrote its last entries");
        }
    }
}
