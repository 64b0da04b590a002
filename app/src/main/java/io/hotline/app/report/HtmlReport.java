package io.hotline.app.report;

import io.hotline.persistence.report.ReportFigures;
import io.hotline.persistence.report.ServiceReport;
import io.hotline.persistence.report.Share;
import io.hotline.web.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The report as one self-contained HTML file: Apache ECharts ({@code org.webjars.npm:echarts}, its
 * {@code echarts.min.js} read from the webjar and inlined), the chart data as JSON in the page, and every figure also
 * in tables with its count and its definition, so the numbers read without the charts. Nothing is fetched: the file
 * opens offline. Text from the database is HTML-escaped; the JSON in the page cannot close its script element.
 * Stateless, thread-safe.
 */
public final class HtmlReport {
    /** Where the webjar keeps the one bundle the report inlines. */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    /** The most rows of a proactive-care list the HTML shows (the CSV has them all). */
    static final int MAX_LIST_ROWS = 1000;
    private static volatile String echarts;

    private HtmlReport() {
    }

    /** The report in {@code language}, generated at {@code now}. */
    public static String render(ServiceReport report, ReportLanguage language, Instant now) {
        Texts t = key -> ReportTexts.text(key, language);
        StringBuilder html = new StringBuilder(1_200_000);
        String period = report.from() + " – " + report.to().minusDays(1);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language == ReportLanguage.ZH ? "zh-CN" : "en")
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(t.get("title") + " "
                        + period)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(t.get("title"))).append("</h1>\n<p class=\"meta\">")
                .append(escape(t.get("period"))).append(": <b id=\"period\">").append(escape(period))
                .append("</b> (").append(escape(t.get("zone"))).append(' ').append(escape(report.zone().getId()))
                .append(") · ").append(escape(t.get("generated"))).append(": ")
                .append(escape(now.atZone(report.zone()).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(" · ").append(escape(t.get("settled"))).append(": ")
                .append(escape(report.settledAt().atZone(report.zone()).toLocalDateTime().toString()))
                .append("</p>\n");
        for (String chart : List.of("chart-rates", "chart-satisfaction", "chart-sla", "chart-lines")) {
            html.append("<div class=\"chart\" id=\"").append(chart).append("\"></div>\n");
        }
        html.append("<h2>").append(escape(t.get("totals"))).append("</h2>\n");
        totals(html, report.totals(), t);
        html.append("<h2>").append(escape(t.get("weeks"))).append("</h2>\n");
        slices(html, report.weeks(), t, t.get("week"), report.weeks().stream()
                .anyMatch(week -> week.figures().firstContact() != null));
        html.append("<h2>").append(escape(t.get("productLines"))).append("</h2>\n");
        slices(html, report.productLines(), t, t.get("productLine"), report.productLines().stream()
                .anyMatch(line -> line.figures().firstContact() != null));
        recurring(html, report, t);
        licences(html, report, t);
        html.append("<script type=\"application/json\" id=\"report-data\">").append(scriptSafe(Json.write(
                data(report, t)))).append("</script>\n<script>").append(echarts()).append("</script>\n<script>")
                .append(CHARTS).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The chart data: the weeks' and the product lines' rates in percent (null where undefined). */
    static Map<String, Object> data(ServiceReport report, Texts t) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("closure", "onSite", "fcr", "withoutVisit", "slaResolution", "slaResponse",
                "legAck", "assigned", "satisfaction", "nps", "chart.rates", "chart.satisfaction", "chart.sla",
                "chart.lines")) {
            labels.put(key, t.get(key));
        }
        data.put("labels", labels);
        data.put("weeks", report.weeks().stream().map(ServiceReport.Slice::key).toList());
        Map<String, Object> weekly = new LinkedHashMap<>();
        weekly.put("closure", percents(report.weeks(), ReportFigures::closure));
        weekly.put("onSite", percents(report.weeks(), ReportFigures::onSite));
        weekly.put("fcr", percents(report.weeks(), ReportFigures::firstContact));
        weekly.put("withoutVisit", percents(report.weeks(), ReportFigures::withoutVisit));
        weekly.put("slaResolution", percents(report.weeks(), HtmlReport::allSeverities));
        weekly.put("satisfaction", report.weeks().stream().map(slice -> slice.figures().satisfaction())
                .map(s -> s.answered() == 0 ? null : round(s.mean())).toList());
        weekly.put("nps", report.weeks().stream().map(slice -> slice.figures().satisfaction())
                .map(s -> s.answered() == 0 ? null : round(s.nps())).toList());
        data.put("weekly", weekly);
        data.put("severities", ReportFigures.SEVERITIES);
        ReportFigures totals = report.totals();
        data.put("slaResolution", ReportFigures.SEVERITIES.stream().map(s -> percent(totals.slaResolution(s)))
                .toList());
        data.put("slaResponse", ReportFigures.SEVERITIES.stream().map(s -> percent(totals.slaResponse(s))).toList());
        data.put("lines", report.productLines().stream().map(ServiceReport.Slice::key).toList());
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("closure", percents(report.productLines(), ReportFigures::closure));
        lines.put("onSite", percents(report.productLines(), ReportFigures::onSite));
        lines.put("slaResolution", percents(report.productLines(), HtmlReport::allSeverities));
        lines.put("legAck", percents(report.productLines(), ReportFigures::legAcknowledged));
        lines.put("fcr", percents(report.productLines(), ReportFigures::firstContact));
        lines.put("withoutVisit", percents(report.productLines(), ReportFigures::withoutVisit));
        data.put("lineRates", lines);
        return data;
    }

    private static void totals(StringBuilder html, ReportFigures f, Texts t) {
        html.append("<table id=\"totals\"><thead><tr><th>").append(escape(t.get("figure"))).append("</th><th>")
                .append(escape(t.get("value"))).append("</th><th>").append(escape(t.get("count")))
                .append("</th><th>").append(escape(t.get("definition"))).append("</th></tr></thead><tbody>\n");
        row(html, t, "closure", f.closure());
        String hours = f.resolved() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", f.averageHandlingMillis() / 3.6e6);
        totalRow(html, t.get("handling"), hours, Long.toString(f.resolved()), t.get("handling.def"));
        for (String severity : ReportFigures.SEVERITIES) {
            row(html, t, "slaResolution", severity, f.slaResolution(severity));
        }
        for (String severity : ReportFigures.SEVERITIES) {
            row(html, t, "slaResponse", severity, f.slaResponse(severity));
        }
        row(html, t, "legAck", f.legAcknowledged());
        row(html, t, "assigned", f.assignedInTime());
        row(html, t, "onSite", f.onSite());
        row(html, t, "withoutVisit", f.withoutVisit());
        row(html, t, "fcr", f.firstContact());
        ReportFigures.Satisfaction s = f.satisfaction();
        totalRow(html, t.get("satisfaction"), s.answered() == 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                s.mean()), Long.toString(s.answered()), t.get("satisfaction.def"));
        totalRow(html, t.get("nps"), s.answered() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", s.nps()),
                s.promoters() + " / " + s.passives() + " / " + s.detractors(), t.get("nps.def"));
        html.append("</tbody></table>\n");
    }

    private static void row(StringBuilder html, Texts t, String key, Share share) {
        row(html, t, key, null, share);
    }

    private static void row(StringBuilder html, Texts t, String key, String severity, Share share) {
        totalRow(html, t.get(key) + (severity == null ? "" : " " + severity), percentText(share),
                share == null ? "-" : share.count() + " / " + share.of(), t.get(key + ".def"));
    }

    private static void totalRow(StringBuilder html, String figure, String value, String count, String definition) {
        html.append("<tr><td>").append(escape(figure)).append("</td><td class=\"n\">").append(escape(value))
                .append("</td><td class=\"n\">").append(escape(count)).append("</td><td class=\"def\">")
                .append(escape(definition)).append("</td></tr>\n");
    }

    /** A table of slices; {@code fcr}: with first-contact resolution and solved without a visit. */
    private static void slices(StringBuilder html, List<ServiceReport.Slice> slices, Texts t, String key,
                               boolean fcr) {
        List<String> headers = new ArrayList<>(List.of(key, t.get("from"), t.get("closure"), t.get("handling"),
                t.get("slaResolution"), t.get("legAck"), t.get("assigned"), t.get("onSite")));
        if (fcr) {
            headers.addAll(List.of(t.get("fcr"), t.get("withoutVisit")));
        }
        headers.addAll(List.of(t.get("satisfaction"), t.get("nps")));
        html.append("<table class=\"slices\" id=\"").append(key.equals(t.get("week")) ? "weeks" : "product-lines")
                .append("\"><thead><tr>");
        headers.forEach(header -> html.append("<th>").append(escape(header)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (ServiceReport.Slice slice : slices) {
            ReportFigures f = slice.figures();
            List<String> cells = new ArrayList<>(List.of(slice.key(), slice.from().toString(), counted(f.closure()),
                    f.resolved() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", f.averageHandlingMillis() / 3.6e6),
                    counted(allSeverities(f)), counted(f.legAcknowledged()), counted(f.assignedInTime()),
                    counted(f.onSite())));
            if (fcr) {
                cells.addAll(List.of(counted(f.firstContact()), counted(f.withoutVisit())));
            }
            ReportFigures.Satisfaction s = f.satisfaction();
            cells.add(s.answered() == 0 ? "-" : String.format(Locale.ROOT, "%.2f (%d)", s.mean(), s.answered()));
            cells.add(s.answered() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", s.nps()));
            html.append("<tr>");
            cells.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void recurring(StringBuilder html, ServiceReport report, Texts t) {
        html.append("<h2>").append(escape(t.get("recurring"))).append("</h2>\n<p class=\"def\">")
                .append(escape(t.get("recurring.def"))).append("</p>\n");
        List<ServiceReport.RecurringProblem> rows = report.recurring();
        if (rows.isEmpty()) {
            html.append("<p>").append(escape(t.get("none"))).append("</p>\n");
            return;
        }
        truncated(html, t, rows.size());
        html.append("<table id=\"recurring\"><thead><tr>");
        for (String header : List.of("customer", "productLine", "category", "workOrders", "firstOpened",
                "lastOpened")) {
            html.append("<th>").append(escape(t.get(header))).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (ServiceReport.RecurringProblem problem : rows.subList(0, Math.min(rows.size(), MAX_LIST_ROWS))) {
            html.append("<tr><td>").append(escape(problem.customerCode() + " " + problem.customerName()))
                    .append("</td><td>").append(escape(problem.productLine())).append("</td><td>")
                    .append(escape(problem.category())).append("</td><td>")
                    .append(escape(problem.workOrders().toString())).append("</td><td>")
                    .append(escape(problem.firstOpened().atZone(report.zone()).toLocalDate().toString()))
                    .append("</td><td>")
                    .append(escape(problem.lastOpened().atZone(report.zone()).toLocalDate().toString()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void licences(StringBuilder html, ServiceReport report, Texts t) {
        html.append("<h2>").append(escape(t.get("licences"))).append("</h2>\n<p class=\"def\">")
                .append(escape(t.get("licences.def"))).append("</p>\n");
        List<ServiceReport.ExpiringLicence> rows = report.licences();
        if (rows.isEmpty()) {
            html.append("<p>").append(escape(t.get("none"))).append("</p>\n");
            return;
        }
        truncated(html, t, rows.size());
        html.append("<table id=\"licences\"><thead><tr>");
        for (String header : List.of("customer", "productLine", "version", "expiresOn", "daysLeft")) {
            html.append("<th>").append(escape(t.get(header))).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (ServiceReport.ExpiringLicence licence : rows.subList(0, Math.min(rows.size(), MAX_LIST_ROWS))) {
            html.append("<tr><td>").append(escape(licence.customerCode() + " " + licence.customerName()))
                    .append("</td><td>").append(escape(licence.productLine())).append("</td><td>")
                    .append(escape(licence.version())).append("</td><td>")
                    .append(escape(licence.expiresOn().toString())).append("</td><td class=\"n\">")
                    .append(licence.daysLeft()).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void truncated(StringBuilder html, Texts t, int rows) {
        if (rows > MAX_LIST_ROWS) {
            html.append("<p>").append(escape(String.format(t.get("truncated"), MAX_LIST_ROWS, rows)))
                    .append("</p>\n");
        }
    }

    /** SLA resolution attainment over every severity. */
    static Share allSeverities(ReportFigures figures) {
        long count = 0;
        long of = 0;
        for (String severity : ReportFigures.SEVERITIES) {
            count += figures.slaResolution(severity).count();
            of += figures.slaResolution(severity).of();
        }
        return new Share(count, of);
    }

    private static List<Double> percents(List<ServiceReport.Slice> slices, Function<ReportFigures, Share> share) {
        return slices.stream().map(slice -> percent(share.apply(slice.figures()))).toList();
    }

    private static Double percent(Share share) {
        return share == null || !share.defined() ? null : round(100 * share.ratio());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String percentText(Share share) {
        return share == null || !share.defined() ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * share.ratio());
    }

    private static String counted(Share share) {
        return share == null || !share.defined() ? "-" : String.format(Locale.ROOT, "%.1f %% (%d/%d)",
                100 * share.ratio(), share.count(), share.of());
    }

    /** Text for HTML content and attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** JSON that cannot end its script element nor break a line in JavaScript. */
    static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** The ECharts bundle, read once from the webjar. */
    static String echarts() {
        String script = echarts;
        if (script == null) {
            try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(ECHARTS)) {
                if (in == null) {
                    throw new IllegalStateException("the ECharts bundle " + ECHARTS + " is not on the class path"
                            + " (org.webjars.npm:echarts)");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("the ECharts bundle " + ECHARTS + " cannot be read", e);
            }
            echarts = script;
        }
        return script;
    }

    /** The script that draws the charts, as inlined (its hash goes into the served file's policy). */
    static String chartsScript() {
        return CHARTS;
    }

    /** The texts of one language. */
    @FunctionalInterface
    interface Texts {
        String get(String key);
    }

    private static final String STYLE = "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
            + "margin:24px;color:#222}h1{margin:0 0 4px}.meta{color:#555}.chart{width:100%;max-width:1100px;"
            + "height:340px;margin:16px 0}table{border-collapse:collapse;margin:8px 0 24px;font-size:14px}"
            + "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}"
            + ".n{text-align:right;white-space:nowrap}.def{color:#555;font-size:13px}";

    /** Builds the four charts from the page's JSON; canvas renderer, no animation (a printed report). */
    private static final String CHARTS = "(function(){'use strict';"
            + "var d=JSON.parse(document.getElementById('report-data').textContent),L=d.labels;"
            + "function draw(id,option){var c=echarts.init(document.getElementById(id),null,{renderer:'canvas'});"
            + "option.animation=false;option.tooltip={trigger:'axis'};option.legend={top:28};"
            + "option.grid={top:70,left:50,right:50,bottom:40};c.setOption(option);"
            + "window.addEventListener('resize',function(){c.resize();});}"
            + "function s(name,type,data,axis){return{name:name,type:type,data:data,yAxisIndex:axis||0,"
            + "connectNulls:true};}"
            + "var pct={type:'value',min:0,max:100};"
            + "draw('chart-rates',{title:{text:L['chart.rates']},xAxis:{type:'category',data:d.weeks},yAxis:pct,"
            + "series:[s(L.closure,'line',d.weekly.closure),s(L.slaResolution,'line',d.weekly.slaResolution),"
            + "s(L.onSite,'line',d.weekly.onSite)].concat(d.weekly.fcr.some(function(v){return v!==null;})"
            + "?[s(L.fcr,'line',d.weekly.fcr),s(L.withoutVisit,'line',d.weekly.withoutVisit)]:[])});"
            + "draw('chart-satisfaction',{title:{text:L['chart.satisfaction']},xAxis:{type:'category',data:d.weeks},"
            + "yAxis:[{type:'value',min:0,max:5},{type:'value',min:-100,max:100}],"
            + "series:[s(L.satisfaction,'bar',d.weekly.satisfaction),s(L.nps,'line',d.weekly.nps,1)]});"
            + "draw('chart-sla',{title:{text:L['chart.sla']},xAxis:{type:'category',data:d.severities},yAxis:pct,"
            + "series:[s(L.slaResolution,'bar',d.slaResolution),s(L.slaResponse,'bar',d.slaResponse)]});"
            + "draw('chart-lines',{title:{text:L['chart.lines']},xAxis:{type:'category',data:d.lines},yAxis:pct,"
            + "series:[s(L.closure,'bar',d.lineRates.closure),s(L.slaResolution,'bar',d.lineRates.slaResolution),"
            + "s(L.onSite,'bar',d.lineRates.onSite),s(L.legAck,'bar',d.lineRates.legAck)]"
            + ".concat(d.lineRates.fcr.some(function(v){return v!==null;})"
            + "?[s(L.fcr,'bar',d.lineRates.fcr),s(L.withoutVisit,'bar',d.lineRates.withoutVisit)]:[])});"
            + "document.body.setAttribute('data-charts','drawn');})();";
}
