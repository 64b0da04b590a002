package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.accounts.AccountStore;
import io.hotline.persistence.accounts.Argon2idPasswords;
import io.hotline.persistence.accounts.NewSession;
import io.hotline.persistence.accounts.SessionStore;
import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.dao.SeatRow;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code hotline user} through its command line, on a real database, in method order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserCommandTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @BeforeAll
    static void seat() {
        DB.jdbi().onDemand(SeatDao.class).insert(new SeatRow(0, "S101", "Li Wei", Tier.TIER1, "PJSIP/1101", true,
                Instant.now()));
    }

    @Test
    @Order(1)
    void shouldBeAHotlineCommand() {
        assertThat(HotlineMain.execute("user", "--help")).isZero();
        assertThat(HotlineMain.execute("user", "add", "--help")).isZero();
        assertThat(HotlineMain.execute("user")).isEqualTo(FailureHandler.BAD_CONFIGURATION);
    }

    @Test
    @Order(2)
    void shouldAddAnAgentWithAPipedPasswordAndRefuseWhatCannotBe() {
        Run added = run("secret-pass-1\n", "add", "li", "--role", "agent", "--seat", "S101", "--name", "Li Wei",
                "--password-stdin");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added agent 'li'.");
        String hash = new AccountStore(DB.jdbi()).find("li").orElseThrow().passwordHash();
        assertThat(new Argon2idPasswords().verify("secret-pass-1".toCharArray(), hash)).isTrue();

        Run taken = run("secret-pass-1\n", "add", "li", "--role", "agent", "--seat", "S101", "--password-stdin");
        Run noSeat = run("secret-pass-1\n", "add", "wang", "--role", "agent", "--password-stdin");
        Run badRole = run("secret-pass-1\n", "add", "wang", "--role", "boss", "--password-stdin");
        Run shortPassword = run("short\n", "add", "wang", "--role", "supervisor", "--password-stdin");
        Run noPassword = run("", "add", "wang", "--role", "supervisor", "--password-stdin");

        assertThat(taken.exitCode()).isEqualTo(FailureHandler.BAD_CONFIGURATION);
        assertThat(taken.err()).contains("hotline: login 'li' is taken");
        assertThat(noSeat.err()).contains("an agent's account needs a seat (--seat CODE)");
        assertThat(badRole.exitCode()).isEqualTo(FailureHandler.BAD_CONFIGURATION);
        assertThat(badRole.err()).contains("--role is agent, supervisor, duty-manager or admin, not 'boss'");
        assertThat(shortPassword.err()).contains("a password has at least 8 characters");
        assertThat(noPassword.exitCode()).isEqualTo(FailureHandler.BAD_CONFIGURATION);
        assertThat(new AccountStore(DB.jdbi()).find("wang")).isEmpty();
    }

    @Test
    @Order(3)
    void shouldChangeThePasswordAndEndTheSessions() {
        long li = new AccountStore(DB.jdbi()).find("li").orElseThrow().id();
        Instant now = Instant.now();
        new SessionStore(DB.jdbi()).insert(new NewSession("a".repeat(64), li, now, now.plus(Duration.ofHours(1)),
                Optional.empty()));

        Run changed = run("secret-pass-2\n", "passwd", "li", "--password-stdin");

        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("Changed the password of 'li'; 1 session ended.");
        assertThat(new SessionStore(DB.jdbi()).revokedAt("a".repeat(64))).isPresent();
        assertThat(run("secret-pass-2\n", "passwd", "ghost", "--password-stdin").err())
                .contains("there is no account 'ghost'");
    }

    @Test
    @Order(4)
    void shouldDisableAndList() {
        assertThat(run("", "add", "boss", "--role", "admin", "--password-stdin").exitCode())
                .isEqualTo(FailureHandler.BAD_CONFIGURATION);
        assertThat(run("admin-pass-1\n", "add", "boss", "--role", "admin", "--password-stdin").exitCode()).isZero();

        Run disabled = run("", "disable", "li");
        Run list = run("", "list");

        assertThat(disabled.out()).contains("Disabled 'li'; 0 sessions ended.");
        assertThat(new AccountStore(DB.jdbi()).find("li").orElseThrow().disabled()).isTrue();
        assertThat(list.out()).containsPattern("boss +admin +- +- +- +enabled +boss")
                .containsPattern("li +agent +S101 +- +- +disabled +Li Wei");
    }

    private static Run run(String stdin, String... args) {
        Map<String, String> environment = Map.of("HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_DB_USER", DB.config().user(), "HOTLINE_DB_PASSWORD", DB.config().password());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new UserCommand(environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))))
                .setExecutionExceptionHandler(new FailureHandler())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** What one command run printed, and its exit code. */
    private record Run(int exitCode, String out, String err) {
    }
}
