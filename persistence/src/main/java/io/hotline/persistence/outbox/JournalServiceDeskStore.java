package io.hotline.persistence.outbox;

import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.spi.ServiceDeskStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The service desk's store in production: every write is a {@link DeskEntry} handed to the one durable journal
 * (the {@link DurableRoutingJournal} that also takes routing's entries), numbered in one order with them, fsynced
 * to its log and written to the database in its batches ({@link DeskWrites}). A work order's insert, its stored
 * forms, audit events, warnings fired and release thus reach the database exactly once, in the desk's order, also
 * across database outages and {@code kill -9}; and because the warning's notifications ({@link JournalNotifier})
 * go through the same log right after it, a warning lost in a crash is lost with its notifications, and the
 * restored desk fires it again: once.
 * <p>
 * {@link #load()} first waits until the journal has written what its log holds (an earlier run's entries among
 * them), then reads every work order not released and the next id above every id in the database.
 * {@link #orphanCalls} gives the calls that joined without a work order (a crash between the call engine and the
 * desk), for app to hand to the desk at start.
 * <p>
 * Threading: the writes are called on the service-desk thread and never block (they offer to the journal's bounded
 * queue; a full queue drops and counts, as the journal's health says); {@link #durable()} tells when what was
 * written so far is on disk. {@link #load()} and {@link #orphanCalls}
 * block on I/O. Thread-safe.
 */
public final class JournalServiceDeskStore implements ServiceDeskStore {
    private final DurableRoutingJournal journal;
    private final Jdbi jdbi;
    private final String asteriskServer;
    private final InstantSource clock;
    private final Duration loadWait;

    /**
     * @param journal        the journal app started ({@link DurableRoutingJournal#start}); the desk's entries go
     *                       to its log
     * @param jdbi           the database the journal writes to (Hotline's instant mapping: {@code Database.jdbi()})
     * @param asteriskServer the Asterisk server whose calls the journal records ({@link #orphanCalls})
     * @param clock          stamps the entries with when they were handed over (the commands carry their own
     *                       times; this is the line's time)
     * @param loadWait       how long {@link #load()} waits for the journal to write what its log holds
     */
    public JournalServiceDeskStore(DurableRoutingJournal journal, Jdbi jdbi, String asteriskServer,
                                   InstantSource clock, Duration loadWait) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.asteriskServer = Objects.requireNonNull(asteriskServer, "asteriskServer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.loadWait = Objects.requireNonNull(loadWait, "loadWait");
        if (loadWait.isNegative()) {
            throw new IllegalArgumentException("loadWait must not be negative: " + loadWait);
        }
    }

    @Override
    public void opened(DeskCommand.WorkOrderOpened opened) {
        Instant at = clock.instant();
        journal.append(about(opened.workOrder().id()), sequence -> new DeskEntry.Opened(sequence, at,
                opened.workOrder(), opened.audit()));
    }

    @Override
    public void changed(DeskCommand.WorkOrderChanged changed) {
        Instant at = clock.instant();
        journal.append(about(changed.workOrder().id()), sequence -> new DeskEntry.Changed(sequence, at,
                changed.workOrder(), changed.audit()));
    }

    /** Recorded at the time it fired ({@code firedAt}). */
    @Override
    public void warningFired(DeskCommand.ClockWarning warning) {
        journal.append(about(warning.workOrderId()), sequence -> new DeskEntry.WarningFired(sequence,
                warning.firedAt(), warning.workOrderId(), warning.clock(), warning.level(), warning.dueAt()));
    }

    @Override
    public void released(DeskCommand.WorkOrderReleased released) {
        journal.append(about(released.workOrderId()), sequence -> new DeskEntry.Released(sequence, released.at(),
                released.workOrderId()));
    }

    /** Kept in {@code desk_refusal}, with who asked. */
    @Override
    public void refused(DeskCommand.Refused refused) {
        Instant at = clock.instant();
        journal.append(refused.subject(), sequence -> new DeskEntry.Refused(sequence, at, refused.subject(),
                refused.request(), refused.reason(), refused.actor()));
    }

    /**
     * Completes with true once every write handed over before this call (and every notification) is in the
     * journal's log on disk, so it survives {@code kill -9}; exceptionally when the journal could not take it
     * (stopped, or full). Never blocks. For the engine loop, to hand the next batch over only once what the desk
     * has seen is durable (the port's promise), by waiting on it at the end of a batch: about one fsync.
     */
    public CompletionStage<Boolean> durable() {
        return journal.whenLogged();
    }

    /**
     * Waits (at most the {@code loadWait} given) until the journal has written what its log holds, then reads the
     * desk back.
     *
     * @throws DatabaseUnavailableException when the journal could not write its log in time, or the database does
     *                                      not answer
     * @throws IllegalStateException        naming the work order when a stored row cannot be read back
     */
    @Override
    public StoredDesk load() {
        if (!journal.awaitWritten(loadWait)) {
            throw new DatabaseUnavailableException("the service desk cannot load: the journal has not written its"
                    + " log to the database within " + loadWait.toSeconds() + " s (" + journal.waitingOnDisk()
                    + " entries wait on disk)");
        }
        try {
            return jdbi.withHandle(StoredWorkOrders::load);
        } catch (JdbiException e) {
            throw new DatabaseUnavailableException("the service desk cannot load: " + e.getMessage(), e);
        }
    }

    /**
     * The calls of this journal's Asterisk server that joined at or after {@code since} (their {@code call_record})
     * and have no work order: the call engine recorded them, but Hotline stopped before the desk's opening was on
     * disk. At start, after {@link #load()} (which waits for the journal), app tells the desk each one arrived; the
     * desk's refusal of a second arrival keeps it to one work order per call. Oldest first; blocks on I/O.
     */
    public List<CallJoinedWithoutWorkOrder> orphanCalls(Instant since) {
        Objects.requireNonNull(since, "since");
        return jdbi.withHandle(handle -> CallJoinedWithoutWorkOrder.find(handle, asteriskServer, since));
    }

    private static String about(long workOrderId) {
        return "work order " + workOrderId;
    }
}
