package io.hotline.persistence.outbox;

import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.spi.HealthCheck;
import io.hotline.routing.spi.RoutingJournal;
import io.hotline.routing.workorder.FallbackHandoff;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing journal that loses nothing: each decision, connection and abandon routing emits, each seat state
 * change (so seats get their state back after a restart) and each refusal (kept in {@code routing_refusal}) is
 * appended and fsynced to a local log ({@link JournalLog}) before it is written to the database (the call's work
 * order, {@code seat_state}, {@code routing_refusal}); the transaction that
 * writes a batch of entries also moves the journal's checkpoint in the database. So while the database is away
 * entries wait on disk (not in memory) and are written, in order, once it answers again; after a crash the entries
 * after the checkpoint are written on the next start; and none is written twice.
 * <p>
 * The service desk's entries go through this same journal ({@link JournalServiceDeskStore}, {@link JournalNotifier}),
 * numbered in one order with routing's: one log, one checkpoint.
 * <p>
 * An entry the database refuses while it answers (a data error, not an outage) is written alone, and if it still
 * fails it is skipped, logged with its number, kind and call, and counted, so one bad entry cannot hold back the
 * ones after it.
 * <p>
 * Threading: the routing thread calls the {@link RoutingJournal} methods, which only offer to a bounded queue and
 * never block (when it is full, the entry is dropped and counted: only a disk that stops taking writes gets there).
 * Two threads of its own: {@code journal-writer} numbers the entries and appends them to the log, never waiting
 * for the database; {@code journal-db} writes what is logged to the database and retries with a growing delay
 * while it is away. The counters are thread-safe.
 */
public final class DurableRoutingJournal implements RoutingJournal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableRoutingJournal.class);
    private static final int BATCH = 512;
    private static final long IDLE_WAIT_MS = 100;
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final int REFUSALS_LOGGED_PER_MINUTE = 20;

    private final JournalConfig config;
    private final InstantSource clock;
    private final JournalLog log;
    private final BlockingQueue<Handed> handedOver;
    private final Thread logWriter;
    private final Thread databaseWriter;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** The last entry number on disk, and the last in the database (the checkpoint). */
    private final AtomicLong logged = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean closing;
    /** Told, on the journal-db thread, the calls whose work orders a committed batch wrote. */
    private volatile Consumer<List<String>> writtenListener = calls -> { };
    /** Why the last append to the log failed, or {@code null} when it succeeded. */
    private volatile String logFailure;
    /** {@link #dropped} when {@link #healthCheck()} last looked. Health monitor thread only. */
    private long droppedWhenChecked;
    /** Set once the log writer has logged everything handed over and stopped. */
    private volatile boolean logWriterDone;
    /** Entries taken from the queue that the log did not accept yet (the disk failed). Log writer only. */
    private final List<JournalEntry> unlogged = new ArrayList<>();
    /** Who waits for the entries of {@link #unlogged} to be on disk; guarded by {@link #unlogged}. */
    private final List<CompletableFuture<Boolean>> awaitingAppend = new ArrayList<>();
    private long nextSequence;
    /** The last entry an earlier run left in the log. */
    private final long earlierRunThrough;
    /** Refusals logged in the current minute, and not logged. Routing thread only. */
    private long refusalWindowStartMs = Long.MIN_VALUE / 2;
    private int refusalsLogged;
    private long refusalsNotLogged;

    private DurableRoutingJournal(Jdbi jdbi, JournalWrites writes, JournalConfig config, InstantSource clock,
                                  JournalLog log, long checkpoint) {
        this.config = config;
        this.clock = clock;
        this.log = log;
        this.handedOver = new ArrayBlockingQueue<>(config.capacity());
        this.applied.set(checkpoint);
        this.logged.set(Math.max(log.lastSequence(), checkpoint));
        this.nextSequence = logged.get() + 1;
        this.earlierRunThrough = logged.get();
        JournalDatabaseWriter toDatabase = new JournalDatabaseWriter(jdbi, writes, config, clock, log,
                new JournalDatabaseWriter.Progress(logged, applied, failures, rejected,
                        calls -> writtenListener.accept(calls)), () -> logWriterDone);
        this.logWriter = new Thread(this::logHandedOver, "journal-writer");
        this.databaseWriter = new Thread(toDatabase, "journal-db");
        logWriter.setDaemon(true);
        databaseWriter.setDaemon(true);
    }

    /**
     * Opens the log in {@code config.directory()}, reads the checkpoint and starts the writers; the database
     * writer first writes what an earlier run left after the checkpoint.
     *
     * @param workOrders     opens the work orders of the OPENED entries an earlier version logged
     * @param asteriskServer the Asterisk server whose calls the work orders belong to
     * @throws DatabaseUnavailableException when the checkpoint cannot be read or the log cannot be opened
     */
    public static DurableRoutingJournal start(Jdbi jdbi, JdbiWorkOrderStore workOrders, String asteriskServer,
                                              JournalConfig config, InstantSource clock) {
        JournalLog log;
        try {
            log = JournalLog.open(config.directory(), config.segmentBytes());
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot open the routing journal in " + config.directory()
                    + ": " + e.getMessage(), e);
        }
        long checkpoint;
        try {
            checkpoint = jdbi.withHandle(handle -> JournalWrites.checkpointOf(handle, config.name()));
        } catch (RuntimeException e) {
            closeQuietly(log);
            throw new DatabaseUnavailableException("cannot read the routing journal's checkpoint: " + e.getMessage(),
                    e);
        }
        DurableRoutingJournal journal = new DurableRoutingJournal(jdbi, new JournalWrites(asteriskServer, workOrders),
                config, clock, log, checkpoint);
        if (log.lastSequence() > checkpoint) {
            LOG.info("Routing journal {}: {} entries of an earlier run are not in the database yet; writing them",
                    config.name(), log.lastSequence() - checkpoint);
        }
        journal.logWriter.start();
        journal.databaseWriter.start();
        return journal;
    }

    @Override
    public void recordDecision(RoutingCommand.RecordDecision decision) {
        Instant at = clock.instant();
        // The explanation is formatted on the log writer's thread, not routing's.
        handOver(decision.callId(), sequence -> new JournalEntry.Decision(sequence, at, decision.callId(),
                decision.why().text()));
    }

    @Override
    public void callConnected(RoutingCommand.CallConnected connected) {
        Instant at = clock.instant();
        handOver(connected.callId(), sequence -> new JournalEntry.Connected(sequence, at, connected.callId(),
                connected.seatId(), connected.waited()));
    }

    @Override
    public void callAbandoned(RoutingCommand.CallAbandoned abandoned) {
        Instant at = clock.instant();
        handOver(abandoned.callId(), sequence -> new JournalEntry.Abandoned(sequence, at, abandoned.callId(),
                abandoned.queue(), abandoned.waited()));
    }

    @Override
    public void seatStateChanged(RoutingCommand.SeatStateChanged change) {
        Instant at = clock.instant();
        handOver(change.seatId(), sequence -> new JournalEntry.SeatStateChanged(sequence, at, change.seatId(),
                change.state(), change.reason()));
    }

    /** Keeps the refusal and logs it at INFO, at most {@value #REFUSALS_LOGGED_PER_MINUTE} lines a minute. */
    @Override
    public void requestRejected(RoutingCommand.RequestRejected rejected) {
        String subject = rejected.subject() == null ? "-" : rejected.subject();
        Instant at = clock.instant();
        handOver(subject, sequence -> new JournalEntry.Refused(sequence, at, rejected.subject(), rejected.request(),
                rejected.reason() == null ? "" : rejected.reason()));
        long now = clock.millis();
        if (now - refusalWindowStartMs >= 60_000) {
            if (refusalsNotLogged > 0) {
                LOG.info("Routing refused {} more requests in the last minute (not logged one by one)",
                        refusalsNotLogged);
            }
            refusalWindowStartMs = now;
            refusalsLogged = 0;
            refusalsNotLogged = 0;
        }
        if (refusalsLogged < REFUSALS_LOGGED_PER_MINUTE) {
            refusalsLogged++;
            LOG.info("Routing refused {} of {}: {}", rejected.request() == null ? "a request" : rejected.request(),
                    subject, rejected.reason());
        } else {
            refusalsNotLogged++;
        }
    }

    /**
     * Waits until what an earlier run left in the log is in the database (the seats' last states among it), for at
     * most {@code timeout}; for the lifecycle thread at start, before it reads what the journal writes.
     *
     * @return whether it is all in the database
     */
    public boolean awaitEarlierRun(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (applied.get() < earlierRunThrough) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    /**
     * Waits until every entry on disk when it is called (an earlier run's among them) is in the database, for at
     * most {@code timeout}; for a reader that must see what the journal holds ({@link JournalServiceDeskStore#load}).
     *
     * @return whether they are all in the database
     */
    boolean awaitWritten(Duration timeout) {
        long through = logged.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (applied.get() < through) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    /**
     * Completes with true once every entry handed over before this call is in the log on disk (it survives a crash
     * of Hotline), or exceptionally when the journal could not take the request (stopped, or its queue full).
     * Never blocks: a caller that must not go on before then waits on the answer (the route script, so that the
     * dialplan acts on a call only once the call's JOINED entry survives a crash).
     */
    public CompletionStage<Boolean> whenLogged() {
        CompletableFuture<Boolean> durable = new CompletableFuture<>();
        handOver(new Handed("a durability marker", null, durable));
        return durable;
    }

    /**
     * Hands an entry of another part of Hotline (the service desk's, {@link DeskEntry}, or the field leg's,
     * {@link FieldEntry}) over to this journal, numbered in order with routing's; never blocks (a full queue drops
     * and counts it, as for routing's entries).
     *
     * @param about what it is about, for the log line of a dropped entry
     */
    void append(String about, LongFunction<JournalEntry> entry) {
        handOver(about, entry);
    }

    @Override
    public void callJoined(RoutingCommand.CallJoined joined) {
        RoutingEvent.CallOrigin origin = joined.origin();
        Instant at = clock.instant();
        handOver(joined.callId(), sequence -> new JournalEntry.Joined(sequence, at, joined.callId(), joined.queue(),
                known(origin.channelId()), known(origin.callerNumber()), known(origin.dialledNumber()),
                origin.customerId(), known(joined.productSkill())));
    }

    @Override
    public void callOffered(RoutingCommand.OfferCall offer) {
        Instant at = clock.instant();
        handOver(offer.callId(), sequence -> new JournalEntry.Offered(sequence, at, offer.callId(), offer.seatId()));
    }

    @Override
    public void conversationEnded(RoutingCommand.ConversationEnded ended) {
        Instant at = clock.instant();
        handOver(ended.callId(), sequence -> new JournalEntry.Ended(sequence, at, ended.callId(), ended.seatId(),
                ended.talked()));
    }

    @Override
    public void callHandedOff(RoutingCommand.CallHandedOff handedOff) {
        Instant at = clock.instant();
        handOver(handedOff.callId(), sequence -> new JournalEntry.HandedOff(sequence, at, handedOff.callId(),
                handedOff.queue(), handedOff.handoff(), handedOff.waited()));
    }

    @Override
    public void callEscalated(RoutingCommand.MoveToQueue move) {
        Instant at = clock.instant();
        handOver(move.callId(), sequence -> new JournalEntry.Escalated(sequence, at, move.callId(), move.seatId(),
                move.fromTier(), move.toTier(), move.queue(), known(move.reason())));
    }

    /**
     * Closes, once everything an earlier run logged is written, every call of this Asterisk server still open in
     * the database: the run that had them stopped or died before their end, and the dialplan took them over (a
     * waiting caller went to the fallback queue; a conversation went on without Hotline). Call once at start,
     * before routing takes calls. Thread-safe and never blocks.
     */
    public void reconcileOpenCalls() {
        Instant at = clock.instant();
        handOver("-", sequence -> new JournalEntry.Restarted(sequence, at));
    }

    /**
     * Records a channel handed to the dialplan's fallback queue without entering routing, once the database
     * answers, after what was handed over before it (so after the work order's opening). Thread-safe and never
     * blocks; the hand-off's Asterisk server must be this journal's.
     */
    public void handedToFallback(FallbackHandoff handoff) {
        handOver(handoff.linkedId(), sequence -> new JournalEntry.Bypassed(sequence, handoff.at(), handoff.linkedId(),
                handoff.channelId(), known(handoff.callerNumber()), known(handoff.dialledNumber()), handoff.reason()));
    }

    /** {@code value}, or {@code null} when it is empty: an empty number or name says nothing is known. */
    private static String known(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Records a callback to {@code phoneNumber} on the work order of call {@code callId} once the database answers:
     * for a callback chosen while the database is away, or by a caller routed during an outage. Written after what
     * was handed over before it (so after the work order's opening). Thread-safe and never blocks.
     */
    public void callbackRequested(String callId, String phoneNumber, Instant requestedAt, Instant dueAt) {
        handOver(callId, sequence -> new JournalEntry.Callback(sequence, requestedAt, callId, phoneNumber, dueAt));
    }

    /**
     * Records the caller's post-call score (1-5) on the work order of call {@code callId} once the database answers:
     * for a score keyed while the database is away, or by a caller routed during an outage. Thread-safe and never
     * blocks.
     */
    public void surveyAnswered(String callId, int score, Instant at) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a score is 1-5, not " + score);
        }
        handOver(callId, sequence -> new JournalEntry.Surveyed(sequence, at, callId, score));
    }

    /**
     * An entry as it is handed over, before it has its number: built, numbered, by the log writer (so a decision's
     * explanation is formatted there, as {@link io.hotline.routing.engine.Explanation} intends).
     *
     * @param about   the call (or seat) it is about, for the log line of a dropped entry
     * @param entry   builds the entry with its number; {@code null} for a marker that only waits for the entries
     *                before it to be on disk
     * @param durable completed once the entry is on disk, or {@code null}
     */
    private record Handed(String about, LongFunction<JournalEntry> entry, CompletableFuture<Boolean> durable) {
        JournalEntry numbered(long sequence) {
            return entry.apply(sequence);
        }
    }

    private void handOver(String about, LongFunction<JournalEntry> entry) {
        handOver(new Handed(about, entry, null));
    }

    /**
     * Tells {@code listener}, on the {@code journal-db} thread after each committed batch, the calls (linkedids)
     * whose work orders it wrote; the listener must not block. Replaces an earlier listener.
     */
    public void onWorkOrdersWritten(Consumer<List<String>> listener) {
        this.writtenListener = Objects.requireNonNull(listener, "listener");
    }

    /** Entries handed over and not yet in the database (in memory, or on disk waiting for the database). */
    public long backlog() {
        return handedOver.size() + unloggedCount() + logged.get() - applied.get();
    }

    /** Entries on disk and not yet in the database. */
    public long waitingOnDisk() {
        return logged.get() - applied.get();
    }

    /** Entries dropped because the log writer could not take them (its disk failing, or stopped), since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Entries the database refused on their own (data errors), skipped, since start. */
    public long rejected() {
        return rejected.get();
    }

    /** Failed writes to the log or the database (each retried later), since start. */
    public long failures() {
        return failures.get();
    }

    /**
     * The journal's health: DOWN while its log cannot be appended to (entries are then only in memory) or when
     * entries were dropped since the previous check; UP otherwise, saying how many entries wait for the database.
     * For one health monitor thread.
     */
    public HealthCheck healthCheck() {
        return HealthCheck.of("journal", this::health);
    }

    private ComponentHealth health() {
        long droppedNow = dropped.get();
        long droppedSince = droppedNow - droppedWhenChecked;
        droppedWhenChecked = droppedNow;
        String failure = logFailure;
        if (failure != null) {
            return ComponentHealth.down("cannot append to the log in " + config.directory() + ": " + failure);
        }
        if (droppedSince > 0) {
            return ComponentHealth.down(droppedSince + " entries dropped since the last check");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backlog", backlog());
        details.put("waitingOnDisk", waitingOnDisk());
        details.put("dropped", droppedNow);
        details.put("rejected", rejected.get());
        long waiting = waitingOnDisk();
        return ComponentHealth.up(waiting == 0 ? "every entry is on the work orders"
                : waiting + " entries wait on disk for the database", details);
    }

    /**
     * Stops taking entries, logs everything handed over, makes one last attempt to write the backlog to the
     * database (not retried if the database is away), and stops both threads. What is not in the database stays
     * in the log for the next start.
     */
    @Override
    public void close() {
        closing = true;
        join(logWriter);
        LockSupport.unpark(databaseWriter);
        join(databaseWriter);
        if (!logWriter.isAlive() && !databaseWriter.isAlive()) {
            closeQuietly(log);
        }
    }

    private void join(Thread thread) {
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Routing journal: {} did not stop within {} s; {} entries not in the database stay in its log",
                    thread.getName(), STOP_WAIT.toSeconds(), backlog());
        }
    }

    private void handOver(Handed entry) {
        if (closing || !handedOver.offer(entry)) {
            if (entry.durable() != null) {
                entry.durable().completeExceptionally(new IllegalStateException("the routing journal is "
                        + (closing ? "stopped" : "full")));
            }
            long count = dropped.incrementAndGet();
            if (Long.bitCount(count) == 1) {
                LOG.error("Routing journal: {} entr{} dropped (log writer not keeping up, or stopped); latest for call"
                        + " {}", count, count == 1 ? "y" : "ies", entry.about());
            }
        }
    }

    private int unloggedCount() {
        synchronized (unlogged) {
            return unlogged.size();
        }
    }

    // ----- journal-writer: handed over -> log ------------------------------------------------------------------

    private void logHandedOver() {
        long retryDelay = 0;
        try {
            while (true) {
                boolean last = closing;
                takeHandedOver(last);
                if (appendToLog()) {
                    retryDelay = 0;
                    LockSupport.unpark(databaseWriter);
                } else {
                    retryDelay = JournalDatabaseWriter.nextDelay(config, retryDelay);
                    if (last) {
                        LOG.error("Routing journal: {} entries could not be logged before stopping",
                                unloggedCount());
                        return;
                    }
                    Thread.sleep(retryDelay);
                }
                if (last && handedOver.isEmpty() && unloggedCount() == 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (unlogged) {
                awaitingAppend.forEach(durable -> durable.completeExceptionally(new IllegalStateException(
                        "the routing journal stopped before its log took the entry")));
                awaitingAppend.clear();
            }
            logWriterDone = true;
            LockSupport.unpark(databaseWriter);
        }
    }

    /** Moves what the routing thread handed over into {@link #unlogged}, numbered; waits a little for the first. */
    private void takeHandedOver(boolean last) throws InterruptedException {
        synchronized (unlogged) {
            if (!unlogged.isEmpty()) {
                return;
            }
        }
        Handed first = last ? handedOver.poll() : handedOver.poll(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        synchronized (unlogged) {
            take(first);
            Handed more;
            while (unlogged.size() < BATCH && (more = handedOver.poll()) != null) {
                take(more);
            }
        }
    }

    /** Numbers {@code handed} into {@link #unlogged}; its completion, if any, waits for the append. */
    private void take(Handed handed) {
        if (handed.entry() == null) {
            // A marker: on disk once what was handed over before it is.
            if (unlogged.isEmpty()) {
                handed.durable().complete(true);
            } else {
                awaitingAppend.add(handed.durable());
            }
            return;
        }
        unlogged.add(handed.numbered(nextSequence++));
        if (handed.durable() != null) {
            awaitingAppend.add(handed.durable());
        }
    }

    /** Appends {@link #unlogged} to the log; false when the disk refused (they stay, for a retry). */
    private boolean appendToLog() {
        synchronized (unlogged) {
            if (unlogged.isEmpty()) {
                return true;
            }
            try {
                log.append(unlogged);
                logged.set(unlogged.get(unlogged.size() - 1).sequence());
                unlogged.clear();
                logFailure = null;
                awaitingAppend.forEach(durable -> durable.complete(true));
                awaitingAppend.clear();
                return true;
            } catch (IOException e) {
                failures.incrementAndGet();
                logFailure = e.toString();
                LOG.error("Routing journal: cannot append {} entries to the log in {}: {}; retrying", unlogged.size(),
                        config.directory(), e.toString());
                return false;
            }
        }
    }

    private static void closeQuietly(JournalLog log) {
        try {
            log.close();
        } catch (IOException e) {
            LOG.warn("Routing journal: closing the log failed: {}", e.toString());
        }
    }
}
