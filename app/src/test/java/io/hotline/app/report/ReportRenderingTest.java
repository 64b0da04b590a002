package io.hotline.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.persistence.report.ReportFigures;
import io.hotline.persistence.report.ServiceReport;
import io.hotline.persistence.report.Share;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTML and CSV files of a report built by hand: the chart data in the page parses back to the figures, every
 * table and definition is there, text from the database is escaped, ECharts is inlined (nothing fetched), and each
 * CSV table parses back (RFC 4180, with a BOM) to the same numbers.
 */
class ReportRenderingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    static ServiceReport sample() {
        ReportFigures week1 = figures(new Share(13, 16), new Share(4, 5), new Share(2, 10),
                new ReportFigures.Satisfaction(6, 23, 3, 2));
        ReportFigures week2 = figures(new Share(0, 0), Share.NONE, Share.NONE, ReportFigures.Satisfaction.NONE);
        ReportFigures total = figures(new Share(13, 16), new Share(4, 5), new Share(2, 10),
                new ReportFigures.Satisfaction(6, 23, 3, 2));
        ReportFigures erp = new ReportFigures(new Share(13, 16), 10, Duration.ofHours(30).toMillis(),
                Map.of("P1", new Share(4, 5)), Map.of(), Share.NONE, Share.NONE, new Share(2, 10), new Share(3, 4),
                new Share(9, 10), new ReportFigures.Satisfaction(6, 23, 3, 2));
        return withLine(total, week1, week2, erp);
    }

    /** The sample with first-contact resolution and solved without a visit left out of the weeks and lines. */
    static ServiceReport withoutSlicedServiceFigures() {
        ServiceReport sample = sample();
        return withLine(sample.totals(), withoutServiceFigures(sample.weeks().get(0).figures()),
                withoutServiceFigures(sample.weeks().get(1).figures()),
                withoutServiceFigures(sample.productLines().get(0).figures()));
    }

    private static ReportFigures withoutServiceFigures(ReportFigures f) {
        return new ReportFigures(f.closure(), f.resolved(), f.handlingMillis(), f.slaResolution(), f.slaResponse(),
                f.legAcknowledged(), f.assignedInTime(), f.onSite(), null, null, f.satisfaction());
    }

    private static ServiceReport withLine(ReportFigures total, ReportFigures week1, ReportFigures week2,
                                          ReportFigures erp) {
        return new ServiceReport(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-16"), ZONE,
                Duration.ofDays(7), total,
                List.of(new ServiceReport.Slice("2026-W45", LocalDate.parse("2026-11-02"), week1),
                        new ServiceReport.Slice("2026-W46", LocalDate.parse("2026-11-09"), week2)),
                List.of(new ServiceReport.Slice("ERP_U8", LocalDate.parse("2026-11-02"), erp)),
                List.of(new ServiceReport.RecurringProblem("C001", "<b>Acme \"East\", Ltd</b>", "ERP_U8",
                        "Printing, again", List.of(11L, 12L, 13L), Instant.parse("2026-10-20T01:00:00Z"),
                        Instant.parse("2026-11-03T01:00:00Z"))),
                List.of(new ServiceReport.ExpiringLicence("C002", "北京华信", "HR_PAYROLL", "V8.1",
                        LocalDate.parse("2026-12-01"), 15)));
    }

    private static ReportFigures figures(Share closure, Share slaP1, Share onSite,
                                         ReportFigures.Satisfaction satisfaction) {
        return new ReportFigures(closure, onSite.of(), Duration.ofHours(3 * onSite.of()).toMillis(),
                Map.of("P1", slaP1, "P2", new Share(1, 1)), Map.of("P1", new Share(1, 2)), new Share(7, 8),
                new Share(3, 4), onSite, new Share(5, 10), new Share(8, 10), satisfaction);
    }

    @Test
    void shouldWriteAnHtmlFileWithChartDataTablesAndDefinitionsThatNeedsNothingFromTheNetwork() throws Exception {
        // when
        String rendered = HtmlReport.render(sample(), ReportLanguage.EN, NOW);

        // then ECharts is inlined whole
        assertThat(rendered.length()).isGreaterThan(1_000_000);
        assertThat(rendered.contains("<script>" + HtmlReport.echarts() + "</script>")).isTrue();
        String html = rendered.replace(HtmlReport.echarts(), "");

        // and the chart data parses back
        JsonNode data = JSON.readTree(between(html, "<script type=\"application/json\" id=\"report-data\">",
                "</script>"));
        assertThat(data.get("weeks").toString()).isEqualTo("[\"2026-W45\",\"2026-W46\"]");
        assertThat(data.at("/weekly/closure").toString()).isEqualTo("[81.3,null]");
        assertThat(data.at("/weekly/onSite").toString()).isEqualTo("[20.0,null]");
        assertThat(data.at("/weekly/fcr").toString()).isEqualTo("[50.0,50.0]");
        assertThat(data.at("/weekly/withoutVisit").toString()).isEqualTo("[80.0,80.0]");
        assertThat(data.at("/lineRates/fcr").toString()).isEqualTo("[75.0]");
        assertThat(data.at("/lineRates/withoutVisit").toString()).isEqualTo("[90.0]");
        assertThat(data.at("/weekly/nps").toString()).isEqualTo("[16.7,null]");
        assertThat(data.at("/weekly/satisfaction").toString()).isEqualTo("[3.8,null]");
        assertThat(data.get("slaResolution").toString()).isEqualTo("[80.0,100.0,null]");
        assertThat(data.get("lines").toString()).isEqualTo("[\"ERP_U8\"]");
        // the charts, ECharts itself and no fetch
        assertThat(html).contains("<div class=\"chart\" id=\"chart-rates\"></div>", "echarts.init(",
                "id=\"chart-sla\"", "id=\"chart-lines\"", "id=\"chart-satisfaction\"");
        assertThat(html).doesNotContain("<script src", "<link ", "http://", "https://cdn");
        // the tables with the numbers and the definitions
        assertThat(html).contains("<table id=\"totals\">", "<table class=\"slices\" id=\"weeks\">",
                "<table class=\"slices\" id=\"product-lines\">", "<table id=\"recurring\">", "<table id=\"licences\">");
        assertThat(html).contains("<td>Closure rate</td><td class=\"n\">81.3 %</td><td class=\"n\">13 / 16</td>",
                ReportTexts.text("nps.def", ReportLanguage.EN).replace("<", "&lt;"),
                ReportTexts.text("recurring.def", ReportLanguage.EN), "81.3 % (13/16)", "<td>2026-W46</td>");
        // and first-contact resolution and solved without a visit per week and per product line
        String fcr = ReportTexts.text("fcr", ReportLanguage.EN);
        assertThat(between(html, "<table class=\"slices\" id=\"weeks\">", "</thead>")).contains(fcr);
        assertThat(between(html, "<table class=\"slices\" id=\"product-lines\">", "</thead>")).contains(fcr);
        assertThat(between(html, "<table class=\"slices\" id=\"product-lines\">", "</table>"))
                .contains("<td>75.0 % (3/4)</td><td>90.0 % (9/10)</td>");
        // and the database's text escaped
        assertThat(html).contains("C001 &lt;b&gt;Acme &quot;East&quot;, Ltd&lt;/b&gt;").doesNotContain("<b>Acme");
    }

    @Test
    void shouldLeaveOutTheSlicesServiceFiguresWhereTheyWereNotComputed() {
        String html = HtmlReport.render(withoutSlicedServiceFigures(), ReportLanguage.EN, NOW)
                .replace(HtmlReport.echarts(), "");

        String fcr = ReportTexts.text("fcr", ReportLanguage.EN);
        assertThat(between(html, "<table class=\"slices\" id=\"weeks\">", "</table>")).doesNotContain(fcr);
        assertThat(between(html, "<table class=\"slices\" id=\"product-lines\">", "</table>")).doesNotContain(fcr);
        assertThat(between(html, "<table id=\"totals\">", "</table>")).contains(fcr);
    }

    @Test
    void shouldWriteTheChineseReportWithChineseLabels() {
        String html = HtmlReport.render(sample(), ReportLanguage.ZH, NOW).replace(HtmlReport.echarts(), "");

        assertThat(html).contains("<html lang=\"zh-CN\">", "服务质量报告", "结单率", "净推荐值（NPS）", "北京华信");
    }

    @Test
    void shouldKeepTheChartDataFromClosingItsScript() {
        assertThat(HtmlReport.scriptSafe("{\"a\":\"</script><script>alert(1)</script>\"}"))
                .doesNotContain("</").contains("<\\/script>");
    }

    @Test
    void shouldWriteCsvTablesThatParseBackToTheFigures() {
        // when
        Map<String, String> tables = CsvReport.tables(sample());

        // then
        assertThat(tables.keySet()).containsExactlyElementsOf(CsvReport.TABLES);
        tables.values().forEach(csv -> assertThat(csv).startsWith(CsvReport.BOM).endsWith("\r\n"));
        List<Map<String, String>> weeks = parse(tables.get("weeks"));
        assertThat(weeks).hasSize(2);
        Map<String, String> first = weeks.get(0);
        assertThat(first).containsEntry("week", "2026-W45").containsEntry("opened", "16")
                .containsEntry("closed_in_period", "13").containsEntry("closure_rate", "0.8125")
                .containsEntry("average_handling_hours", "3.0000").containsEntry("sla_resolution_p1_met", "4")
                .containsEntry("sla_resolution_p1_of", "5").containsEntry("sla_resolution_p3_rate", "")
                .containsEntry("on_site_share", "0.2000").containsEntry("first_contact_rate", "0.5000")
                .containsEntry("nps", "16.6667").containsEntry("satisfaction_mean", "3.8333")
                .containsEntry("passives", "1");
        assertThat(weeks.get(1)).containsEntry("closure_rate", "").containsEntry("nps", "");
        assertThat(parse(tables.get("product-lines")).get(0)).containsEntry("product_line", "ERP_U8")
                .containsEntry("first_contact_rate", "0.7500");
        assertThat(parse(CsvReport.tables(withoutSlicedServiceFigures()).get("product-lines")).get(0))
                .containsEntry("first_contact_rate", "");
        assertThat(parse(tables.get("totals")).get(0)).containsEntry("slice", "total");
        Map<String, String> problem = parse(tables.get("recurring")).get(0);
        assertThat(problem).containsEntry("customer_name", "<b>Acme \"East\", Ltd</b>")
                .containsEntry("category", "Printing, again").containsEntry("work_order_ids", "11 12 13")
                .containsEntry("last_opened", "2026-11-03T09:00");
        assertThat(parse(tables.get("licences")).get(0)).containsEntry("customer_name", "北京华信")
                .containsEntry("expires_on", "2026-12-01").containsEntry("days_after_period", "15");
        assertThat(ReportFiles.csv(sample(), "licences")).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF});
        assertThat(new String(ReportFiles.csv(sample(), "licences"), StandardCharsets.UTF_8)).contains("北京华信");
    }

    @Test
    void shouldQuoteOnlyTheFieldsRfc4180Requires() {
        assertThat(CsvReport.field("plain")).isEqualTo("plain");
        assertThat(CsvReport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReport.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void shouldAllowOnlyTheReportsOwnScriptsWhenServed() {
        String policy = ReportFiles.htmlPolicy();
        assertThat(policy).startsWith("default-src 'none'; script-src 'sha256-").contains("sandbox allow-scripts")
                .doesNotContain("'self'");
        assertThat(policy.substring(0, policy.indexOf("; style-src"))).doesNotContain("unsafe");
        assertThat(ReportFiles.htmlName(sample())).isEqualTo("service-quality-2026-11-02-2026-11-16.html");
        assertThat(ReportFiles.csvName(sample(), "weeks")).isEqualTo("service-quality-2026-11-02-2026-11-16-weeks.csv");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    /** An RFC 4180 parser: the table as rows of header to field. */
    static List<Map<String, String>> parse(String csv) {
        assertThat(csv).startsWith(CsvReport.BOM);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String text = csv.substring(1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> values : rows.subList(1, rows.size())) {
            assertThat(values).hasSameSizeAs(header);
            Map<String, String> record = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), values.get(i));
            }
            records.add(record);
        }
        return records;
    }
}
