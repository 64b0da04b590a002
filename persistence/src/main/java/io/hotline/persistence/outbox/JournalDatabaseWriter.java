package io.hotline.persistence.outbox;

import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code journal-db} thread of a {@link DurableRoutingJournal}: writes what is logged to the work orders in
 * batches, each batch and the checkpoint in one transaction, and retries with a doubling delay while the database
 * is away. An entry the database refuses while it answers is written alone, then skipped and counted. After the
 * log writer has stopped it makes one last attempt and ends. Confined to its thread, apart from {@link Progress}.
 */
final class JournalDatabaseWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalDatabaseWriter.class);
    private static final int BATCH = 512;
    private static final long IDLE_WAIT_MS = 100;
    /**
     * How long entries gather on disk before a transaction writes them, unless a whole batch is there: a routed call
     * logs its entries at several moments (joined, opened, offered, connected, ended), and a transaction each cost
     * the database a commit (its own fsync) and this thread a statement set each, on the cores and the disk the call
     * path needs. Measured (route-to-dial, 10 callers): this thread allocated 0.7 MB and spent 2.9 ms of CPU per
     * routed call without it, 0.3 MB and 1.5 ms with it (docs/benchmarks.md, route-to-dial's fourth step).
     */
    static final long GATHER_MS = 50;

    /**
     * The counters the journal shares with this thread: logged and applied entry numbers, failures, rejects; and
     * who is told the calls whose work orders a committed batch wrote.
     */
    record Progress(AtomicLong logged, AtomicLong applied, AtomicLong failures, AtomicLong rejected,
                    Consumer<List<String>> written) {
    }

    private final Jdbi jdbi;
    private final JournalWrites writes;
    private final JournalConfig config;
    private final InstantSource clock;
    private final JournalLog log;
    private final AtomicLong logged;
    private final AtomicLong applied;
    private final AtomicLong failures;
    private final AtomicLong rejected;
    private final Consumer<List<String>> written;
    private final BooleanSupplier logWriterDone;
    private long retryDelayMs;

    JournalDatabaseWriter(Jdbi jdbi, JournalWrites writes, JournalConfig config, InstantSource clock, JournalLog log,
                          Progress progress, BooleanSupplier logWriterDone) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.config = config;
        this.clock = clock;
        this.log = log;
        this.logged = progress.logged();
        this.applied = progress.applied();
        this.failures = progress.failures();
        this.rejected = progress.rejected();
        this.written = progress.written();
        this.logWriterDone = logWriterDone;
    }

    @Override
    public void run() {
        writeLogged();
    }

    /** The next wait after {@code previous} (0: none yet): the configured first wait, doubling up to the maximum. */
    static long nextDelay(JournalConfig config, long previous) {
        long first = Math.max(1, config.retryFirst().toMillis());
        return previous == 0 ? first : Math.min(config.retryMax().toMillis(), previous * 2);
    }

    private void writeLogged() {
        while (true) {
            boolean last = logWriterDone.getAsBoolean();
            if (applied.get() < logged.get()) {
                if (!last) {
                    gather();
                }
                boolean caughtUp = writeBacklogSafely();
                if (last) {
                    return;
                }
                if (!caughtUp) {
                    retryDelayMs = nextDelay(config, retryDelayMs);
                    waitUntilRetry(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryDelayMs));
                    continue;
                }
            } else if (last) {
                return;
            }
            retryDelayMs = 0;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(IDLE_WAIT_MS));
        }
    }

    /** Lets entries gather for {@link #GATHER_MS}, or until a whole batch is logged or the log writer stopped. */
    private void gather() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_MS);
        long remaining;
        while (logged.get() - applied.get() < BATCH && !logWriterDone.getAsBoolean()
                && (remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    /** Waits for the retry time (new entries do not cut it short; stopping does). */
    private void waitUntilRetry(long deadlineNanos) {
        long remaining;
        while (!logWriterDone.getAsBoolean() && (remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    /** {@link #writeBacklog()}, never ending the thread: anything unforeseen is logged and retried later. */
    private boolean writeBacklogSafely() {
        try {
            return writeBacklog();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("Routing journal: writing to the database failed; retrying: {}", e.toString());
            return false;
        }
    }

    /** Writes logged entries to the database in batches; true when caught up, false when the database failed. */
    private boolean writeBacklog() {
        while (applied.get() < logged.get()) {
            List<JournalEntry> batch;
            try {
                batch = log.readAfter(applied.get(), BATCH);
            } catch (IOException e) {
                failures.incrementAndGet();
                LOG.error("Routing journal: cannot read the log in {}: {}", config.directory(), e.toString());
                return false;
            }
            if (batch.isEmpty()) {
                // Only damaged lines were left (logged and skipped by the log): move past them.
                commit(List.of(), logged.get());
            } else if (!writeBatch(batch)) {
                return false;
            }
        }
        return true;
    }

    /** One transaction for the batch and the checkpoint; on a data error, entry by entry. False: retry later. */
    private boolean writeBatch(List<JournalEntry> batch) {
        try {
            commit(batch, batch.get(batch.size() - 1).sequence());
            return true;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            if (isOutage(e) || !databaseAnswers()) {
                if (retryDelayMs == 0) {
                    LOG.warn("Routing journal: the database is not answering ({}); {} entries wait on disk and are"
                            + " written once it answers", e.toString(), logged.get() - applied.get());
                }
                return false;
            }
        }
        for (JournalEntry entry : batch) {
            try {
                commit(List.of(entry), entry.sequence());
            } catch (RuntimeException e) {
                if (isOutage(e) || !databaseAnswers()) {
                    return false;
                }
                rejected.incrementAndGet();
                LOG.error("Routing journal: the database refused entry {} ({} for {}); skipping it: {}",
                        entry.sequence(), entry.kind(), about(entry), e.toString());
                commit(List.of(), entry.sequence());
            }
        }
        return true;
    }

    private void commit(List<JournalEntry> entries, long through) {
        jdbi.useTransaction(handle -> {
            writes.applyAll(handle, entries);
            JournalWrites.checkpoint(handle, config.name(), through, clock.instant());
        });
        if (retryDelayMs > 0) {
            LOG.info("Routing journal: the database answers again; writing the {} entries that waited",
                    logged.get() - applied.get());
            retryDelayMs = 0;
        }
        applied.set(through);
        tellWritten(entries);
        try {
            log.dropThrough(through);
        } catch (IOException e) {
            LOG.warn("Routing journal: cannot delete written segments in {}: {}", config.directory(), e.toString());
        }
    }

    /** What a log line says an entry is about: its call, or its work order. */
    private static String about(JournalEntry entry) {
        if (entry instanceof JournalEntry.CallEntry call) {
            return "call " + call.callId();
        }
        if (entry instanceof DeskEntry desk && desk.workOrderId() != null) {
            return "work order " + desk.workOrderId();
        }
        if (entry instanceof FieldEntry field) {
            return "dispatch order " + field.workOrderId();
        }
        return "-";
    }

    private void tellWritten(List<JournalEntry> entries) {
        List<String> calls = new ArrayList<>();
        for (JournalEntry entry : entries) {
            // Only what writes work orders: routing's own entries no longer change them (the desk does), and each
            // call told makes the caller look-up read its customer again.
            if (entry instanceof LegacyCallEntry legacy) {
                calls.add(legacy.callId());
            } else if (entry instanceof DeskEntry.Opened opened && opened.workOrder().call() != null) {
                calls.add(opened.workOrder().call().linkedId());
            } else if (entry instanceof DeskEntry.Changed changed && changed.workOrder().call() != null) {
                calls.add(changed.workOrder().call().linkedId());
            }
        }
        if (!calls.isEmpty()) {
            try {
                written.accept(calls);
            } catch (RuntimeException e) {
                LOG.warn("Routing journal: telling what was written failed: {}", e.toString());
            }
        }
    }

    /** Whether {@code failure} says the database could not be reached (rather than refusing what was sent). */
    private static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    private boolean databaseAnswers() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
