package io.hotline.persistence.outbox;

import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.spi.FieldStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The field leg's store in production: every write is a {@link FieldEntry} handed to the one durable journal (the
 * {@link DurableRoutingJournal} that also takes the desk's entries), numbered in one order with them, fsynced to its
 * log and written to the database in its batches ({@link FieldWrites}), idempotently: a dispatch's stored form and
 * legs are upserted, its steps, SMS and report inserted once. So a dispatch change is never written before the work
 * order change the desk emitted before it, and survives {@code kill -9}.
 * <p>
 * {@link #load()} first waits until the journal has written what its log holds, then reads every dispatch order not
 * closed or cancelled ({@code closed_at} not set) in its latest stored form.
 * <p>
 * Threading: the writes are called on the service-desk thread and never block (they offer to the journal's bounded
 * queue); {@link #load()} blocks on I/O. Thread-safe.
 */
public final class JournalFieldStore implements FieldStore {
    private final DurableRoutingJournal journal;
    private final Jdbi jdbi;
    private final InstantSource clock;
    private final Duration loadWait;

    /**
     * @param journal  the journal app started ({@link DurableRoutingJournal#start}), the same as the desk's store's
     * @param jdbi     the database the journal writes to (Hotline's instant mapping: {@code Database.jdbi()})
     * @param clock    stamps the entries with when they were handed over; an SMS is queued (first due) then
     * @param loadWait how long {@link #load()} waits for the journal to write what its log holds
     */
    public JournalFieldStore(DurableRoutingJournal journal, Jdbi jdbi, InstantSource clock, Duration loadWait) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.loadWait = Objects.requireNonNull(loadWait, "loadWait");
        if (loadWait.isNegative()) {
            throw new IllegalArgumentException("loadWait must not be negative: " + loadWait);
        }
    }

    @Override
    public void dispatchChanged(FieldCommand.DispatchChanged changed) {
        Instant at = clock.instant();
        journal.append(about(changed.dispatch().workOrderId()), sequence -> new FieldEntry.DispatchChanged(sequence,
                at, changed.dispatch(), changed.step()));
    }

    @Override
    public void smsQueued(FieldCommand.SendSms sms) {
        Instant at = clock.instant();
        journal.append(about(sms.workOrderId()), sequence -> new FieldEntry.SmsQueued(sequence, at,
                sms.workOrderId(), sms.key(), sms.to(), sms.body()));
    }

    /** Recorded at the time the desk reported it ({@code at}). */
    @Override
    public void reported(FieldCommand.ServiceReported report) {
        Instant at = clock.instant();
        journal.append(about(report.dispatch().workOrderId()), sequence -> new FieldEntry.Reported(sequence, at,
                report.dispatch(), report.at()));
    }

    /**
     * Completes with true once every write handed over before this call is in the journal's log on disk;
     * exceptionally when the journal could not take it. Never blocks. The same as the desk's store's
     * ({@link JournalServiceDeskStore#durable()}): one journal.
     */
    public CompletionStage<Boolean> durable() {
        return journal.whenLogged();
    }

    /**
     * Waits, at most {@code timeout}, until every write handed over before this call is in the database, so that a
     * read of the tables right after a change sees it: the console reads an order's trail and text messages as soon
     * as the desk answered its action or pushed the change, before the journal's next batch otherwise. Blocks.
     *
     * @return whether they are all in the database; false when the journal did not log or write them in time (the
     *         database away) or is stopped: the caller reads what is there
     */
    public boolean awaitWritten(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!journal.whenLogged().toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
        return journal.awaitWritten(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /**
     * Waits (at most the {@code loadWait} given) until the journal has written what its log holds, then reads the
     * open dispatch orders back.
     *
     * @throws DatabaseUnavailableException when the journal could not write its log in time, or the database does
     *                                      not answer
     * @throws IllegalStateException        naming the dispatch order when a stored row cannot be read back
     */
    @Override
    public List<StoredDispatch> load() {
        if (!journal.awaitWritten(loadWait)) {
            throw new DatabaseUnavailableException("the field leg cannot load: the journal has not written its"
                    + " log to the database within " + loadWait.toSeconds() + " s (" + journal.waitingOnDisk()
                    + " entries wait on disk)");
        }
        try {
            return jdbi.withHandle(StoredDispatches::open);
        } catch (JdbiException e) {
            throw new DatabaseUnavailableException("the field leg cannot load: " + e.getMessage(), e);
        }
    }

    private static String about(long workOrderId) {
        return "dispatch order " + workOrderId;
    }
}
