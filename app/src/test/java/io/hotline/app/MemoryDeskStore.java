package io.hotline.app;

import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.spi.ServiceDeskStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fake of {@link ServiceDeskStore} that keeps exactly what the desk's commands carry, in memory, as persistence
 * would in the database: the latest stored form of each work order not released, with the warnings fired; every
 * audit event; the refusals. It outlives a Hotline, so a second Hotline given the same store restores from it (a
 * restart). Thread-safe: the desk thread writes, the test reads.
 */
final class MemoryDeskStore implements ServiceDeskStore {
    private final Map<Long, StoredWorkOrder> held = new TreeMap<>();
    private final List<AuditEvent> audits = new ArrayList<>();
    private final List<DeskCommand.Refused> refusals = new ArrayList<>();
    private final List<DeskCommand.WorkOrderOpened> openings = new ArrayList<>();
    private long maxId;
    private int loads;

    @Override
    public synchronized void opened(DeskCommand.WorkOrderOpened opened) {
        long id = opened.workOrder().id();
        if (id <= maxId) {
            throw new IllegalStateException("work order " + id + " inserted twice, or below an earlier id");
        }
        maxId = id;
        held.put(id, opened.workOrder());
        openings.add(opened);
        audits.add(opened.audit());
    }

    @Override
    public synchronized void changed(DeskCommand.WorkOrderChanged changed) {
        long id = changed.workOrder().id();
        if (!held.containsKey(id)) {
            throw new IllegalStateException("work order " + id + " changed but not held");
        }
        held.put(id, changed.workOrder());
        audits.add(changed.audit());
    }

    @Override
    public synchronized void warningFired(DeskCommand.ClockWarning warning) {
        held.computeIfPresent(warning.workOrderId(), (id, row) -> row.withFired(warning.clock(), warning.level()));
    }

    @Override
    public synchronized void released(DeskCommand.WorkOrderReleased released) {
        held.remove(released.workOrderId());
    }

    @Override
    public synchronized void refused(DeskCommand.Refused refused) {
        refusals.add(refused);
    }

    @Override
    public synchronized StoredDesk load() {
        loads++;
        return new StoredDesk(maxId + 1, new ArrayList<>(held.values()));
    }

    /** The work orders opened for {@code call}, in order (one, when the desk keeps its rule). */
    synchronized List<StoredWorkOrder> openedFor(CallKey call) {
        return openings.stream().map(DeskCommand.WorkOrderOpened::workOrder)
                .filter(workOrder -> call.equals(workOrder.call())).toList();
    }

    /** The latest stored form of the work order of {@code call}, while held. */
    synchronized Optional<StoredWorkOrder> workOrderOf(CallKey call) {
        return held.values().stream().filter(workOrder -> call.equals(workOrder.call())).findFirst();
    }

    /** The audit trail of work order {@code id}, in order. */
    synchronized List<AuditEvent> trail(long id) {
        return audits.stream().filter(audit -> audit.workOrderId() == id).toList();
    }

    synchronized List<DeskCommand.Refused> refusals() {
        return List.copyOf(refusals);
    }

    /** How often a desk was restored from this store. */
    synchronized int loads() {
        return loads;
    }
}
