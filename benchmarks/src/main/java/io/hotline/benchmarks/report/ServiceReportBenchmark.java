package io.hotline.benchmarks.report;

import io.hotline.benchmarks.CommandLineOptions;
import io.hotline.benchmarks.persistence.BenchmarkDatabase;
import io.hotline.persistence.Database;
import io.hotline.persistence.report.ServiceReport;
import io.hotline.persistence.report.ServiceReportQuery;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the service-quality report's query over a generated year against the naive baseline
 * ({@link NaiveServiceReport}) in the same JVM, alternating which goes first, and records each round's wall time and
 * peak heap (the heap pools' peaks, reset after a GC before each run) as JSON lines. Bounded: {@code --rounds}
 * rounds, each run once. Single-threaded.
 */
public final class ServiceReportBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceReportBenchmark.class);

    private ServiceReportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        CommandLineOptions options = CommandLineOptions.parse(args, Set.of("db", "from", "to", "rounds", "results",
                "zone"));
        LocalDate from = LocalDate.parse(options.text("from", "2025-11-01"));
        LocalDate to = LocalDate.parse(options.text("to", "2026-11-01"));
        ZoneId zone = ZoneId.of(options.text("zone", "Asia/Shanghai"));
        Path results = Path.of(options.text("results", "service-report.jsonl"));
        int rounds = options.integer("rounds", 2);
        try (Database database = BenchmarkDatabase.open(options.text("db", "hotline_bench_report"))) {
            ServiceReportQuery query = new ServiceReportQuery(database.jdbi(), zone, Duration.ofDays(7));
            for (int round = 0; round < rounds; round++) {
                boolean streamedFirst = round % 2 == 0;
                for (int turn = 0; turn < 2; turn++) {
                    boolean streamed = streamedFirst == (turn == 0);
                    resetPeaks();
                    long started = System.nanoTime();
                    String summary;
                    if (streamed) {
                        ServiceReport report = query.forPeriod(from, to);
                        summary = String.format(Locale.ROOT, "\"opened\":%d,\"closed\":%d,\"resolved\":%d,"
                                        + "\"fcr\":\"%d/%d\",\"surveys\":%d,\"recurring\":%d,\"weeks\":%d,"
                                        + "\"licences\":%d", report.totals().closure().of(),
                                report.totals().closure().count(), report.totals().resolved(),
                                report.totals().firstContact().count(), report.totals().firstContact().of(),
                                report.totals().satisfaction().answered(), report.recurring().size(),
                                report.weeks().size(), report.licences().size());
                    } else {
                        NaiveServiceReport.Totals totals = NaiveServiceReport.compute(database.jdbi(), zone, from,
                                to, Duration.ofDays(7));
                        summary = String.format(Locale.ROOT, "\"opened\":%d,\"closed\":%d,\"resolved\":%d,"
                                        + "\"fcr\":\"%d/%d\",\"surveys\":%d,\"recurring\":%d,\"weeks\":%d",
                                totals.opened(), totals.closedInPeriod(), totals.resolved(), totals.firstContact(),
                                totals.firstContactOf(), totals.surveys(), totals.recurring(), totals.weeks());
                    }
                    double seconds = (System.nanoTime() - started) / 1e9;
                    String line = String.format(Locale.ROOT, "{\"round\":%d,\"kind\":\"%s\",\"seconds\":%.2f,"
                                    + "\"peak_heap_mib\":%.0f,%s}%n", round, streamed ? "streamed" : "naive", seconds,
                            peakHeap() / 1048576.0, summary);
                    LOG.info("{}", line.strip());
                    Files.writeString(results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
