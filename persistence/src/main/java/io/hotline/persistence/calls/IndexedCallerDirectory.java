package io.hotline.persistence.calls;

import io.hotline.persistence.dao.PhoneNumbers;
import io.hotline.routing.spi.CallerDirectory;
import io.hotline.routing.spi.CallerProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises callers from memory: every customer number is loaded at start into a compact {@link CallerIndex}, so a
 * known caller is queued without a database read. What changes while Hotline runs reaches memory three ways:
 * <ul>
 *   <li>the work orders the routing journal writes ({@link #workOrdersWritten}): their customers' profiles are read
 *   again at once, so a caller who calls back finds the work order and its owner;</li>
 *   <li>a number memory does not know is asked from the database ({@link #findByNumber}) and remembered;</li>
 *   <li>everything is reloaded every {@code reloadEvery} (changes made outside Hotline: an import, an edit).</li>
 * </ul>
 * Profiles read after the index are kept beside it, newest read wins; a reload drops those read before it began.
 * Reads are lock-free from any thread; loading and refreshing run on the {@code caller-index} thread.
 */
public final class IndexedCallerDirectory implements CallerDirectory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexedCallerDirectory.class);
    /** Customers read again in one query; more wait for the next round. */
    private static final int REFRESH_BATCH = 500;
    /** Calls waiting to be refreshed beyond this are left to the next reload. */
    private static final int MAX_PENDING = 100_000;
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final CallerQueries queries;
    private final String asteriskServer;
    private final Duration reloadEvery;
    private final ScheduledExecutorService thread;
    private final Map<String, Fresh> fresher = new ConcurrentHashMap<>();
    private final Queue<String> pendingCalls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean refreshScheduled = new AtomicBoolean();
    private final AtomicLong reads = new AtomicLong();
    private volatile CallerIndex index = CallerIndex.EMPTY;
    /** When the current index began to be read: a profile read before it is older than the index. */
    private volatile long indexRead;
    private volatile boolean failing;

    /** A profile read after the index was built; {@code read} orders reads (a later read is newer data). */
    private record Fresh(CallerProfile profile, long read) {
    }

    /**
     * Nothing is loaded until {@link #start}: register {@link #workOrdersWritten} with the journal first, so that no
     * write falls between the load and the registration.
     *
     * @param asteriskServer the Asterisk server whose calls the journal's work orders belong to
     * @param reloadEvery    how often everything is read again
     */
    public IndexedCallerDirectory(Jdbi jdbi, String asteriskServer, Duration reloadEvery) {
        if (reloadEvery.isNegative() || reloadEvery.isZero()) {
            throw new IllegalArgumentException("reloadEvery must be positive: " + reloadEvery);
        }
        this.queries = new CallerQueries(jdbi);
        this.asteriskServer = asteriskServer;
        this.reloadEvery = reloadEvery;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, "caller-index");
            named.setDaemon(true);
            return named;
        });
    }

    /**
     * Loads every customer now (blocking; a few seconds for 500,000) and schedules the reloads. A database that does
     * not answer is logged: callers are then looked up in the database one by one until a reload succeeds.
     */
    public void start() {
        reload();
        long every = reloadEvery.toMillis();
        thread.scheduleWithFixedDelay(this::reload, every, every, TimeUnit.MILLISECONDS);
    }

    /** How many customers memory holds. */
    public int customers() {
        return index.customers();
    }

    @Override
    public Optional<CallerProfile> recall(String callerNumber) {
        Optional<String> number = PhoneNumbers.tryNormalise(callerNumber);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        Fresh fresh = fresher.get(number.get());
        return fresh != null ? Optional.of(fresh.profile()) : index.find(number.get());
    }

    @Override
    public Optional<CallerProfile> findByNumber(String callerNumber) {
        Optional<String> number = PhoneNumbers.tryNormalise(callerNumber);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        long read = reads.incrementAndGet();
        Optional<CallerProfile> found = queries.findByNormalised(number.get());
        found.ifPresent(profile -> remember(number.get(), profile, read));
        return found;
    }

    /**
     * The routing journal wrote the work orders of these calls: their customers are read again on the
     * {@code caller-index} thread. Never blocks (called on the journal's database thread).
     */
    public void workOrdersWritten(List<String> callIds) {
        enqueue(callIds);
        scheduleRefresh(0);
    }

    private void enqueue(List<String> callIds) {
        for (String callId : callIds) {
            if (pendingCount.incrementAndGet() > MAX_PENDING) {
                pendingCount.decrementAndGet();
                break;
            }
            pendingCalls.add(callId);
        }
    }

    private void scheduleRefresh(long delayMs) {
        if (refreshScheduled.compareAndSet(false, true)) {
            try {
                thread.schedule(this::refresh, delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                refreshScheduled.set(false);
            }
        }
    }

    private void refresh() {
        refreshScheduled.set(false);
        List<String> calls = new ArrayList<>();
        for (String call; calls.size() < REFRESH_BATCH && (call = pendingCalls.poll()) != null; ) {
            pendingCount.decrementAndGet();
            calls.add(call);
        }
        if (calls.isEmpty()) {
            return;
        }
        long read = reads.incrementAndGet();
        try {
            queries.profilesOf(queries.customersOfCalls(asteriskServer, calls))
                    .forEach((number, profile) -> remember(number, profile, read));
            recovered();
        } catch (RuntimeException e) {
            // Tried again shortly; a reload also reads them.
            failed("reading the callers of " + calls.size() + " written work orders", e);
            // Again after a pause, not at once: a database that does not answer is not asked in a loop.
            enqueue(calls);
            scheduleRefresh(RETRY.toMillis());
            return;
        }
        if (!pendingCalls.isEmpty()) {
            scheduleRefresh(0);
        }
    }

    private void reload() {
        long read = reads.incrementAndGet();
        long started = System.nanoTime();
        try {
            index = queries.loadAll();
            indexRead = read;
            fresher.values().removeIf(fresh -> fresh.read() < read);
            recovered();
            LOG.info("Caller look-up: {} customers in memory, loaded in {} ms", index.customers(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            failed("loading the customers", e);
        }
    }

    private void remember(String number, CallerProfile profile, long read) {
        if (read < indexRead) {
            return;
        }
        fresher.merge(number, new Fresh(profile, read), (old, now) -> now.read() >= old.read() ? now : old);
    }

    private void failed(String what, RuntimeException e) {
        if (!failing) {
            failing = true;
            LOG.warn("Caller look-up: {} failed ({}); callers memory does not know are looked up in the database",
                    what, e.toString());
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("Caller look-up: the database answers again");
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
