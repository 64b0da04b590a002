package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.app.report.CsvReport;
import io.hotline.persistence.seed.DemoOrganisation;
import io.hotline.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hotline report} through its command line on the demo organisation: the files it writes, and exit code 2
 * with the reason, before any database is opened, for every bad input.
 */
class ReportCommandTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();

    @TempDir
    Path directory;

    @Test
    void shouldWriteTheHtmlFileAndEveryCsvTableOfThePeriod() throws IOException {
        // given the month before the demo's reference day, in English
        Path out = directory.resolve("reports");

        // when
        Run run = run("--from", "2026-10-01", "--to", DemoOrganisation.REFERENCE_DATE.toString(), "--out",
                out.toString(), "--lang", "en");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path html = out.resolve("service-quality-2026-10-01-2026-11-01.html");
        assertThat(run.out()).contains("Service-quality report of [2026-10-01, 2026-11-01) (Asia/Shanghai)",
                html.toString());
        String page = Files.readString(html);
        assertThat(page).contains("<html lang=\"en\">", "Service-quality report", "id=\"report-data\"",
                "echarts.init(", "2026-W40", "2026-W44");
        for (String table : CsvReport.TABLES) {
            Path csv = out.resolve("service-quality-2026-10-01-2026-11-01-" + table + ".csv");
            assertThat(run.out()).contains(csv.toString());
            assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith(CsvReport.BOM);
        }
        // the demo's licences expiring within 60 days after the period, one line each after the header
        long expiring = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM customer_product"
                + " WHERE licence_expires_on >= '2026-11-01' AND licence_expires_on < '2026-12-31'")
                .mapTo(Long.class).one());
        assertThat(expiring).isPositive();
        assertThat(Files.readAllLines(out.resolve("service-quality-2026-10-01-2026-11-01-licences.csv")))
                .hasSize((int) expiring + 1);
    }

    @Test
    void shouldWriteOnlyWhatFormatAsks() {
        Run run = run("--from", "2026-10-26", "--to", "2026-11-02", "--out", directory.toString(), "--format",
                "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(directory.resolve("service-quality-2026-10-26-2026-11-02.html")).doesNotExist();
        assertThat(directory.resolve("service-quality-2026-10-26-2026-11-02-weeks.csv")).exists();
    }

    @Test
    void shouldRefuseBadInputWithItsReasonAndExitCode2() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");
        Map<String[], String> refusals = Map.of(
                new String[] {"--from", "2026-13-01", "--to", "2026-12-01"}, "--from is a day, YYYY-MM-DD",
                new String[] {"--from", "2026-11-01", "--to", "1.12.2026"}, "--to is a day, YYYY-MM-DD",
                new String[] {"--from", "2026-12-01", "--to", "2026-12-01"}, "--to (2026-12-01) must be after --from",
                new String[] {"--from", "2026-12-01", "--to", "2026-11-01"}, "must be after --from (2026-12-01)",
                new String[] {"--from", "2026-11-01", "--to", "2026-12-01", "--lang", "fr"}, "--lang is zh or en",
                new String[] {"--from", "2026-11-01", "--to", "2026-12-01", "--format", "pdf"}, "--format is html",
                new String[] {"--from", "2026-11-01", "--to", "2026-12-01", "--out", file.toString()},
                "cannot be created",
                new String[] {"--from", "2026-11-01"}, "Missing required option: '--to=YYYY-MM-DD'");
        for (Map.Entry<String[], String> refusal : refusals.entrySet()) {
            Run run = run(refusal.getKey());

            assertThat(run.exitCode()).as(String.join(" ", refusal.getKey())).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", refusal.getKey())).contains(refusal.getValue());
        }
        assertThat(HotlineMain.execute("report", "--help")).isZero();
    }

    private static Run run(String... args) {
        Map<String, String> environment = Map.of("HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_DB_USER", DB.config().user(), "HOTLINE_DB_PASSWORD", DB.config().password());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ReportCommand(environment))
                .setExecutionExceptionHandler(new FailureHandler())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The exit code and what the command printed. */
    record Run(int exitCode, String out, String err) {
    }
}
