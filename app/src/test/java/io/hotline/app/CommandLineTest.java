package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The command line as an operator meets it, each command in its own JVM (settings come from the environment):
 * {@code --version}, the demo seed's refusal of an external database and its summary, one Hotline per data
 * directory, {@code config} rejecting what {@code run} would, and whole sentences in every help text.
 */
class CommandLineTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.empty();

    @Test
    void shouldPrintTheVersionAndTheCommitItWasBuiltFrom() throws Exception {
        Result result = hotline(Map.of(), "--version");

        assertThat(result.exit()).isZero();
        Matcher version = Pattern.compile("hotline (\\d+\\.\\d+\\.\\d+\\S*) \\(commit ([0-9a-f]{7,40}|unknown)"
                + "(, with uncommitted changes)?\\)").matcher(result.output());
        assertThat(version.find()).as(result.output()).isTrue();
        assertThat(version.group(1)).isEqualTo(HotlineVersion.read().getProperty("version"));
        String commit = version.group(2);
        if (!commit.equals("unknown")) {
            // a commit this repository really has
            Process git = new ProcessBuilder("git", "cat-file", "-e", commit + "^{commit}").start();
            assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(git.exitValue()).as("git knows commit %s", commit).isZero();
        }
    }

    @Test
    void shouldLoadTheDemoOrganisationIntoAnExternalDatabaseOnlyWhenAskedTo() throws Exception {
        // given an external database: run migrates it but loads no demo data into it
        Map<String, String> external = external("seed-external");
        try (Hotline hotline = Hotline.start(HotlineConfiguration.from(Settings.of(external)))) {
            assertThat(seats()).isZero();
        }

        // when seed --demo is pointed at it without saying so: refused (usage), nothing written
        Result refused = hotline(external, "seed", "--demo");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output()).contains("HOTLINE_DB_URL names an external database", "--into-external");
        assertThat(seats()).isZero();

        // when it is said: loaded, with a summary per kind of record
        Result seeded = hotline(external, "seed", "--demo", "--into-external");
        assertThat(seeded.exit()).as(seeded.output()).isZero();
        assertThat(seeded.output()).contains("Demo organisation loaded into the external database of HOTLINE_DB_URL")
                .containsPattern("\\n +\\d+ skills \\(product lines and modules\\)\\n")
                .containsPattern("\\n +\\d+ seats, with [\\d,]+ skill ratings\\n")
                .containsPattern("\\n +42 branches, covering [\\d,]+ regions, with [\\d,]+ duty shifts\\n")
                .containsPattern("\\n +\\d+ field engineers, with [\\d,]+ skills\\n")
                .containsPattern("\\n +\\d+ customers, with [\\d,]+ phone numbers, [\\d,]+ installed products and "
                        + "[\\d,]+ modules\\n")
                .containsPattern("\\n +\\d+ knowledge-base articles\\n")
                .contains("Loading it again adds nothing.");
        assertThat(seeded.output()).contains(" " + seats() + " seats, with");
        assertThat(seats()).isBetween(35L, 45L);
    }

    @Test
    void shouldRefuseASecondHotlineOnTheSameDataDirectoryAtOnce() throws Exception {
        Map<String, String> external = external("locked");
        Path dataDir = Path.of(external.get("HOTLINE_DATA_DIR"));

        // given a Hotline holding the data directory
        try (DataDirectoryLock held = DataDirectoryLock.acquire(dataDir, "run")) {
            // then migrate in another process says who holds it and exits 1, without waiting
            Result second = hotline(external, "migrate");
            assertThat(second.exit()).isEqualTo(1);
            assertThat(second.output()).contains("hotline: another Hotline (pid " + ProcessHandle.current().pid()
                    + ", hotline run) uses data directory " + dataDir.toAbsolutePath());
            // and so does a second start in this process
            assertThatThrownBy(() -> Hotline.start(HotlineConfiguration.from(Settings.of(external))))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("uses data directory " + dataDir.toAbsolutePath());
        }

        // once it let go, the directory is free again
        Result migrated = hotline(external, "migrate");
        assertThat(migrated.exit()).as(migrated.output()).isZero();
        assertThat(Files.readString(dataDir.resolve(DataDirectoryLock.FILE))).contains("hotline migrate");
    }

    @Test
    void shouldRejectInConfigEverythingRunWouldReject() throws Exception {
        Map<String, String> valid = external("config");
        Result fine = hotline(valid, "config");
        assertThat(fine.exit()).as(fine.output()).isZero();

        assertRejected(with(valid, "HOTLINE_ASTERISK_NAME", "a".repeat(65)), "HOTLINE_ASTERISK_NAME",
                "at most 64");
        int port = HotlineTest.freePort();
        assertRejected(with(with(valid, "HOTLINE_HTTP_PORT", Integer.toString(port)), "HOTLINE_AGI_PORT",
                Integer.toString(port)), "HOTLINE_AGI_PORT=" + port + " is also HOTLINE_HTTP_PORT");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertRejected(with(valid, "HOTLINE_HTTP_PORT", Integer.toString(taken.getLocalPort())),
                    "HOTLINE_HTTP_PORT: 127.0.0.1:" + taken.getLocalPort() + " cannot be listened on");
        }
        Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "not-a-directory", ".txt");
        assertRejected(with(valid, "HOTLINE_DATA_DIR", file.resolve("data").toString()), "HOTLINE_DATA_DIR: "
                + file.resolve("data") + " cannot be created: " + file + " is not a directory");
        Path configFile = Files.writeString(Files.createTempFile(Path.of("target").toAbsolutePath(), "dup", ".prop"),
                "HOTLINE_LOG_LEVEL=INFO\nHOTLINE_SHUTDOWN_TIMEOUT=8s\nHOTLINE_LOG_LEVEL=DEBUG\n");
        assertRejected(with(valid, "HOTLINE_CONFIG_FILE", configFile.toString()),
                "HOTLINE_LOG_LEVEL is set more than once in HOTLINE_CONFIG_FILE '" + configFile + "', on lines 1, 3");
    }

    @Test
    void shouldNameThePortWhenRunCannotListenOnIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Result result = hotline(with(external("bind"), "HOTLINE_HTTP_PORT",
                    Integer.toString(taken.getLocalPort())), "run");

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.output()).contains("hotline: HTTP server cannot listen on 127.0.0.1:"
                    + taken.getLocalPort());
        }
    }

    @Test
    void shouldWriteWholeSentencesInEveryHelpText() {
        CommandLine commandLine = new CommandLine(new HotlineMain());
        List<CommandLine> commands = new ArrayList<>(commandLine.getSubcommands().values());
        commands.add(commandLine);
        for (CommandLine command : commands) {
            String name = command.getCommandName();
            for (String line : command.getCommandSpec().usageMessage().description()) {
                assertThat(line.replace("%n", "")).as("a description line of %s", name).endsWith(".");
            }
            command.getCommandSpec().options().forEach(option -> {
                for (String line : option.description()) {
                    assertThat(line).as("%s %s", name, option.longestName()).endsWith(".");
                }
            });
            assertThat(command.getUsageMessage()).as(name).doesNotContain(" ,", "  .");
        }
    }

    private void assertRejected(Map<String, String> env, String... messages) throws Exception {
        Result result = hotline(env, "config");
        assertThat(result.exit()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains(messages);
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, String> external(String owner) {
        return Map.of(
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_DB_USER", DB.config().user(),
                "HOTLINE_DB_PASSWORD", DB.config().password(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh(owner));
    }

    private static long seats() {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM seat").mapTo(Long.class).one());
    }

    /** Runs {@code hotline args} in a new JVM with {@code env} as its only HOTLINE_ variables. */
    private static Result hotline(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), HotlineMain.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "cli-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("HOTLINE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("hotline %s ended", command)
                    .isTrue();
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
    }

    private record Result(int exit, String output) {
    }
}
