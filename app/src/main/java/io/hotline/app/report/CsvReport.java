package io.hotline.app.report;

import io.hotline.persistence.report.ReportFigures;
import io.hotline.persistence.report.ServiceReport;
import io.hotline.persistence.report.Share;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as CSV tables (docs/api.md lists the columns): {@code totals}, {@code weeks}, {@code product-lines}
 * (one row per slice, the same columns), {@code recurring} and {@code licences}. RFC 4180: CRLF line ends, a field
 * with a comma, quote or line break in double quotes, quotes doubled; each table starts with a UTF-8 byte-order mark
 * so that Excel reads it as UTF-8. Numbers are plain ({@code 0.8125}, rates as fractions, 4 decimals); a share of
 * nothing leaves its rate empty. Stateless, thread-safe.
 */
public final class CsvReport {
    /** The byte-order mark each table starts with. */
    public static final String BOM = "\uFEFF";
    /** The tables, in order: the names of {@code table=} and of the files ({@code NAME.csv}). */
    public static final List<String> TABLES = List.of("totals", "weeks", "product-lines", "recurring", "licences");

    private CsvReport() {
    }

    /** Every table by name, in {@link #TABLES}' order. */
    public static Map<String, String> tables(ServiceReport report) {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("totals", figures("slice", List.of(new ServiceReport.Slice("total", report.from(),
                report.totals()))));
        tables.put("weeks", figures("week", report.weeks()));
        tables.put("product-lines", figures("product_line", report.productLines()));
        tables.put("recurring", recurring(report));
        tables.put("licences", licences(report));
        return tables;
    }

    private static String figures(String keyColumn, List<ServiceReport.Slice> slices) {
        List<String> header = new ArrayList<>(List.of(keyColumn, "from", "opened", "closed_in_period",
                "closure_rate", "resolved", "average_handling_hours"));
        for (String kind : List.of("sla_resolution", "sla_response")) {
            for (String severity : ReportFigures.SEVERITIES) {
                String prefix = kind + "_" + severity.toLowerCase(Locale.ROOT);
                header.addAll(List.of(prefix + "_met", prefix + "_of", prefix + "_rate"));
            }
        }
        header.addAll(List.of("legs_sent", "legs_acknowledged_in_time", "send_deadline_rate",
                "orders_acknowledged", "assigned_in_time", "assignment_deadline_rate", "on_site", "on_site_share",
                "first_contact_resolved", "first_contact_of", "first_contact_rate", "without_visit",
                "without_visit_of", "without_visit_rate", "surveys_answered", "satisfaction_mean", "promoters",
                "passives", "detractors", "nps"));
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, header);
        for (ServiceReport.Slice slice : slices) {
            ReportFigures f = slice.figures();
            List<String> row = new ArrayList<>(List.of(slice.key(), slice.from().toString(),
                    Long.toString(f.closure().of()), Long.toString(f.closure().count()), rate(f.closure()),
                    Long.toString(f.resolved()), f.resolved() == 0 ? "" : decimal(f.averageHandlingMillis() / 3.6e6)));
            for (String severity : ReportFigures.SEVERITIES) {
                row.addAll(share(f.slaResolution(severity)));
            }
            for (String severity : ReportFigures.SEVERITIES) {
                row.addAll(share(f.slaResponse(severity)));
            }
            row.addAll(List.of(Long.toString(f.legAcknowledged().of()), Long.toString(f.legAcknowledged().count()),
                    rate(f.legAcknowledged()), Long.toString(f.assignedInTime().of()),
                    Long.toString(f.assignedInTime().count()), rate(f.assignedInTime()),
                    Long.toString(f.onSite().count()), rate(f.onSite())));
            row.addAll(f.firstContact() == null ? List.of("", "", "") : share(f.firstContact()));
            row.addAll(f.withoutVisit() == null ? List.of("", "", "") : share(f.withoutVisit()));
            ReportFigures.Satisfaction s = f.satisfaction();
            row.addAll(List.of(Long.toString(s.answered()), s.answered() == 0 ? "" : decimal(s.mean()),
                    Long.toString(s.promoters()), Long.toString(s.passives()), Long.toString(s.detractors()),
                    s.answered() == 0 ? "" : decimal(s.nps())));
            line(csv, row);
        }
        return csv.toString();
    }

    private static String recurring(ServiceReport report) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, List.of("customer_code", "customer_name", "product_line", "category", "work_orders",
                "work_order_ids", "first_opened", "last_opened"));
        for (ServiceReport.RecurringProblem problem : report.recurring()) {
            line(csv, List.of(problem.customerCode(), problem.customerName(), problem.productLine(),
                    problem.category(), Integer.toString(problem.workOrders().size()),
                    problem.workOrders().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    problem.firstOpened().atZone(report.zone()).toLocalDateTime().toString(),
                    problem.lastOpened().atZone(report.zone()).toLocalDateTime().toString()));
        }
        return csv.toString();
    }

    private static String licences(ServiceReport report) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, List.of("customer_code", "customer_name", "product_line", "version", "expires_on",
                "days_after_period"));
        for (ServiceReport.ExpiringLicence licence : report.licences()) {
            line(csv, List.of(licence.customerCode(), licence.customerName(), licence.productLine(),
                    licence.version(), licence.expiresOn().toString(), Long.toString(licence.daysLeft())));
        }
        return csv.toString();
    }

    private static List<String> share(Share share) {
        return List.of(Long.toString(share.count()), Long.toString(share.of()), rate(share));
    }

    private static String rate(Share share) {
        return share.defined() ? decimal(share.ratio()) : "";
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** One field, quoted when RFC 4180 requires it. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
