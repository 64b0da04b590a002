package io.hotline.web.report;

import java.util.concurrent.CompletionStage;

/**
 * Makes the service-quality report for the HTTP route. Implementations must be thread-safe and never block the
 * caller: the query and the rendering run on their own executor.
 */
public interface ReportBackend {

    /** Whether the database is open: until then the route answers 503 {@code starting}. */
    boolean ready();

    /**
     * The report asked for; completes exceptionally with {@link java.util.concurrent.RejectedExecutionException}
     * when too many reports are being made (the route answers 503), with anything else when it failed (500).
     */
    CompletionStage<ReportFile> serviceQuality(ReportRequest request);
}
