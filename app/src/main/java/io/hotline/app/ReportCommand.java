package io.hotline.app;

import io.hotline.app.report.ReportFiles;
import io.hotline.app.report.ReportLanguage;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.report.ServiceReport;
import io.hotline.persistence.report.ServiceReportQuery;
import io.hotline.app.report.CsvReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotline report --from YYYY-MM-DD --to YYYY-MM-DD [--out DIR] [--lang zh|en] [--format html,csv]}: the
 * service-quality report of {@code [from, to)} (days in the routing file's {@code hours.zone}) written as one HTML
 * file and one CSV file per table. Bad dates, a period that does not end after it starts, an unknown language or
 * format and a directory that cannot be written are bad usage (exit 2, before the database is opened); a database
 * that does not answer exits 1.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the service-quality report of a period: HTML with charts (opens offline) and CSV.",
                "The period is [--from, --to): --to is the day after the last one, days in the routing file's "
                        + "hours.zone. Figures: closure rate, average handling time, SLA attainment per severity, "
                        + "dispatch deadline attainment, on-site share, first-contact resolution, satisfaction and "
                        + "NPS, in total, per ISO week and per product line; and the proactive-care lists "
                        + "(the same problem three times in 30 days, licences expiring within 60 days).",
                "Files: service-quality-FROM-TO.html and service-quality-FROM-TO-TABLE.csv for the tables "
                        + "totals, weeks, product-lines, recurring, licences (UTF-8 with BOM, RFC 4180)."})
final class ReportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "The first day.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD",
            description = "The day after the last (exclusive).")
    private String to;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "The directory to write into (created if missing; default: the current one).")
    private Path out;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "The language of the HTML file (default: zh).")
    private String lang;

    @Option(names = "--format", paramLabel = "html,csv", defaultValue = "html,csv", split = ",",
            description = "What to write: html, csv or both (default).")
    private List<String> formats;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    ReportCommand() {
        this(System.getenv());
    }

    /** A command reading its settings from {@code environment} (tests). */
    ReportCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        LocalDate first = day("--from", from);
        LocalDate end = day("--to", to);
        if (!end.isAfter(first)) {
            throw usage("--to (" + end + ") must be after --from (" + first + "): the period is [from, to)");
        }
        ReportLanguage language = ReportLanguage.of(lang).orElseThrow(() -> usage("--lang is zh or en, not '"
                + lang + "'"));
        if (formats.isEmpty() || !Set.of("html", "csv").containsAll(formats)) {
            throw usage("--format is html, csv or html,csv, not '" + String.join(",", formats) + "'");
        }
        Path directory = writable(out);
        Settings settings = Settings.load(environment);
        HotlineConfiguration config = HotlineConfiguration.from(settings);
        Logging.configure(config.logLevel());
        settings.warnings().forEach(warning -> LOG.warn("{}", warning));
        long started = System.nanoTime();
        ServiceReport report;
        try (DataDirectoryLock ignored = config.database().embedded()
                ? DataDirectoryLock.acquire(config.database().dataDir(), "report") : null;
             OpenDatabase database = OpenDatabase.open(config.database(), null)) {
            report = new ServiceReportQuery(database.database().jdbi(), config.desk().hotlineHours().zone(),
                    config.desk().reopenWindow()).forPeriod(first, end);
        }
        long read = System.nanoTime();
        List<Path> written = new ArrayList<>();
        if (formats.contains("html")) {
            written.add(write(directory.resolve(ReportFiles.htmlName(report)),
                    ReportFiles.html(report, language, Instant.now())));
        }
        if (formats.contains("csv")) {
            for (String table : CsvReport.TABLES) {
                written.add(write(directory.resolve(ReportFiles.csvName(report, table)),
                        ReportFiles.csv(report, table)));
            }
        }
        print(spec.commandLine().getOut(), report, written, read - started, System.nanoTime() - read);
        return 0;
    }

    private static void print(PrintWriter printer, ServiceReport report, List<Path> written, long readNanos,
                              long renderNanos) {
        printer.printf("Service-quality report of [%s, %s) (%s): %,d work orders opened, %,d resolved, %d weeks, %d"
                        + " product lines, %,d recurring problems, %,d licences expiring.%n", report.from(),
                report.to(), report.zone().getId(), report.totals().closure().of(), report.totals().resolved(),
                report.weeks().size(), report.productLines().size(), report.recurring().size(),
                report.licences().size());
        printer.printf("Read in %,d ms, written in %,d ms:%n", readNanos / 1_000_000, renderNanos / 1_000_000);
        written.forEach(path -> printer.println("  " + path));
        printer.flush();
    }

    private LocalDate day(String option, String value) {
        try {
            if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw usage(option + " is a day, YYYY-MM-DD: '" + value + "' is not one");
        }
    }

    private Path writable(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw usage("--out " + directory + " cannot be created: " + e.getMessage());
        }
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw usage("--out " + directory + " is not a directory this user can write to");
        }
        return directory;
    }

    private static Path write(Path file, byte[] content) {
        try {
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the report cannot be written to " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
