package io.hotline.benchmarks.desk;

import io.hotline.benchmarks.CommandLineOptions;
import io.hotline.benchmarks.persistence.BenchmarkDatabase;
import io.hotline.persistence.Database;
import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.outbox.JournalConfig;
import io.hotline.persistence.outbox.JournalServiceDeskStore;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.sla.ServiceLevels;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service desk's restore on start, from the database: the "time to restore them all on start" (target
 * under 10 s for 100,000 open work orders with running clocks). {@link DeskBenchmark} measures the desk's part
 * alone, in memory; this adds what a start does before it, reading every held work order back from MariaDB.
 * <ol>
 *   <li>Fill: a fresh database ({@value #DATABASE}, production migrations) gets one customer per call; then
 *       {@link DatabaseDeskFill} opens the work orders on a real desk and hands its commands to the production
 *       store (a {@link DurableRoutingJournal} and its {@link JournalServiceDeskStore}), and waits until the
 *       journal has written them all; its time and rows per second are a side figure.</li>
 *   <li>Measure, {@code --rounds} times, as at a start: a new pool, a new journal on the fill's log and a new store;
 *       then the time of {@link JournalServiceDeskStore#load()}, of {@link ServiceDesk#restore} on what it
 *       returned, and both; the retained heap of the restored desk (used heap after repeated full GCs, before the
 *       load and after it with only the desk kept). Each round checks that the load returned exactly the stored
 *       forms the filling desk held, and the next id, and that the restored desk holds them too; a broken load
 *       fails the benchmark. The baseline, after each load: the same query through plain JDBC, the rows fetched
 *       and nothing built.</li>
 * </ol>
 * Bounded: {@code --work-orders} (default 100,000) and {@code --max-seconds} for the whole run (default 1,800);
 * MariaDB on 127.0.0.1:3306 unless {@code HOTLINE_BENCH_DB_URL} says otherwise; the database and the journal's
 * log are deleted at the end. Writes {@code benchmarks/target/desk-restore-from-database.txt}. Run:
 * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.hotline.benchmarks.desk.DeskRestoreFromDatabase
 * [--work-orders 100000] [--rounds 3] [--max-seconds 1800]}.
 * <p>
 * Not thread-safe; a command-line tool.
 */
public final class DeskRestoreFromDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(DeskRestoreFromDatabase.class);
    private static final String DATABASE = "hotline_bench_desk";
    private static final String SERVER = "pbx1";
    /** {@code StoredWorkOrders}' query in persistence (package-private there), for the baseline. */
    private static final String HELD = "SELECT id, origin, asterisk_server, call_linkedid, caller_number,"
            + " customer_id, contract_level, product_line, summary, severity, state, tier, owner_seat_code,"
            + " created_at, callback_at, responded_at, resolved_at, closed_at, response_counted_ms,"
            + " response_running_since, response_stopped, response_fired, response_due_at, resolution_counted_ms,"
            + " resolution_running_since, resolution_stopped, resolution_fired, resolution_due_at, contacts, reopens,"
            + " audit_count FROM work_order WHERE released_at IS NULL ORDER BY id";
    /** As long as a start of Hotline would wait for the journal before it gives up. */
    private static final Duration LOAD_WAIT = Duration.ofSeconds(60);

    /** Held here only, so that a compiled frame cannot keep it reachable past its round. */
    private static ServiceDesk restored;

    private DeskRestoreFromDatabase() {
    }

    /** One round's figures. */
    private record Round(double startSeconds, double loadSeconds, double restoreSeconds, long retainedBytes,
                         double rowsOnlySeconds, double loadAverage) {
        double totalSeconds() {
            return loadSeconds + restoreSeconds;
        }
    }

    /** A journal and its desk store, as Hotline starts them. */
    private record Store(DurableRoutingJournal journal, JournalServiceDeskStore store) implements AutoCloseable {
        static Store start(Jdbi jdbi, Path log) {
            DurableRoutingJournal journal = DurableRoutingJournal.start(jdbi,
                    new JdbiWorkOrderStore(jdbi, ServiceLevels.DEFAULT, InstantSource.system()), SERVER,
                    JournalConfig.of(log, SERVER), InstantSource.system());
            return new Store(journal, new JournalServiceDeskStore(journal, jdbi, SERVER, InstantSource.system(),
                    LOAD_WAIT));
        }

        @Override
        public void close() {
            journal.close();
        }
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = CommandLineOptions.parse(args, Set.of("work-orders", "rounds", "max-seconds"));
        int workOrders = options.integer("work-orders", 100_000);
        int rounds = options.integer("rounds", 3);
        Duration limit = Duration.ofSeconds(options.integer("max-seconds", 1_800));
        if (workOrders < 1 || rounds < 1 || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("--work-orders, --rounds and --max-seconds must be positive");
        }
        long deadline = System.nanoTime() + limit.toNanos();
        Path log = Path.of("benchmarks", "target", "desk-restore-journal");
        deleteTree(log);
        try {
            String report = run(workOrders, rounds, log, deadline);
            Path out = Path.of("benchmarks", "target", "desk-restore-from-database.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            LOG.info("Service desk restored from the database at {} work orders:\n{}", workOrders, report);
        } finally {
            BenchmarkDatabase.drop(DATABASE);
            deleteTree(log);
        }
    }

    private static String run(int workOrders, int rounds, Path log, long deadline) throws Exception {
        double fillLoad = loadAverage();
        DatabaseDeskFill.Filled filled;
        long rows;
        try (Database database = BenchmarkDatabase.recreate(DATABASE)) {
            long[] customers = customers(database.jdbi(), workOrders);
            LOG.info("{} customers in {}; filling {} work orders through the journal", customers.length, DATABASE,
                    workOrders);
            try (Store store = Store.start(database.jdbi(), log)) {
                filled = DatabaseDeskFill.fill(store.journal(), store.store(), workOrders, customers, deadline);
            }
            rows = database.jdbi().withHandle(handle -> handle.createQuery("SELECT (SELECT COUNT(*) FROM"
                    + " work_order) + (SELECT COUNT(*) FROM work_order_event) + (SELECT COUNT(*) FROM"
                    + " desk_refusal)").mapTo(Long.class).one());
        }
        LOG.info("Filled: {} commands ({} warnings, {} refused), {} rows, in the database after {} s",
                filled.commands(), filled.warnings(), filled.refused(), rows,
                String.format("%.1f", filled.writtenSeconds()));
        Round[] measured = new Round[rounds];
        for (int round = 0; round < rounds; round++) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no time left for round " + (round + 1));
            }
            measured[round] = measure(filled, log);
            LOG.info("round {}: load {} s, restore {} s, total {} s, retained {} MB", round + 1,
                    String.format("%.2f", measured[round].loadSeconds()),
                    String.format("%.2f", measured[round].restoreSeconds()),
                    String.format("%.2f", measured[round].totalSeconds()),
                    String.format("%.1f", measured[round].retainedBytes() / 1e6));
        }
        return report(filled, rows, fillLoad, measured);
    }

    /** One start: a new pool, journal and store; load, restore, check, weigh. */
    private static Round measure(DatabaseDeskFill.Filled filled, Path log) {
        restored = null;
        try (Database database = BenchmarkDatabase.open(DATABASE)) {
            long startBegan = System.nanoTime();
            try (Store store = Store.start(database.jdbi(), log)) {
                double startSeconds = (System.nanoTime() - startBegan) / 1e9;
                long before = usedAfterGc();
                double loadAverage = loadAverage();
                long loadBegan = System.nanoTime();
                StoredDesk loaded = store.store().load();
                long loadEnded = System.nanoTime();
                restored = ServiceDesk.restore(DeskBenchmark.CONFIG, InstantSource.fixed(filled.deskClock()),
                        loaded);
                long restoreEnded = System.nanoTime();
                check("the store's load()", loaded.nextId(), loaded.workOrders(), filled);
                loaded = null;
                long retained = usedAfterGc() - before;
                check("the restored desk", restored.nextId(), restored.workOrders(), filled);
                return new Round(startSeconds, (loadEnded - loadBegan) / 1e9, (restoreEnded - loadEnded) / 1e9,
                        retained, rowsOnly(database, filled.workOrders().size()), loadAverage);
            }
        } finally {
            restored = null;
        }
    }

    /**
     * The baseline of {@code load()}: the same query through plain JDBC on the same pool, every row fetched and
     * only its id read, nothing built. What {@code load()} takes beyond it is the mapping into stored forms.
     */
    private static double rowsOnly(Database database, int expected) {
        long began = System.nanoTime();
        int rows = 0;
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(HELD)) {
            while (result.next()) {
                if (result.getLong(1) > 0) {
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the baseline query failed: " + e.getMessage(), e);
        }
        if (rows != expected) {
            throw new IllegalStateException("the baseline query read " + rows + " rows, not " + expected);
        }
        return (System.nanoTime() - began) / 1e9;
    }

    /** Fails unless {@code workOrders} are exactly the stored forms the filling desk held, in id order. */
    private static void check(String what, long nextId, List<StoredWorkOrder> workOrders,
                              DatabaseDeskFill.Filled filled) {
        if (nextId != filled.nextId()) {
            throw new IllegalStateException(what + " gives next id " + nextId + ", the desk had " + filled.nextId());
        }
        List<StoredWorkOrder> expected = filled.workOrders();
        for (int i = 0; i < Math.min(expected.size(), workOrders.size()); i++) {
            if (!expected.get(i).equals(workOrders.get(i))) {
                throw new IllegalStateException(what + " differs from what the desk stored at work order "
                        + expected.get(i).id() + ":\n  stored " + expected.get(i) + "\n  loaded "
                        + workOrders.get(i));
            }
        }
        if (expected.size() != workOrders.size()) {
            throw new IllegalStateException(what + " holds " + workOrders.size() + " work orders, the desk stored "
                    + expected.size());
        }
    }

    private static String report(DatabaseDeskFill.Filled filled, long rows, double fillLoad, Round[] rounds) {
        StringBuilder report = new StringBuilder(String.format("work orders held: %d (next id %d); fill: %d"
                        + " commands to the store (%d warnings, %d refused), %d rows, handed over and logged in"
                        + " %.1f s, in the database after %.1f s = %.0f rows/s (load average %.1f at its start)%n",
                filled.workOrders().size(), filled.nextId(), filled.commands(), filled.warnings(), filled.refused(),
                rows, filled.handOverSeconds(), filled.writtenSeconds(), rows / filled.writtenSeconds(), fillLoad));
        report.append("| round | journal start (s) | load() (s) | ServiceDesk.restore (s) | total (s) |"
                + " retained heap of the desk | baseline: the query's rows only (s) | load average |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < rounds.length; i++) {
            Round round = rounds[i];
            report.append(String.format("| %d | %.2f | %.2f | %.2f | **%.2f** | %.1f MB (%d B per work order)"
                            + " | %.2f | %.1f |%n", i + 1, round.startSeconds(), round.loadSeconds(),
                    round.restoreSeconds(), round.totalSeconds(), round.retainedBytes() / 1e6,
                    round.retainedBytes() / Math.max(1, filled.workOrders().size()), round.rowsOnlySeconds(),
                    round.loadAverage()));
        }
        report.append(String.format("every round's load() and restored desk equal the filling desk's stored forms%n"
                        + "JDK %s, %d cores, max heap %d MB, %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName()));
        return report.toString();
    }

    /** {@code count} customers, one per call: their ids in order. */
    private static long[] customers(Jdbi jdbi, int count) {
        return jdbi.withHandle(handle -> {
            handle.execute("INSERT INTO customer (code, name, region, site_address, latitude, longitude,"
                    + " contract_level, vip, created_at) SELECT CONCAT('DESK', seq), CONCAT('客户', seq), 'east',"
                    + " '上海市', 31.2, 121.4, ELT(1 + seq % 2, 'STANDARD', 'PREMIUM'), FALSE, UTC_TIMESTAMP(3)"
                    + " FROM seq_1_to_" + count);
            return handle.createQuery("SELECT id FROM customer ORDER BY id").mapTo(Long.class).stream()
                    .mapToLong(Long::longValue).toArray();
        });
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
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
