package io.hotline.app;

import io.hotline.persistence.seed.DemoSeed;
import io.hotline.persistence.seed.SeedReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotline seed --demo}: loads the demo organisation; loading it again adds nothing. Only into the embedded
 * database unless {@code --into-external} says that the external HOTLINE_DB_URL is meant.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Load data into the database (migrating it first).",
                "--demo loads the deterministic demo organisation: product lines and modules as skills, about 40 "
                        + "seats, 42 branches with duty rosters and field engineers, about 500 customers. "
                        + "Safe to repeat: nothing is duplicated.",
                "It goes into the embedded database; with HOTLINE_DB_URL set, add --into-external to load it "
                        + "into that server."})
final class SeedCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "Load the demo organisation.")
    private boolean demo;

    @Option(names = "--into-external", description = "Allow loading the demo organisation into the external "
            + "database of HOTLINE_DB_URL (refused without it).")
    private boolean intoExternal;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!demo) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Say what to seed: --demo");
        }
        HotlineConfiguration config = LoadedSettings.load();
        if (!config.database().embedded() && !intoExternal) {
            throw new CommandLine.ParameterException(spec.commandLine(), "HOTLINE_DB_URL names an external "
                    + "database: the demo organisation goes there only with --into-external");
        }
        try (DataDirectoryLock ignored = DataDirectoryLock.acquire(config.database().dataDir(), "seed");
             OpenDatabase database = OpenDatabase.open(config.database(), null)) {
            SeedReport report = DemoSeed.load(database.database().jdbi());
            print(spec.commandLine().getOut(), report, config.database().embedded()
                    ? "the embedded database in " + config.database().embeddedDirectory()
                    : "the external database of HOTLINE_DB_URL");
        }
        return 0;
    }

    /** The summary: one line per kind of record, with what hangs off it. */
    static void print(PrintWriter out, SeedReport report, String where) {
        out.println("Demo organisation loaded into " + where + ". It now holds:");
        out.printf("  %,7d skills (product lines and modules)%n", report.skills());
        out.printf("  %,7d seats, with %,d skill ratings%n", report.seats(), report.seatSkills());
        out.printf("  %,7d branches, covering %,d regions, with %,d duty shifts%n", report.branches(),
                report.branchRegions(), report.branchDutyShifts());
        out.printf("  %,7d field engineers, with %,d skills%n", report.fieldEngineers(),
                report.fieldEngineerSkills());
        out.printf("  %,7d customers, with %,d phone numbers, %,d installed products and %,d modules%n",
                report.customers(), report.customerPhones(), report.customerProducts(),
                report.customerProductModules());
        out.printf("  %,7d knowledge-base articles%n", report.kbArticles());
        out.println("Loading it again adds nothing.");
        out.flush();
    }
}
