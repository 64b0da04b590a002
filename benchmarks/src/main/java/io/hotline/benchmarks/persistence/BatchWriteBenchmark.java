package io.hotline.benchmarks.persistence;

import io.hotline.persistence.Database;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing high-volume rows (work-order audit events) as one Jdbi batch, which the connection's
 * {@code rewriteBatchedStatements=true} turns into multi-row INSERTs, against the peer: the same rows
 * inserted one statement at a time in one transaction. Reports time per row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchWriteBenchmark {
    private static final String INSERT = "INSERT INTO work_order_event (work_order_id, occurred_at, actor_kind,"
            + " actor, action, to_state, reason) VALUES (:workOrder, :at, 'SYSTEM', 'bench', 'NOTE', 'NEW', :reason)";

    @Param({"100", "1000"})
    public int rows;

    private Database database;
    private long workOrderId;
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        database = BenchmarkDatabase.recreate();
        workOrderId = database.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO work_order"
                        + " (severity, state, tier, created_at, updated_at, response_due_at, resolution_due_at)"
                        + " VALUES ('P3', 'NEW', 'TIER1', :now, :now, :now, :now)")
                .bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    /** Hotline's way: one batch, one round trip per packet of rows. */
    @Benchmark
    public int[] batched() {
        return database.jdbi().inTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (int i = 0; i < rows; i++) {
                batch.bind("workOrder", workOrderId).bind("at", Instant.now()).bind("reason", "row " + sequence++)
                        .add();
            }
            return batch.execute();
        });
    }

    /** The peer: the same rows, one INSERT statement each, in one transaction. */
    @Benchmark
    public int rowByRow() {
        return database.jdbi().inTransaction(handle -> {
            int written = 0;
            for (int i = 0; i < rows; i++) {
                written += handle.createUpdate(INSERT).bind("workOrder", workOrderId).bind("at", Instant.now())
                        .bind("reason", "row " + sequence++).execute();
            }
            return written;
        });
    }
}
