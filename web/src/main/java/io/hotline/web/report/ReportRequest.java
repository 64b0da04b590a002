package io.hotline.web.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A checked request for the service-quality report. Immutable.
 *
 * @param from     the first day, inclusive, in the hotline's zone
 * @param to       the day after the last, exclusive, after {@code from} and at most {@link #MAX_DAYS} later
 * @param format   {@code html} or {@code csv}
 * @param table    for CSV, one of {@link #TABLES}; {@code null} for HTML
 * @param language {@code zh} or {@code en}
 */
public record ReportRequest(LocalDate from, LocalDate to, String format, String table, String language) {

    /** The longest period a report covers over HTTP. */
    public static final int MAX_DAYS = 400;
    /** The CSV tables, as the command line writes them. */
    public static final List<String> TABLES = List.of("totals", "weeks", "product-lines", "recurring", "licences");
    /** The formats. */
    public static final List<String> FORMATS = List.of("html", "csv");
    /** The languages. */
    public static final List<String> LANGUAGES = List.of("zh", "en");

    public ReportRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!FORMATS.contains(format) || !LANGUAGES.contains(language)
                || (format.equals("csv") ? !TABLES.contains(table) : table != null)) {
            throw new IllegalArgumentException("not a report request: " + format + " " + table + " " + language);
        }
    }
}
