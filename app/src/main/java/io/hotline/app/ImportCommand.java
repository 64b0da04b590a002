package io.hotline.app;

import io.hotline.ops.config.Settings;
import io.hotline.persistence.importer.ImportException;
import io.hotline.persistence.importer.ImportOutcome;
import io.hotline.persistence.importer.OrganisationImport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hotline import <dir>}: loads the organisation's CSV files (docs/import.md) into the database, migrating it
 * first. Every problem is listed with its file, line and column, and then nothing is written (exit 2). Seats and
 * skills reach routing at Hotline's next start.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load your organisation from CSV files (UTF-8, with a header row).",
                "Files: skills.csv, seats.csv, branches.csv, rosters.csv, engineers.csv, customers.csv and"
                        + " products.csv, any of them.",
                "Checks everything first and writes nothing if anything is wrong; writes in one transaction.",
                "Safe to repeat: rows are matched by their codes. Formats: docs/import.md.",
                "Seats and skills take effect at Hotline's next start."})
final class ImportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The directory with the CSV files.")
    private Path directory;

    @Option(names = "--dir", paramLabel = "DIR", description = "The directory with the CSV files (or give it "
            + "as the argument).")
    private Path dirOption;

    @Option(names = "--dry-run", description = "Check the files and show what would change; write nothing.")
    private boolean dryRun;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    ImportCommand() {
        this(System.getenv());
    }

    /** A command reading its settings from {@code environment} (tests). */
    ImportCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        Path files = directory();
        Settings settings = Settings.load(environment);
        HotlineConfiguration config = HotlineConfiguration.from(settings);
        Logging.configure(config.logLevel());
        settings.warnings().forEach(warning -> LOG.warn("{}", warning));
        ImportOutcome outcome;
        // The embedded database belongs to one Hotline process at a time; an external one may take an import while
        // Hotline runs (customers count at their first call; seats at the next start).
        try (DataDirectoryLock ignored = config.database().embedded()
                ? DataDirectoryLock.acquire(config.database().dataDir(), "import") : null;
             OpenDatabase database = OpenDatabase.open(config.database(), null)) {
            outcome = OrganisationImport.run(database.database().jdbi(), files, dryRun);
        } catch (ImportException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (!outcome.succeeded()) {
            PrintWriter err = spec.commandLine().getErr();
            outcome.problems().forEach(problem -> err.println(problem));
            err.println("hotline: " + count(outcome) + " in " + files + "; nothing was written");
            err.flush();
            return FailureHandler.BAD_CONFIGURATION;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println((dryRun ? "Dry run of the import from " : "Imported from ") + files + ":");
        outcome.summary().lines().forEach(line -> out.println("  " + line));
        out.flush();
        return 0;
    }

    private Path directory() {
        if ((directory == null) == (dirOption == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Say where the CSV files are: hotline import DIR (or --dir DIR), once");
        }
        Path files = directory != null ? directory : dirOption;
        if (!Files.isDirectory(files)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + files + "' is not a directory");
        }
        return files;
    }

    private static String count(ImportOutcome outcome) {
        int problems = outcome.problems().size();
        return problems == 1 ? "1 problem" : problems + " problems";
    }
}
