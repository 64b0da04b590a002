package io.hotline.web.metrics;

/**
 * The metrics a Prometheus server scrapes; {@code app} adapts ops' Prometheus registry to it. Implementations
 * must be thread-safe and {@link #scrape()} must render from memory without blocking: it runs on an event loop.
 */
public interface MetricsEndpoint {

    /** The content type of {@link #scrape()}, e.g. {@code text/plain; version=0.0.4; charset=utf-8}. */
    String contentType();

    /** Every meter, in the exposition format named by {@link #contentType()}. */
    String scrape();
}
