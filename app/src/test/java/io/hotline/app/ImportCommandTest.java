package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.dao.SeatDao;
import io.hotline.persistence.dao.SeatStateDao;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.engine.RoutingConfig;
import io.hotline.routing.engine.RoutingEngine;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.engine.RoutingInbox;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hotline import} through its command line, on a real database, in method order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportCommandTest {
    private static final Path EXAMPLES = Path.of("..", "docs", "import");

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @Test
    @Order(1)
    void shouldBeAHotlineCommandThatNeedsADirectory() {
        assertThat(HotlineMain.execute("import", "--help")).isZero();
        assertThat(HotlineMain.execute("import")).isEqualTo(FailureHandler.BAD_CONFIGURATION);
        assertThat(HotlineMain.execute("import", "no/such/directory")).isEqualTo(FailureHandler.BAD_CONFIGURATION);
    }

    @Test
    @Order(1)
    void shouldRefuseADirectoryWithoutImportFiles(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("seat.csv"), "code\n");

        Run run = run(directory.toString());

        assertThat(run.exitCode()).isEqualTo(FailureHandler.BAD_CONFIGURATION);
        assertThat(run.err()).contains("holds none of the import files (skills.csv, seats.csv,");
    }

    @Test
    @Order(2)
    void shouldListEveryProblemOfADryRunAndWriteNothing(@TempDir Path directory) throws IOException {
        // given the examples with a bad tier in seats.csv and an unknown branch in rosters.csv
        copyExamples(directory);
        replace(directory.resolve("seats.csv"), "S104,Emily Zhang,TIER1", "S104,Emily Zhang,tier-one");
        replace(directory.resolve("rosters.csv"), "SH,Thu,", "HZ,Thu,");

        // when
        Run run = run("--dry-run", directory.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(FailureHandler.BAD_CONFIGURATION);
        assertThat(run.err()).contains("seats.csv:5: tier: 'tier-one' is not one of TIER1, TIER2, EXPERT\n",
                "rosters.csv:11: branch: 'HZ' is not a branch in branches.csv or in the database\n",
                "hotline: 2 problems in " + directory + "; nothing was written");
        assertThat(count("seat")).isZero();
    }

    @Test
    @Order(3)
    void shouldImportTheExamplesAndChangeNothingTheSecondTime() {
        Run dryRun = run("--dry-run", "--dir", EXAMPLES.toString());
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("58 would change (dry run: nothing written).");
        assertThat(count("seat")).isZero();

        Run first = run(EXAMPLES.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Imported from " + EXAMPLES, "seats            7       0         0       0",
                "58 changed.");

        Run second = run(EXAMPLES.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("seats            0       0         7       0", "0 changed.");
    }

    @Test
    @Order(4)
    void shouldGiveTheImportedSeatsToRoutingAtTheNextStart() throws InterruptedException {
        // given the imported organisation; when Hotline starts, it loads the seats as it does at every start
        try (RoutingService routing = new RoutingService(new RoutingEngine(RoutingConfig.defaults(),
                InstantSource.system()), new RoutingInbox(100), new RoutingCommandDispatcher(new RecordingPorts(),
                new RecordingPorts(), new RecordingPorts(), RecordingPorts.deskFeed(), new RecordingPorts()),
                RoutingEngine::apply,
                InstantSource.system())) {
            Map<String, String> devices = RoutingSeats.load(DB.jdbi().onDemand(SeatDao.class),
                    DB.jdbi().onDemand(SeatStateDao.class), routing);

            // then every imported seat is configured with its tier, skills and phone
            List<RoutingEvent> offered = new ArrayList<>();
            routing.inbox().drainTo(offered, 100, 0);
            assertThat(devices).hasSize(7).containsEntry("PJSIP/1301", "S301");
            assertThat(offered).hasSize(7).contains(new RoutingEvent.SeatConfigured(new SeatProfile("S301",
                    Tier.EXPERT, Map.of("ERP", 5, "ERP_INV", 5, "POS", 5, "ZH", 5, "EN", 4), "PJSIP/1301")));
        }
    }

    private static Run run(String... args) {
        Map<String, String> environment = Map.of("HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_DB_USER", DB.config().user(), "HOTLINE_DB_PASSWORD", DB.config().password());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ImportCommand(environment))
                .setExecutionExceptionHandler(new FailureHandler())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static long count(String table) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class)
                .one());
    }

    private static void copyExamples(Path directory) throws IOException {
        try (var files = Files.list(EXAMPLES)) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** What one command run printed, and its exit code. */
    private record Run(int exitCode, String out, String err) {
    }
}
