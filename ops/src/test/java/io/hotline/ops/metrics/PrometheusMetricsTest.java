package io.hotline.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

    private final PrometheusMetrics metrics = new PrometheusMetrics();

    @AfterEach
    void closeMetrics() {
        metrics.close();
    }

    @Test
    void shouldScrapeJvmSeriesWithTheApplicationTag() {
        String scrape = metrics.scrape();

        assertThat(scrape)
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .containsPattern("jvm_memory_used_bytes\\{.*application=\"hotline\"")
                .contains("jvm_threads_live_threads")
                .contains("process_uptime_seconds")
                .contains("system_cpus{")
                .contains("jvm_classes_loaded_classes")
                .doesNotContain("system_cpu_count")
                .doesNotContain("process_cpu_time_ns");
    }

    @Test
    void shouldScrapeACounterRegisteredWithTheRegistry() {
        Counter counter = Counter.builder("hotline.test.calls").description("Calls in a test.")
                .tag("queue", "support").register(metrics.registry());
        counter.increment(3);

        assertThat(metrics.scrape())
                .contains("# HELP hotline_test_calls_total Calls in a test.")
                .contains("hotline_test_calls_total{application=\"hotline\",queue=\"support\"} 3.0");
    }

    @Test
    void shouldUseThePrometheusTextFormatContentType() {
        assertThat(metrics.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        // The text format, not OpenMetrics: no trailing EOF marker.
        assertThat(metrics.scrape()).doesNotContain("# EOF");
    }
}
