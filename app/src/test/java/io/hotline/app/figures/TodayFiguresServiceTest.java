package io.hotline.app.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.figures.TodayFiguresQuery;
import io.hotline.persistence.internal.UtcInstants;
import io.hotline.persistence.testing.CuttableTcpProxy;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.ServiceFigures;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Today's figures through a database outage, read from the real server through a line the test cuts: the figures
 * of the last read stay while reads fail, their age grows (the gauge {@code hotline_today_figures_age_seconds}) and
 * the failures are counted; once the database answers they are fresh again, with what it holds now.
 */
class TodayFiguresServiceTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    /** 2027-05-05 09:00 in Shanghai. */
    private static final Instant MORNING = Instant.parse("2027-05-05T01:00:00Z");

    @Test
    void shouldKeepTheLastFiguresAndShowTheirAgeWhileTheDatabaseIsAway() throws Exception {
        Matcher url = Pattern.compile("^jdbc:mysql://[^:/]+:(\\d+)/([^?]*).*$").matcher(DB.config().jdbcUrl());
        assertThat(url.matches()).isTrue();
        AtomicReference<Instant> now = new AtomicReference<>(MORNING);
        InstantSource clock = now::get;
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (CuttableTcpProxy line = new CuttableTcpProxy(Integer.parseInt(url.group(1)))) {
            Jdbi jdbi = Jdbi.create("jdbc:mysql://127.0.0.1:" + line.port() + "/" + url.group(2)
                    + "?connectTimeout=1000&socketTimeout=2000", DB.config().user(), DB.config().password());
            TodayFiguresService service = new TodayFiguresService(new TodayFiguresQuery(jdbi,
                    Map.of("support", Duration.ofSeconds(20)), ZoneId.of("Asia/Shanghai"),
                    ServiceFigures.REPEAT_WINDOW, clock), Duration.ofSeconds(30), clock);
            TodayMeters.bind(registry, service, Set.of("support"));
            // given one call today, read
            call("outage-1", MORNING.minus(Duration.ofHours(1)));
            service.refresh();
            assertThat(service.latest().queue("support").offered()).isEqualTo(1);
            assertThat(value(registry, "hotline_today_calls_offered", "queue=\"support\"")).isEqualTo(1);
            assertThat(service.age()).isZero();

            // when the database goes away for 45 s, while a second call is recorded
            line.cut();
            call("outage-2", MORNING.minus(Duration.ofMinutes(30)));
            now.set(MORNING.plusSeconds(45));
            service.refresh();

            // then the last figures stay, 45 s old, and the failed read is counted
            assertThat(service.latest().queue("support").offered()).isEqualTo(1);
            assertThat(service.age()).isEqualTo(Duration.ofSeconds(45));
            assertThat(service.failures()).isEqualTo(1);
            assertThat(value(registry, "hotline_today_figures_age_seconds", "")).isEqualTo(45);
            assertThat(value(registry, "hotline_today_figures_failures_total", "")).isEqualTo(1);

            // when it answers again
            line.mend();
            now.set(MORNING.plusSeconds(60));
            service.refresh();

            // then the figures are fresh and count both calls
            assertThat(service.latest().queue("support").offered()).isEqualTo(2);
            assertThat(service.age()).isZero();
            assertThat(value(registry, "hotline_today_figures_age_seconds", "")).isZero();
        } finally {
            registry.close();
        }
    }

    private static void call(String id, Instant joined) {
        DB.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO call_record (asterisk_server, uniqueid,"
                        + " linkedid, queue, joined_at) VALUES ('pbx1', :id, :id, 'support', :joined)")
                .bind("id", id).bind("joined", UtcInstants.toSql(joined)).execute());
    }

    /** The value of the first scraped series {@code series} whose labels contain {@code label}, or -1. */
    private static double value(PrometheusMeterRegistry registry, String series, String label) {
        for (String line : registry.scrape().split("\n")) {
            if ((line.startsWith(series + " ") || line.startsWith(series + "{")) && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }
}
