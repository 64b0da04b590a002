package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.ops.metrics.HotlineMeters;
import io.micrometer.core.instrument.Meter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/grafana/hotline.json is a Grafana dashboard that parses, reads the Prometheus of its {@code datasource}
 * variable, and queries only series Hotline exports: every metric name in its PromQL expressions is one of the
 * catalog's (docs/metrics.md, checked against a live scrape by {@link MetricsCatalogTest}), a timer's with its
 * {@code _count}, {@code _sum} or {@code _max}. It has a panel for queues, seats, SLA, dispatch, AGI/AMI, the
 * journal and today's figures.
 */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "hotline.json");
    /** PromQL words that are not metric names (aggregations take parentheses and are skipped as calls). */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "offset", "bool", "and", "or", "unless");

    @Test
    void shouldQueryOnlySeriesHotlineExports() throws IOException {
        // given
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> exported = exportedSeries();

        // when
        List<String> expressions = expressions(dashboard);
        Set<String> series = new LinkedHashSet<>();
        expressions.forEach(expression -> series.addAll(metricNames(expression)));

        // then
        assertThat(dashboard.path("title").asText()).isEqualTo("Hotline");
        assertThat(expressions).hasSizeGreaterThan(30);
        assertThat(series).as("series the dashboard queries that Hotline does not export")
                .allMatch(exported::contains, "exported by Hotline");
        assertThat(series).contains("hotline_routing_queue_waiting", "hotline_routing_seats",
                "hotline_desk_sla_warnings_total", "hotline_field_dispatch_steps_total", "hotline_agi_sessions_active",
                "hotline_ami_connected", "hotline_journal_backlog", "hotline_today_service_level_ratio",
                "hotline_today_solved_without_visit_ratio", "hotline_today_figures_age_seconds");
    }

    @Test
    void shouldReadEveryPanelFromTheDatasourceVariable() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());

        assertThat(dashboard.path("templating").path("list").get(0).path("name").asText()).isEqualTo("datasource");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                        .isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void shouldFindTheMetricNamesOfAnExpression() {
        assertThat(metricNames("sum by (queue, tier) (rate(hotline_a_total{queue=\"support\",x=~\"a|b\"}[5m]))"
                + " / on (queue) hotline_b_seconds_count offset 5m > bool 0.5 * 60"))
                .containsExactly("hotline_a_total", "hotline_b_seconds_count");
    }

    /** Every series name the catalog exports, a timer's as its three series. */
    private static Set<String> exportedSeries() {
        Set<String> exported = new LinkedHashSet<>();
        for (HotlineMeters meter : HotlineMeters.values()) {
            String name = MetricsCatalogTest.prometheusName(meter);
            if (meter.type() == Meter.Type.TIMER) {
                exported.addAll(List.of(name + "_count", name + "_sum", name + "_max"));
            } else {
                exported.add(name);
            }
        }
        return exported;
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
            for (JsonNode inner : panel.path("panels")) {
                for (JsonNode target : inner.path("targets")) {
                    expressions.add(target.path("expr").asText());
                }
            }
        }
        return expressions;
    }

    /**
     * The metric names of a PromQL expression: identifiers outside label matchers, ranges, strings and the label
     * lists of {@code by}, {@code without}, {@code on} and {@code ignoring}, that are not function calls or keywords.
     */
    static List<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        List<String> names = new ArrayList<>();
        Matcher identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(bare);
        while (identifier.find()) {
            String word = identifier.group().replaceAll("\\s*\\($", "");
            boolean call = identifier.group().endsWith("(");
            boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!call && !number && !KEYWORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }
}
