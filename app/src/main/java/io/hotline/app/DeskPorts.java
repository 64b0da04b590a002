package io.hotline.app;

import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.outbox.JournalNotifier;
import io.hotline.persistence.outbox.JournalServiceDeskStore;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.spi.Notifier;
import io.hotline.routing.spi.ServiceDeskStore;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * What the service desk needs from the world: where its work orders are kept and restored from, whom it tells,
 * and which calls joined without a work order. Immutable; the parts are thread-safe.
 *
 * @param store    keeps what the desk decides and gives it back on start
 * @param notifier pushes openings, changes, warnings and refusals to the people concerned
 * @param orphans  the calls that joined in an earlier run and have no work order
 */
record DeskPorts(ServiceDeskStore store, Notifier notifier, OrphanCalls orphans) {

    DeskPorts {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(orphans, "orphans");
    }

    /**
     * The desk's ports in production: its store and its notifier write through the one durable journal (the desk's
     * work orders, audit trail and warnings, and a notification inbox per recipient), and the calls that joined
     * without a work order come from the calls' records. Such a call arrives at the desk with the severity of a
     * caller who chose none ({@code P3}): the call's record does not keep the one the dialplan gave.
     *
     * @param loadWait how long the store's load waits for the journal to write what its log holds
     */
    static DeskPorts journalled(Jdbi jdbi, DurableRoutingJournal journal, HotlineConfiguration config,
                                Duration loadWait) {
        JournalServiceDeskStore store = new JournalServiceDeskStore(journal, jdbi, config.asteriskName(),
                InstantSource.system(), loadWait);
        return new DeskPorts(store, new JournalNotifier(journal, config.desk().supervisors(), InstantSource.system()),
                since -> store.orphanCalls(since).stream()
                        .map(orphan -> new DeskEvent.CallArrived(orphan.call(), orphan.problem(), Severity.P3))
                        .toList());
    }
}
