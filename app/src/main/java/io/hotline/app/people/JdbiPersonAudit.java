package io.hotline.app.people;

import io.hotline.persistence.accounts.PersonAuditEntry;
import io.hotline.persistence.accounts.PersonAuditStore;
import io.hotline.web.auth.PersonAudit;
import io.hotline.web.auth.PersonAuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audited person actions to {@code person_audit} off the event loop: {@link #record} only offers the entry
 * to a bounded queue; the {@code person-audit} thread writes what is queued in batches. A full queue (the database
 * down for long) drops the entry and counts it, logged at the first and every 100th drop. Entries recorded before
 * {@link #start} (sign-ins refused while the database opens) wait in the queue. Thread-safe.
 */
public final class JdbiPersonAudit implements PersonAudit, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiPersonAudit.class);
    /** Entries waiting at most. */
    static final int QUEUE = 10_000;
    private static final int BATCH = 200;

    private final BlockingQueue<PersonAuditEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private Thread writer;

    @Override
    public void record(PersonAuditEvent event) {
        if (!queue.offer(event)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 100 == 0) {
                LOG.warn("The person audit is {} entries behind the database: {} entries dropped so far", QUEUE,
                        count);
            }
        }
    }

    /** Starts writing to the database of {@code jdbi}; called once, on the lifecycle thread. */
    public void start(Jdbi jdbi) {
        PersonAuditStore store = new PersonAuditStore(jdbi);
        writer = new Thread(() -> write(store), "person-audit");
        writer.setDaemon(true);
        writer.start();
    }

    /** How many entries were dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void write(PersonAuditStore store) {
        List<PersonAuditEvent> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(batch, BATCH - 1);
            try {
                store.append(batch.stream().map(JdbiPersonAudit::entry).toList());
            } catch (RuntimeException e) {
                LOG.warn("Could not write {} person audit entries: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
        // Stopping: what is still queued is written once more, best effort.
        queue.drainTo(batch);
        if (!batch.isEmpty()) {
            try {
                store.append(batch.stream().map(JdbiPersonAudit::entry).toList());
            } catch (RuntimeException e) {
                LOG.warn("Could not write {} person audit entries at stop: {}", batch.size(), e.toString());
            }
        }
    }

    private static PersonAuditEntry entry(PersonAuditEvent event) {
        return new PersonAuditEntry(event.at(), event.login(), Optional.ofNullable(event.role()), event.action(),
                Optional.ofNullable(event.subject()), Optional.ofNullable(event.detail()), event.status(),
                Optional.of(event.remoteAddress()).filter(address -> !address.isEmpty()));
    }

    @Override
    public void close() throws InterruptedException {
        if (writer != null) {
            writer.interrupt();
            writer.join(3_000);
        }
    }
}
