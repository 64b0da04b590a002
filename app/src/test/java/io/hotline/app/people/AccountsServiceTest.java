package io.hotline.app.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.accounts.AccountRole;
import io.hotline.persistence.accounts.AccountStore;
import io.hotline.persistence.accounts.AddOutcome;
import io.hotline.persistence.accounts.Argon2idPasswords;
import io.hotline.persistence.accounts.SessionStore;
import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.dao.SeatRow;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.web.auth.LoginOutcome;
import io.hotline.web.http.AuthenticatedUser;
import io.hotline.web.http.Roles;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-in and sessions against a real database, with a clock the test moves. */
class AccountsServiceTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static AccountAdministration elsewhere;
    private final ManualClock clock = new ManualClock(T0);
    private AccountsService service;

    @BeforeAll
    static void accounts() {
        DB.jdbi().onDemand(SeatDao.class).insert(new SeatRow(0, "S101", "Li Wei", Tier.TIER1, "PJSIP/1101", true,
                T0));
        // Another process's administration (the CLI): its own stores and clock.
        elsewhere = new AccountAdministration(new AccountStore(DB.jdbi()), new SessionStore(DB.jdbi()),
                new Argon2idPasswords(), () -> T0);
        for (String login : new String[] {"li", "li2", "li3", "li4", "li5"}) {
            assertThat(elsewhere.add(new AccountRequest(login, AccountRole.AGENT, Optional.of("S101"),
                    Optional.empty(), Optional.empty(), Optional.of("Li Wei")), "password-1".toCharArray()))
                    .isInstanceOf(AddOutcome.Added.class);
        }
    }

    private AccountsService started(AccountsConfig config) {
        service = new AccountsService(config, clock, LoginThrottle.standard(clock));
        service.start(DB.jdbi());
        return service;
    }

    private AccountsService started() {
        return started(AccountsConfig.of(12, Optional.empty()));
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    private static LoginOutcome login(AccountsService accounts, String login, String password, String address) {
        return accounts.login(login, password, address).toCompletableFuture().join();
    }

    @Test
    void shouldAnswerUnavailableBeforeStart() {
        AccountsService early = new AccountsService(AccountsConfig.of(12, Optional.empty()), clock,
                LoginThrottle.standard(clock));

        assertThat(login(early, "li", "password-1", "10.0.0.1")).isInstanceOf(LoginOutcome.Unavailable.class);
        assertThat(early.verify("anything")).isEmpty();
        early.close();
    }

    @Test
    void shouldSignInAnAgentAndVerifyItsTokenUntilItExpires() {
        AccountsService accounts = started();

        LoginOutcome outcome = login(accounts, "li", "password-1", "10.0.0.1");

        assertThat(outcome).isInstanceOf(LoginOutcome.LoggedIn.class);
        LoginOutcome.LoggedIn in = (LoginOutcome.LoggedIn) outcome;
        assertThat(in.token()).hasSize(43);
        assertThat(in.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
        assertThat(in.displayName()).isEqualTo("Li Wei");
        assertThat(accounts.verify(in.token())).contains(new AuthenticatedUser("li", Set.of(Roles.AGENT), "S101",
                null));
        // the database holds the token's hash, never the token
        assertThat(new SessionStore(DB.jdbi()).revokedAt(SessionTokens.hash(in.token()))).isEmpty();
        int stored = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM account_session"
                + " WHERE token_hash = :hash").bind("hash", SessionTokens.hash(in.token())).mapTo(Integer.class)
                .one());
        assertThat(stored).isEqualTo(1);

        clock.advance(Duration.ofHours(12));
        assertThat(accounts.verify(in.token())).isEmpty();
    }

    @Test
    void shouldRefuseAWrongPasswordAnUnknownLoginAndADisabledAccountAlike() {
        AccountsService accounts = started();
        elsewhere.add(new AccountRequest("gone", AccountRole.SUPERVISOR, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "password-1".toCharArray());
        elsewhere.disable("gone");

        assertThat(login(accounts, "li2", "wrong-password", "10.0.0.2")).isEqualTo(new LoginOutcome.Refused());
        assertThat(login(accounts, "nobody", "password-1", "10.0.0.2")).isEqualTo(new LoginOutcome.Refused());
        assertThat(login(accounts, "gone", "password-1", "10.0.0.2")).isEqualTo(new LoginOutcome.Refused());
    }

    @Test
    void shouldThrottleALoginAfterFiveFailuresEvenWithTheRightPassword() {
        AccountsService accounts = started();
        for (int i = 0; i < 5; i++) {
            assertThat(login(accounts, "li3", "wrong-" + i, "10.0.1." + i)).isEqualTo(new LoginOutcome.Refused());
        }

        LoginOutcome sixth = login(accounts, "li3", "password-1", "10.0.1.9");

        assertThat(sixth).isEqualTo(new LoginOutcome.Throttled(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(login(accounts, "li3", "password-1", "10.0.1.9")).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void shouldEndTheSessionAtLogoutInMemoryAndInTheDatabase() {
        AccountsService accounts = started();
        String token = ((LoginOutcome.LoggedIn) login(accounts, "li4", "password-1", "10.0.0.4")).token();

        accounts.logout(token).toCompletableFuture().join();

        assertThat(accounts.verify(token)).isEmpty();
        assertThat(new SessionStore(DB.jdbi()).revokedAt(SessionTokens.hash(token))).contains(T0);
    }

    @Test
    void shouldKeepSessionsOverARestartAndDropThoseRevokedByAnotherProcess() {
        // given a session opened by one run
        AccountsService first = started();
        String token = ((LoginOutcome.LoggedIn) login(first, "li5", "password-1", "10.0.0.5")).token();
        first.close();

        // when the next run starts, the session is still live
        AccountsService second = started();
        assertThat(second.verify(token)).map(AuthenticatedUser::name).contains("li5");

        // when the CLI, in another process, changes the password: the poll drops the session
        AccountChange change = elsewhere.changePassword("li5", "password-2".toCharArray());
        assertThat(change).isInstanceOf(AccountChange.Done.class);
        assertThat(second.verify(token)).isPresent();
        second.pollRevocations();

        // then
        assertThat(second.verify(token)).isEmpty();
        assertThat(login(second, "li5", "password-2", "10.0.0.5")).isInstanceOf(LoginOutcome.LoggedIn.class);
    }

    @Test
    void shouldCreateTheInitialAdminFromTheSettingOnlyWhenNoneExists() {
        AccountsService accounts = started(AccountsConfig.of(12, Optional.of("admin-secret-1")));

        assertThat(login(accounts, "admin", "admin-secret-1", "10.0.0.6")).isInstanceOf(LoginOutcome.LoggedIn.class);
        accounts.close();

        // a second start with another password changes nothing: an enabled admin exists
        AccountsService again = started(AccountsConfig.of(12, Optional.of("other-secret-2")));
        assertThat(login(again, "admin", "other-secret-2", "10.0.0.6")).isEqualTo(new LoginOutcome.Refused());
    }
}
