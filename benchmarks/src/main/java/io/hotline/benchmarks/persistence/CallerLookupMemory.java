package io.hotline.benchmarks.persistence;

import io.hotline.persistence.Database;
import io.hotline.persistence.calls.IndexedCallerDirectory;
import io.hotline.persistence.seed.DemoSeed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller look-up's memory at the business's size: 500,000 customers (the brief), 1.2 numbers and 1.5 products
 * each, 5 % with an open work order. Measures the retained heap of {@link IndexedCallerDirectory} (used heap after
 * repeated full GCs, before and after its load), the load time, and the time of a look-up from memory against
 * the database's look-up of the same numbers in the same run. Writes {@code target/caller-lookup-memory.txt}.
 * Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar
 * io.hotline.benchmarks.persistence.CallerLookupMemory [customers]} (MariaDB at 127.0.0.1:3306, database
 * {@code hotline_bench} recreated).
 */
public final class CallerLookupMemory {
    private static final Logger LOG = LoggerFactory.getLogger(CallerLookupMemory.class);
    private static final int DATABASE_LOOKUPS = 5_000;
    private static final int MEMORY_LOOKUPS = 2_000_000;

    private CallerLookupMemory() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        try (Database database = BenchmarkDatabase.recreate()) {
            Jdbi jdbi = database.jdbi();
            DemoSeed.load(jdbi);
            long generateStart = System.nanoTime();
            generate(jdbi, customers);
            long generated = System.nanoTime() - generateStart;
            List<String> numbers = jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT phone_number FROM customer_phone ORDER BY id").mapTo(String.class).list());
            String report = measure(jdbi, numbers, generated);
            Path out = Path.of("benchmarks", "target", "caller-lookup-memory.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            LOG.info("Caller look-up memory:\n{}", report);
        }
    }

    private static String measure(Jdbi jdbi, List<String> numbers, long generatedNanos) {
        long before = usedAfterGc();
        try (IndexedCallerDirectory directory = new IndexedCallerDirectory(jdbi, "bench", Duration.ofHours(1))) {
            long loadStarted = System.nanoTime();
            directory.start();
            long load = System.nanoTime() - loadStarted;
            long after = usedAfterGc();
            int count = directory.customers();
            SplittableRandom random = new SplittableRandom(7);
            long[] fromDatabase = new long[DATABASE_LOOKUPS];
            for (int i = 0; i < fromDatabase.length; i++) {
                String number = numbers.get(random.nextInt(numbers.size()));
                long started = System.nanoTime();
                directory.findByNumber(number).orElseThrow();
                fromDatabase[i] = System.nanoTime() - started;
            }
            long[] fromMemory = new long[MEMORY_LOOKUPS];
            for (int i = 0; i < fromMemory.length; i++) {
                String number = numbers.get(random.nextInt(numbers.size()));
                long started = System.nanoTime();
                directory.recall(number).orElseThrow();
                fromMemory[i] = System.nanoTime() - started;
            }
            Arrays.sort(fromDatabase);
            Arrays.sort(fromMemory);
            return String.format("customers=%d numbers=%d (generated in %.1f s)%n"
                            + "retained heap: %.1f MB, %d bytes per customer%n"
                            + "load: %.2f s%n"
                            + "look-up from the database: p50 %.0f us, p99 %.0f us, p99.9 %.0f us%n"
                            + "look-up from memory: p50 %.2f us, p99 %.2f us, p99.9 %.2f us%n"
                            + "JDK %s, %d cores%n",
                    count, numbers.size(), generatedNanos / 1e9, (after - before) / 1e6,
                    (after - before) / Math.max(1, count), load / 1e9,
                    micros(fromDatabase, 0.50), micros(fromDatabase, 0.99), micros(fromDatabase, 0.999),
                    micros(fromMemory, 0.50), micros(fromMemory, 0.99), micros(fromMemory, 0.999),
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
        }
    }

    /** Customers beyond the demo's, with MariaDB's sequence engine: numbers, products, some open work orders. */
    private static void generate(Jdbi jdbi, int customers) {
        jdbi.useHandle(handle -> {
            // The demo's count first: a subquery on the table being filled would need a temporary table.
            int existing = handle.createQuery("SELECT COUNT(*) FROM customer").mapTo(Integer.class).one();
            handle.execute("INSERT INTO customer (code, name, region, site_address, latitude, longitude,"
                    + " contract_level, vip, created_at) SELECT CONCAT('BENCH', seq), CONCAT('客户', seq), 'east',"
                    + " '上海市', 31.2, 121.4, ELT(1 + seq % 3, 'BASIC', 'STANDARD', 'PREMIUM'), seq % 50 = 0,"
                    + " UTC_TIMESTAMP(3) FROM seq_1_to_" + customers + " WHERE seq > " + existing);
            handle.execute("INSERT INTO customer_phone (customer_id, phone_number, label) SELECT id,"
                    + " CONCAT('+86139', LPAD(id, 8, '0')), 'mobile' FROM customer WHERE code LIKE 'BENCH%'");
            handle.execute("INSERT INTO customer_phone (customer_id, phone_number, label) SELECT id,"
                    + " CONCAT('+8621', LPAD(id, 8, '0')), 'office' FROM customer WHERE code LIKE 'BENCH%'"
                    + " AND id % 5 = 0");
            handle.execute("INSERT INTO customer_product (customer_id, product_skill_id, version, installed_on)"
                    + " SELECT c.id, s.id, '13.0', DATE_SUB(CURDATE(), INTERVAL c.id % 900 DAY) FROM customer c"
                    + " JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM skill"
                    + " WHERE kind = 'PRODUCT_LINE') s ON s.n = 1 + c.id % 3"
                    + " WHERE c.code LIKE 'BENCH%'");
            handle.execute("INSERT IGNORE INTO customer_product (customer_id, product_skill_id, version)"
                    + " SELECT c.id, s.id, '12.5' FROM customer c JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id)"
                    + " AS n FROM skill WHERE kind = 'PRODUCT_LINE') s ON s.n = 1 + (c.id + 1) % 3"
                    + " WHERE c.code LIKE 'BENCH%' AND c.id % 2 = 0");
            handle.execute("INSERT INTO work_order (asterisk_server, call_linkedid, customer_id, caller_number,"
                    + " severity, state, tier, owner_seat_id, created_at, updated_at, response_due_at,"
                    + " resolution_due_at) SELECT 'bench', CONCAT('bench-', c.id), c.id, '+86', 'P3', 'NEW', 'TIER1',"
                    + " (SELECT MIN(id) FROM seat), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3),"
                    + " UTC_TIMESTAMP(3) FROM customer c WHERE c.code LIKE 'BENCH%' AND c.id % 20 = 0");
        });
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e3;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
