package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.ops.config.Settings;
import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.persistence.testing.TestDatabase;
import io.micrometer.core.instrument.Meter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/metrics.md is the operators' catalog: every {@link HotlineMeters} entry has its row under its Prometheus
 * name, no row names a series the catalog does not have, and an assembled Hotline (with AMI configured, its
 * Asterisk away) exports every documented series on {@code GET /metrics}, but for the few registered at their first
 * use, which the document names.
 */
class MetricsCatalogTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Path DOCUMENT = Path.of("..", "docs", "metrics.md");
    /** Series registered at their first use, as docs/metrics.md says. */
    static final Set<String> ON_FIRST_USE = Set.of("hotline_ami_actions_total", "hotline_ami_events_total");

    @Test
    void shouldDocumentEveryCatalogEntryAndNothingElse() throws IOException {
        assertThat(documented()).containsExactlyInAnyOrderElementsOf(catalog());
    }

    @Test
    void shouldExportEveryDocumentedSeriesFromAnAssembledHotline() throws Exception {
        // given a Hotline with AMI configured (its Asterisk away: the AMI meters exist all the same)
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Hotline hotline = Hotline.start(HotlineConfiguration.from(Settings.of(
                TestHotlines.amiSettings(DB, closedPort, "metrics-catalog"))))) {
            // when /metrics is read twice (the first request registers the HTTP timer)
            scrape(hotline);
            String body = scrape(hotline);

            // then every documented series has samples
            List<String> missing = new ArrayList<>();
            for (String series : documented()) {
                if (!ON_FIRST_USE.contains(series) && !exported(body, series)) {
                    missing.add(series);
                }
            }
            assertThat(missing).as("documented series without samples in\n" + body).isEmpty();
            assertThat(ON_FIRST_USE).isSubsetOf(documented());
            assertThat(Files.readString(DOCUMENT)).contains(ON_FIRST_USE.stream().map(name -> "`" + name + "`")
                    .collect(Collectors.toList()));
        }
    }

    /** The Prometheus name of every catalog entry, as Micrometer's Prometheus registry renders it. */
    static Set<String> catalog() {
        return Arrays.stream(HotlineMeters.values()).map(MetricsCatalogTest::prometheusName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String prometheusName(HotlineMeters meter) {
        String base = meter.meterName().replace('.', '_');
        if (meter.type() == Meter.Type.COUNTER) {
            return base + "_total";
        }
        if (meter.type() == Meter.Type.TIMER) {
            return base + "_seconds";
        }
        return meter.baseUnit() == null ? base : base + "_" + meter.baseUnit();
    }

    /** The series of docs/metrics.md's catalog table, in order. */
    static Set<String> documented() throws IOException {
        Set<String> series = new LinkedHashSet<>();
        Matcher row = Pattern.compile("^\\| `(hotline_[a-z0-9_]+)` \\|", Pattern.MULTILINE)
                .matcher(Files.readString(DOCUMENT));
        while (row.find()) {
            assertThat(series.add(row.group(1))).as("one row for " + row.group(1)).isTrue();
        }
        return series;
    }

    /** Whether {@code body} has a sample of {@code series} (a timer's {@code _count}). */
    static boolean exported(String body, String series) {
        return Pattern.compile("^" + Pattern.quote(series) + "(_count)?[{ ]", Pattern.MULTILINE).matcher(body).find();
    }

    private static String scrape(Hotline hotline) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                + "127.0.0.1:" + hotline.httpAddress().getPort() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
