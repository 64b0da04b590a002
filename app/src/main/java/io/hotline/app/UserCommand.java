package io.hotline.app;

import io.hotline.app.people.AccountAdministration;
import io.hotline.app.people.AccountChange;
import io.hotline.app.people.AccountRequest;
import io.hotline.app.people.AccountsConfig;
import io.hotline.app.people.RoleNames;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.accounts.Account;
import io.hotline.persistence.accounts.AccountRole;
import io.hotline.persistence.accounts.AccountStore;
import io.hotline.persistence.accounts.AddOutcome;
import io.hotline.persistence.accounts.Argon2idPasswords;
import io.hotline.persistence.accounts.SessionStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hotline user add|passwd|disable|list}: manages the accounts people sign in with. Passwords are read from
 * the console (typed twice, not echoed) or, with {@code --password-stdin}, from the first line of standard input;
 * never from the command line, where other users could see them. A password change or a disabling revokes the
 * account's sessions; a running Hotline on the same external database drops them within
 * {@link AccountsConfig#REVOCATION_POLL}. With the embedded database the command needs Hotline stopped (the data
 * directory is one process's); use the admin API meanwhile.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Manage the accounts people sign in with: add, passwd, disable, list.",
                "Roles: agent (needs --seat), supervisor, duty-manager (needs --branch), admin."})
final class UserCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(UserCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final InputStream stdin;

    UserCommand() {
        this(System.getenv(), System.in);
    }

    /** A command reading its settings from {@code environment} and piped passwords from {@code stdin} (tests). */
    UserCommand(Map<String, String> environment, InputStream stdin) {
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: add, passwd, disable or list");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account.")
    int add(@Parameters(paramLabel = "LOGIN", description = "The sign-in name.") String login,
            @Option(names = "--role", required = true, paramLabel = "ROLE",
                    description = "agent, supervisor, duty-manager or admin.") String roleName,
            @Option(names = "--seat", paramLabel = "CODE", description = "The agent's seat code.") String seat,
            @Option(names = "--branch", paramLabel = "CODE", description = "The duty manager's branch code.")
            String branch,
            @Option(names = "--phone", paramLabel = "ENDPOINT",
                    description = "A supervisor's SIP endpoint for listen, whisper, barge (PJSIP/2001).") String phone,
            @Option(names = "--name", paramLabel = "NAME", description = "The name shown; the login if unset.")
            String name,
            @Option(names = "--password-stdin", description = "Read the password from standard input's first line.")
            boolean passwordStdin) {
        AccountRole role = RoleNames.parse(roleName).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--role is agent, supervisor, duty-manager or admin, not '" + roleName + "'"));
        char[] password = password(passwordStdin);
        try {
            AddOutcome outcome = withAdministration(administration -> administration.add(new AccountRequest(login,
                    role, Optional.ofNullable(seat), Optional.ofNullable(branch), Optional.ofNullable(phone),
                    Optional.ofNullable(name)), password));
            if (outcome instanceof AddOutcome.Refused refused) {
                return refuse(refused.reason());
            }
            print("Added " + roleName + " '" + login + "'.");
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a new password; the account's sessions end.")
    int passwd(@Parameters(paramLabel = "LOGIN") String login,
               @Option(names = "--password-stdin", description = "Read the password from standard input's first line.")
               boolean passwordStdin) {
        char[] password = password(passwordStdin);
        try {
            return changed(withAdministration(administration -> administration.changePassword(login, password)),
                    "Changed the password of '" + login + "'");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: sign-in is refused and its sessions end.")
    int disable(@Parameters(paramLabel = "LOGIN") String login) {
        return changed(withAdministration(administration -> administration.disable(login)),
                "Disabled '" + login + "'");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every account.")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-20s %-13s %-8s %-8s %-16s %-9s %s%n", "LOGIN", "ROLE", "SEAT", "BRANCH", "PHONE", "STATE",
                "NAME");
        for (Account account : withAdministration(AccountAdministration::list)) {
            out.printf("%-20s %-13s %-8s %-8s %-16s %-9s %s%n", account.login(), RoleNames.of(account.role()),
                    account.seatCode().orElse("-"), account.branchCode().orElse("-"), account.phone().orElse("-"),
                    account.disabled() ? "disabled" : "enabled", account.displayName());
        }
        out.flush();
        return 0;
    }

    private int changed(AccountChange change, String done) {
        if (change instanceof AccountChange.Refused refused) {
            return refuse(refused.reason());
        }
        int revoked = ((AccountChange.Done) change).sessionsRevoked();
        print(done + "; " + (revoked == 1 ? "1 session" : revoked + " sessions") + " ended.");
        return 0;
    }

    private <T> T withAdministration(Function<AccountAdministration, T> work) {
        HotlineConfiguration config = HotlineConfiguration.from(Settings.load(environment));
        Logging.configure(config.logLevel());
        try (DataDirectoryLock ignored = config.database().embedded()
                ? DataDirectoryLock.acquire(config.database().dataDir(), "user") : null;
             OpenDatabase database = OpenDatabase.open(config.database(), null)) {
            var jdbi = database.database().jdbi();
            return work.apply(new AccountAdministration(new AccountStore(jdbi), new SessionStore(jdbi),
                    new Argon2idPasswords(), InstantSource.system()));
        }
    }

    private char[] password(boolean fromStdin) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--password-stdin: standard input "
                            + "has no password line");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the password from standard input", e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No console to type the password on: pipe "
                    + "it with --password-stdin");
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Password again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "The two passwords differ");
        }
        Arrays.fill(second, '\0');
        return first;
    }

    private int refuse(String reason) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("hotline: " + reason);
        err.flush();
        LOG.debug("user command refused: {}", reason);
        return FailureHandler.BAD_CONFIGURATION;
    }

    private void print(String line) {
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
    }
}
