package io.hotline.app.report;

import io.hotline.persistence.report.ServiceReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The names, bytes and content-security policy of the report's files, the same for the command line and the HTTP
 * route. Stateless, thread-safe.
 */
public final class ReportFiles {
    private static volatile String policy;

    private ReportFiles() {
    }

    /** {@code service-quality-FROM-TO} (TO exclusive, as given). */
    public static String baseName(ServiceReport report) {
        return "service-quality-" + report.from() + "-" + report.to();
    }

    /** The HTML file's name. */
    public static String htmlName(ServiceReport report) {
        return baseName(report) + ".html";
    }

    /** A CSV table's file name. */
    public static String csvName(ServiceReport report, String table) {
        return baseName(report) + "-" + table + ".csv";
    }

    /** The HTML file's bytes, UTF-8. */
    public static byte[] html(ServiceReport report, ReportLanguage language, Instant now) {
        return HtmlReport.render(report, language, now).getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV table's bytes, UTF-8 starting with the byte-order mark. */
    public static byte[] csv(ServiceReport report, String table) {
        String csv = CsvReport.tables(report).get(table);
        if (csv == null) {
            throw new IllegalArgumentException("no CSV table " + table + ": one of " + CsvReport.TABLES);
        }
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The policy the served HTML runs under: nothing loaded from anywhere, only the report's own two scripts (by
     * their SHA-256) and inline styles, in a sandbox without the server's origin (the file cannot call the API).
     */
    public static String htmlPolicy() {
        String known = policy;
        if (known == null) {
            StringBuilder scripts = new StringBuilder();
            for (String script : List.of(HtmlReport.echarts(), HtmlReport.chartsScript())) {
                scripts.append(" 'sha256-").append(sha256(script)).append('\'');
            }
            known = "default-src 'none'; script-src" + scripts + "; style-src 'unsafe-inline'; img-src data:;"
                    + " sandbox allow-scripts allow-downloads";
            policy = known;
        }
        return known;
    }

    /** The policy of a CSV table: nothing runs. */
    public static String csvPolicy() {
        return "default-src 'none'; sandbox";
    }

    private static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
