package io.hotline.app.report;

import io.hotline.persistence.report.ServiceReport;
import io.hotline.persistence.report.ServiceReportQuery;
import io.hotline.web.report.ReportBackend;
import io.hotline.web.report.ReportFile;
import io.hotline.web.report.ReportRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The HTTP route's reports: {@link ServiceReportQuery} and the renderers on one {@code report} thread, at most
 * {@link #QUEUED} more waiting (a report over a year reads hundreds of thousands of rows: two at once would only
 * share the database's time); beyond that a request is refused (503). Not ready until {@link #attach} gives it the
 * database. Thread-safe.
 */
public final class JdbiReportBackend implements ReportBackend, AutoCloseable {
    /** How many reports may wait behind the one being made. */
    static final int QUEUED = 2;

    private final InstantSource clock;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED), runnable -> {
                Thread thread = new Thread(runnable, "report");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());
    private volatile ServiceReportQuery query;

    public JdbiReportBackend(InstantSource clock) {
        this.clock = clock;
    }

    /** Opens the reports on {@code jdbi}, days and weeks in {@code zone}, first-contact resolution's window. */
    public void attach(Jdbi jdbi, ZoneId zone, Duration repeatWindow) {
        query = new ServiceReportQuery(jdbi, zone, repeatWindow);
    }

    @Override
    public boolean ready() {
        return query != null;
    }

    @Override
    public CompletionStage<ReportFile> serviceQuality(ReportRequest request) {
        ServiceReportQuery attached = query;
        if (attached == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the reports are not attached yet"));
        }
        try {
            return CompletableFuture.supplyAsync(() -> file(attached.forPeriod(request.from(), request.to()),
                    request), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private ReportFile file(ServiceReport report, ReportRequest request) {
        if (request.format().equals("csv")) {
            return new ReportFile("text/csv; charset=utf-8", ReportFiles.csvName(report, request.table()),
                    ReportFiles.csvPolicy(), ReportFiles.csv(report, request.table()));
        }
        ReportLanguage language = ReportLanguage.of(request.language()).orElseThrow();
        return new ReportFile("text/html; charset=utf-8", ReportFiles.htmlName(report), ReportFiles.htmlPolicy(),
                ReportFiles.html(report, language, clock.instant()));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
