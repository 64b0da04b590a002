package io.hotline.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Hotline's meter registry, backed by Prometheus: every meter carries the common tag {@code application=hotline},
 * and the JVM's memory, GC, threads, class loading, CPU and uptime are bound from the start, named so that
 * {@code promtool check metrics} finds nothing to say ({@code system_cpus}, not {@code system_cpu_count}).
 * {@link #scrape()} renders the Prometheus text format (0.0.4) from memory, so it is cheap enough for an event-loop
 * thread.
 *
 * <p>Thread-safe. {@link #close()} unhooks the GC listeners and closes the registry; call it once at shutdown.
 */
public final class PrometheusMetrics implements AutoCloseable {

    /** The common tag every Hotline meter carries. */
    public static final String APPLICATION_TAG = "application";

    /**
     * The Prometheus text exposition format 0.0.4. Spelled out here because the exposition library that defines
     * it is only a runtime dependency of the Micrometer registry.
     */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;

    /** Creates the registry and binds the JVM meters. */
    public PrometheusMetrics() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Common tags apply only to meters registered afterwards, so set them before binding anything.
        registry.config().commonTags(APPLICATION_TAG, "hotline");
        // Two of Micrometer's processor meters break Prometheus' naming rules (promtool check metrics): a counter in
        // nanoseconds named with the abbreviated unit, and a gauge ending in _count. The CPU count is kept under a
        // name that does not; the process's CPU time is dropped (process_cpu_usage gives the load).
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The registry to register Hotline's meters with (see {@link HotlineMeters}). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text exposition format, version 0.0.4. */
    public String scrape() {
        return registry.scrape(contentType());
    }

    /** The HTTP content type of {@link #scrape()}: {@code text/plain; version=0.0.4; charset=utf-8}. */
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
