package io.hotline.app.people;

import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.web.auth.AdminRoutes;
import io.hotline.web.auth.AuditedRoutes;
import io.hotline.web.auth.AuthRoutes;
import io.hotline.web.auth.SessionAuthenticator;
import io.hotline.web.http.Authenticator;
import io.hotline.web.http.HttpRoutes;
import io.hotline.web.page.StaticFiles;
import io.hotline.web.push.Greeter;
import io.hotline.web.push.PushConfig;
import io.hotline.web.push.PushHub;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
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
    private final PushHub push;
    private volatile Greeter greeter = Greeter.NONE;

    private People(AccountsService accounts, InstantSource clock) {
        this.accounts = accounts;
        this.clock = clock;
        // The hub greets through a field so that the desktop, created once the desk is loaded, can say hello later.
        this.push = new PushHub(PushConfig.defaults(), user -> Optional.ofNullable(user.seatId()),
                user -> greeter.greet(user), clock);
        // A WebSocket was authenticated when it opened: when its person's session ends, it closes.
        accounts.onSessionEnded(push::closeUser);
    }

    /** The people's side with the system clock and Hotline's login throttling. */
    public static People create(AccountsConfig config) {
        InstantSource clock = InstantSource.system();
        return new People(new AccountsService(Objects.requireNonNull(config, "config"), clock,
                LoginThrottle.standard(clock)), clock);
    }

    /**
     * Adds the page ({@code /}, {@code /static/...}), {@code /api/login}, {@code /api/logout}, {@code /api/me} and
     * the admin's account routes.
     */
    public HttpRoutes.Builder register(HttpRoutes.Builder routes) {
        StaticFiles.hotlinePages().addRoutes(routes);
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

    /** The push channel at {@code /ws}: the HTTP server upgrades to it, app pushes through it. */
    public PushHub push() {
        return push;
    }

    /** Registers the push channel's meters: connections open, slow connections closed. */
    public void bindMetrics(MeterRegistry registry) {
        Gauge.builder(HotlineMeters.PUSH_CONNECTIONS.meterName(), push, PushHub::connections)
                .description(HotlineMeters.PUSH_CONNECTIONS.description()).register(registry);
        FunctionCounter.builder(HotlineMeters.PUSH_DROPPED.meterName(), push, PushHub::droppedConnections)
                .description(HotlineMeters.PUSH_DROPPED.description()).register(registry);
    }

    /** What a newly connected WebSocket receives first (the desktop's {@code hello}); memory only, never blocks. */
    public void greetWith(Greeter greeting) {
        this.greeter = Objects.requireNonNull(greeting, "greeting");
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
