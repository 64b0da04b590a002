package io.hotline.routing.desk;

import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.spi.ServiceDeskStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake of {@link ServiceDeskStore} that keeps exactly what the commands carry, as persistence would: the
 * latest stored form per work order and per dispatch order, the warnings fired, the audit trails, the
 * refusals. What it loads is what a restart after {@code kill -9} gets.
 */
final class InMemoryDeskStore implements ServiceDeskStore {
    private final Map<Long, StoredWorkOrder> held = new TreeMap<>();
    /** The latest form of each dispatch order, as {@code FieldStore.dispatchChanged} keeps it. */
    final Map<Long, StoredDispatch> dispatches = new TreeMap<>();
    final Map<Long, List<AuditEvent>> trails = new HashMap<>();
    final List<DeskCommand.Refused> refusals = new ArrayList<>();
    private long maxId;

    /** Hands a command to the methods of the port it goes to. */
    void accept(DeskCommand command) {
        if (command instanceof DeskCommand.WorkOrderOpened opened) {
            opened(opened);
        } else if (command instanceof DeskCommand.WorkOrderChanged changed) {
            changed(changed);
        } else if (command instanceof DeskCommand.ClockWarning warning) {
            warningFired(warning);
        } else if (command instanceof DeskCommand.WorkOrderReleased released) {
            released(released);
        } else if (command instanceof DeskCommand.Refused refused) {
            refused(refused);
        } else if (command instanceof DeskCommand.Field field
                && field.command() instanceof FieldCommand.DispatchChanged changed) {
            dispatches.put(changed.dispatch().workOrderId(), changed.dispatch());
        }
    }

    @Override
    public void opened(DeskCommand.WorkOrderOpened opened) {
        long id = opened.workOrder().id();
        if (trails.containsKey(id)) {
            throw new IllegalStateException("work order " + id + " inserted twice");
        }
        held.put(id, opened.workOrder());
        trails.computeIfAbsent(id, k -> new ArrayList<>()).add(opened.audit());
        maxId = Math.max(maxId, id);
    }

    @Override
    public void changed(DeskCommand.WorkOrderChanged changed) {
        long id = changed.workOrder().id();
        if (!held.containsKey(id)) {
            throw new IllegalStateException("work order " + id + " changed but not held");
        }
        held.put(id, changed.workOrder());
        trails.get(id).add(changed.audit());
    }

    @Override
    public void warningFired(DeskCommand.ClockWarning warning) {
        held.computeIfPresent(warning.workOrderId(), (id, row) -> row.withFired(warning.clock(), warning.level()));
    }

    @Override
    public void released(DeskCommand.WorkOrderReleased released) {
        held.remove(released.workOrderId());
        dispatches.remove(released.workOrderId());
    }

    @Override
    public void refused(DeskCommand.Refused refused) {
        refusals.add(refused);
    }

    @Override
    public StoredDesk load() {
        return new StoredDesk(maxId + 1, new ArrayList<>(held.values()), new ArrayList<>(dispatches.values()));
    }

    /** Every work order ever opened, with its trail. */
    List<WorkOrderHistory> histories() {
        List<WorkOrderHistory> all = new ArrayList<>();
        trails.forEach((id, trail) -> {
            AuditEvent opening = trail.get(0);
            StoredWorkOrder row = held.get(id);
            all.add(new WorkOrderHistory(id, row == null ? null : row.problem().customerId(),
                    row == null ? null : row.problem().productLine(), opening.at(), trail));
        });
        return all;
    }
}
