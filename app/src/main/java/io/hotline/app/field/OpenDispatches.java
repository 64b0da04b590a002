package io.hotline.app.field;

import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.StoredDispatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The read model of the consoles: every dispatch order the desk holds, in its latest stored form, plus those that
 * closed within the last {@link #KEEP_CLOSED} (so a duty manager sees what was just finished). Fed on the
 * service-desk thread by the desk's commands and, at start, by what the desk was restored with.
 * <p>
 * Thread-safe: one writer (the service-desk thread, or the starting thread before the desk runs); readers on any
 * thread see an immutable map published through a volatile field (copy on write: dispatch changes are rare next to
 * reads).
 */
public final class OpenDispatches {
    /** How long a closed or cancelled order stays visible. */
    static final Duration KEEP_CLOSED = Duration.ofHours(24);
    private volatile Map<Long, StoredDispatch> byId = Map.of();

    /** What the desk was restored with (before its thread starts). */
    public void restored(Collection<StoredDispatch> dispatches) {
        Map<Long, StoredDispatch> next = new HashMap<>();
        dispatches.forEach(dispatch -> next.put(dispatch.workOrderId(), dispatch));
        byId = Map.copyOf(next);
    }

    /** A command of the desk: a dispatch change replaces the order's form; everything else is ignored. */
    public void deskCommand(DeskCommand command) {
        if (command instanceof DeskCommand.Field field
                && field.command() instanceof FieldCommand.DispatchChanged changed) {
            StoredDispatch dispatch = changed.dispatch();
            Instant now = changed.step().at();
            Map<Long, StoredDispatch> next = new HashMap<>(byId);
            next.put(dispatch.workOrderId(), dispatch);
            next.values().removeIf(held -> finished(held) && held.closedAt() != null
                    && held.closedAt().plus(KEEP_CLOSED).isBefore(now));
            byId = Map.copyOf(next);
        }
    }

    /** The order of work order {@code workOrderId}, when held. */
    public Optional<StoredDispatch> order(long workOrderId) {
        return Optional.ofNullable(byId.get(workOrderId));
    }

    /** The orders a branch holds now (its current leg), by number. */
    public List<StoredDispatch> ofBranch(String branchCode) {
        Objects.requireNonNull(branchCode, "branchCode");
        List<StoredDispatch> orders = new ArrayList<>();
        for (StoredDispatch dispatch : byId.values()) {
            if (branchCode.equals(dispatch.branchCode())) {
                orders.add(dispatch);
            }
        }
        orders.sort(Comparator.comparingLong(StoredDispatch::workOrderId));
        return orders;
    }

    /** Every order held, by number (headquarters' view). */
    public List<StoredDispatch> all() {
        List<StoredDispatch> orders = new ArrayList<>(byId.values());
        orders.sort(Comparator.comparingLong(StoredDispatch::workOrderId));
        return orders;
    }

    private static boolean finished(StoredDispatch dispatch) {
        return dispatch.state() == DispatchState.CLOSED || dispatch.state() == DispatchState.CANCELLED;
    }
}
