package io.hotline.benchmarks.persistence;

import io.hotline.benchmarks.CommandLineOptions;
import io.hotline.persistence.Database;
import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.outbox.JournalConfig;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.spi.RoutingJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing journal's throughput to the real database: Hotline's {@link DurableRoutingJournal} (each entry
 * fsynced to the local log, then written to the work orders in batches of up to 512, one transaction per batch
 * with the checkpoint) against the peer it replaced, {@link PerEntryJournal} (an in-memory queue and one
 * transaction per entry, losing what the database does not take). Per round: a fresh database with
 * {@code calls} open work orders, then the benchmark thread, playing the routing thread, hands over a decision and
 * a connection for every call; figures are the routing thread's time per entry handed over and the entries per
 * second until the last is in the database (checked by counting rows). Rounds alternate the two; every wait is
 * bounded by {@code max-seconds}.
 * <p>
 * {@code java -cp benchmarks.jar io.hotline.benchmarks.persistence.JournalThroughput [--calls 5000] [--rounds 3]
 * [--max-seconds 120]}; the database as for {@link BatchWriteBenchmark} ({@code HOTLINE_BENCH_DB_URL}, default
 * 127.0.0.1:3306). Not thread-safe; a command-line tool.
 */
public final class JournalThroughput {
    private static final Logger LOG = LoggerFactory.getLogger(JournalThroughput.class);
    private static final String SERVER = "bench";
    private static final Instant EMITTED = Instant.parse("2026-12-05T09:00:00Z");

    private JournalThroughput() {
    }

    /** One side's result in one round. */
    private record Result(String side, int entries, double handOverNanos, double entriesPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = CommandLineOptions.parse(args, Set.of("calls", "rounds", "max-seconds"));
        int calls = options.integer("calls", 5_000);
        int rounds = options.integer("rounds", 3);
        Duration limit = Duration.ofSeconds(options.integer("max-seconds", 120));
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean journalFirst = round % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean durable = (side == 0) == journalFirst;
                Result result = runRound(durable, calls, limit, round);
                LOG.info("round {} {}: {} entries, {} ns handed over each on the routing thread, {} entries/s to"
                        + " the database", round + 1, result.side(), result.entries(),
                        String.format("%.0f", result.handOverNanos()), String.format("%.0f",
                        result.entriesPerSecond()));
                results.add(result);
            }
        }
        summarize(results);
    }

    private static Result runRound(boolean durable, int calls, Duration limit, int round) throws Exception {
        try (Database database = BenchmarkDatabase.recreate()) {
            openWorkOrders(database, calls);
            Path directory = Path.of("target", "journal-bench", "round-" + round);
            deleteTree(directory);
            int entries = 2 * calls;
            long started = System.nanoTime();
            long handOverNanos;
            if (durable) {
                try (DurableRoutingJournal journal = DurableRoutingJournal.start(database.jdbi(),
                        new JdbiWorkOrderStore(database.jdbi(), ServiceLevels.DEFAULT, InstantSource.system()), SERVER,
                        JournalConfig.of(directory, SERVER), InstantSource.fixed(EMITTED))) {
                    handOverNanos = handOver(journal, calls);
                    await(journal::backlog, limit, "the durable journal");
                }
            } else {
                try (PerEntryJournal journal = new PerEntryJournal(database.jdbi(), SERVER, EMITTED, entries)) {
                    handOverNanos = handOver(journal, calls);
                    await(journal::backlog, limit, "the per-entry journal");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int written = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM work_order_event").mapTo(Integer.class).one());
            if (written != entries) {
                throw new IllegalStateException((durable ? "durable" : "per-entry") + " journal wrote " + written
                        + " events of " + entries);
            }
            return new Result(durable ? "durable" : "per-entry", entries, (double) handOverNanos / entries,
                    entries / seconds);
        }
    }

    private static long handOver(RoutingJournal journal, int calls) {
        long started = System.nanoTime();
        for (int call = 0; call < calls; call++) {
            String id = "c" + call;
            journal.recordDecision(new RoutingCommand.RecordDecision(id, "queue support, step tier1-any-level:"
                    + " chose S1004 (TIER1, proficiency 4, idle 73 s, 5 call(s) today) by BEST_PROFICIENCY"));
            journal.callConnected(new RoutingCommand.CallConnected(id, "S1004", Duration.ofSeconds(call % 90)));
        }
        return System.nanoTime() - started;
    }

    private static void await(LongSupplier backlog, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (backlog.getAsLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not finish within " + limit.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
    }

    private static void openWorkOrders(Database database, int calls) {
        database.jdbi().useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO work_order (asterisk_server, call_linkedid,"
                    + " severity, state, tier, created_at, updated_at, response_due_at, resolution_due_at)"
                    + " VALUES (:server, :call, 'P3', 'NEW', 'TIER1', :now, :now, :now, :now)");
            for (int call = 0; call < calls; call++) {
                batch.bind("server", SERVER).bind("call", "c" + call).bind("now", EMITTED).add();
            }
            batch.execute();
        });
    }

    private static void summarize(List<Result> results) {
        StringBuilder table = new StringBuilder("\n| journal | entries/s to the database (median)"
                + " | routing thread ns per entry (median) | rounds |\n|---|---:|---:|---|\n");
        for (String side : List.of("durable", "per-entry")) {
            List<Result> mine = results.stream().filter(result -> result.side().equals(side)).toList();
            table.append("| ").append(side).append(" | ")
                    .append(String.format("%.0f", median(mine.stream().mapToDouble(Result::entriesPerSecond)
                            .toArray()))).append(" | ")
                    .append(String.format("%.0f", median(mine.stream().mapToDouble(Result::handOverNanos)
                            .toArray()))).append(" | ");
            mine.forEach(result -> table.append(String.format("%.0f/s %.0f ns; ", result.entriesPerSecond(),
                    result.handOverNanos())));
            table.append("|\n");
        }
        LOG.info("{}", table);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
