package io.hotline.persistence.seed;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the {@link DemoOrganisation} into the database ({@code ./hotline seed --demo}, and {@code run} on an
 * empty database). One transaction, one batched multi-row {@code INSERT} per table and level. Idempotent:
 * every row is written with {@code INSERT ... ON DUPLICATE KEY UPDATE <key> = <key>} on its natural key, a no-op
 * for rows already there (unlike {@code INSERT IGNORE}, real errors such as CHECK violations still fail the
 * load), and child rows find their parents' ids by code. Rows already present are left as they are.
 *
 * <p>Stateless and thread-safe; methods block on I/O. Needs a Jdbi configured as {@code Database} does, so
 * instants are bound as UTC. Two concurrent loads into the same database may deadlock: seed from one process.
 */
public final class DemoSeed {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);

    /** The tables the organisation fills, parents first; {@link SeedReport}'s components are in this order. */
    static final List<String> TABLES = List.of(
            "skill", "seat", "seat_skill", "branch", "branch_region", "branch_duty_shift", "field_engineer",
            "field_engineer_skill", "customer", "customer_phone", "customer_product", "customer_product_module",
            "kb_article");

    private DemoSeed() {
    }

    /** Generates the demo organisation and loads it; returns the row counts after loading. */
    public static SeedReport load(Jdbi jdbi) {
        return load(jdbi, DemoOrganisation.generate());
    }

    /** Loads {@code organisation} in one transaction; returns the row counts after loading. */
    public static SeedReport load(Jdbi jdbi, DemoOrganisation organisation) {
        long started = System.nanoTime();
        SeedReport report = jdbi.inTransaction(handle -> {
            new DemoSeedWriter(handle).write(organisation);
            return count(handle);
        });
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        LOG.info("Loaded the demo organisation in {} ms; rows now: {}", elapsedMillis, report.byTable());
        return report;
    }

    /** Whether the database has no seats yet, so a demo start should seed it. */
    public static boolean isEmpty(Jdbi jdbi) {
        boolean anySeat = jdbi.withHandle(handle -> handle.createQuery("SELECT EXISTS (SELECT 1 FROM seat)")
                .mapTo(Boolean.class)
                .one());
        return !anySeat;
    }

    private static SeedReport count(Handle handle) {
        String sql = TABLES.stream()
                .map(table -> "(SELECT COUNT(*) FROM " + table + ")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
        return handle.createQuery(sql)
                .map((row, context) -> new SeedReport(row.getLong(1), row.getLong(2), row.getLong(3),
                        row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8),
                        row.getLong(9), row.getLong(10), row.getLong(11), row.getLong(12), row.getLong(13)))
                .one();
    }
}
