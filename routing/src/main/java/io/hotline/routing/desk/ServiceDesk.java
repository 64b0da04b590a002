package io.hotline.routing.desk;

import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.loop.Engine;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The service desk: owns every work order Hotline holds and turns {@link DeskEvent}s into {@link DeskCommand}s.
 * <p>
 * In brief: one work order per call (a second arrival of the same call is refused) or opened by hand for an e-mail
 * or walk-in; up the ladder with reasons; every change audited in order; response and resolution clocks per
 * severity, in the contract's business hours where configured, the resolution clock paused while waiting on the
 * customer; warnings at 50 %, 75 % and breach of each clock, each fired once, on the millisecond it is due (the
 * loop delivers a {@link DeskEvent.Tick} at {@link #nextTimer()}). Illegal requests are refused with a reason and
 * change nothing.
 * <p>
 * The field leg (docs/field-service.md): a work order that reaches {@code ON_SITE} opens its dispatch order, sent
 * to the nearest branch on duty ({@link io.hotline.routing.field.NearestBranches}) or left unplaced; the people's
 * and engineers' steps arrive as {@link DeskEvent.Field} and leave as {@link DeskCommand.Field}; its deadlines
 * (acknowledgement per leg, assignment warning and breach, follow-up) are timers of this desk like the clocks'
 * warnings, kept in {@link io.hotline.routing.field.StoredDispatch} with their fired bits and restored with it.
 * <p>
 * Before and after each event, every warning and field deadline due by the clock fires; so a severity change that
 * puts a level behind the clock warns at once, and a restored desk fires what came due while it was down on its
 * first event.
 * <p>
 * Restart: {@link #restore} builds the desk from the stored forms its commands carried; it then behaves as if it
 * had never stopped (same commands for the same events at the same times).
 * <p>
 * Runs on the generic engine loop ({@link Engine}) on its own {@code service-desk} thread. Not thread-safe: confined
 * to that thread. Never throws for bad requests (they are refused); throws
 * {@link IllegalArgumentException} for a stored desk that contradicts itself.
 */
public final class ServiceDesk implements Engine<DeskEvent, DeskCommand, DeskSnapshot> {
    private static final DeskEvent.Tick TICK = new DeskEvent.Tick();
    private final DeskState state;
    private final InstantSource clock;
    private final CallWork calls;
    private final Ladder ladder;
    private final FieldWork field;
    private final FieldActions fieldActions;
    private long eventsApplied;

    /** An empty desk (its first work order gets id 1). */
    public ServiceDesk(DeskConfig config, InstantSource clock) {
        this.state = new DeskState(Objects.requireNonNull(config, "config"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calls = new CallWork(state);
        this.field = new FieldWork(state);
        this.ladder = new Ladder(state, calls, field);
        field.ladder = ladder;
        state.field = field;
        this.fieldActions = new FieldActions(field);
        state.nowMs = clock.millis();
    }

    /**
     * A desk holding {@code stored}'s work orders, allocating from its {@code nextId}: clocks go on where they
     * stopped, fired warnings stay fired, and warnings that came due meanwhile fire on the first event.
     *
     * @throws IllegalArgumentException when two work orders share an id or a call, or an id is not below
     *                                  {@code nextId}
     */
    public static ServiceDesk restore(DeskConfig config, InstantSource clock, StoredDesk stored) {
        ServiceDesk desk = new ServiceDesk(config, clock);
        DeskState state = desk.state;
        state.nextId = stored.nextId();
        for (StoredWorkOrder workOrder : stored.workOrders()) {
            if (workOrder.id() >= stored.nextId()) {
                throw new IllegalArgumentException("work order " + workOrder.id() + " is not below nextId "
                        + stored.nextId());
            }
            DeskWorkOrder restored = DeskWorkOrder.restored(workOrder, state.calendarFor(workOrder.problem()));
            if (state.byId.putIfAbsent(restored.id, restored) != null) {
                throw new IllegalArgumentException("work order " + restored.id + " is stored twice");
            }
            if (restored.call != null && state.byCall.putIfAbsent(restored.call, restored) != null) {
                throw new IllegalArgumentException("call " + restored.call + " has two work orders, "
                        + state.byCall.get(restored.call).id + " and " + restored.id);
            }
            state.reschedule(restored);
            state.count(restored);
            if (restored.state == WorkOrderState.CLOSED) {
                state.scheduleRelease(restored);
            }
        }
        for (StoredDispatch dispatch : stored.dispatches()) {
            boolean open = dispatch.state() != DispatchState.CLOSED && dispatch.state() != DispatchState.CANCELLED;
            if (state.byId.containsKey(dispatch.workOrderId())) {
                desk.field.restore(dispatch);
            } else if (open) {
                throw new IllegalArgumentException("dispatch order " + dispatch.workOrderId() + " is "
                        + dispatch.state() + " but its work order is not held");
            }
        }
        return desk;
    }

    /** Applies one event; the commands it causes go to {@code sink}, in order, before this returns. */
    @Override
    public void apply(DeskEvent event, Consumer<? super DeskCommand> sink) {
        Objects.requireNonNull(event, "event");
        state.emitTo(Objects.requireNonNull(sink, "sink"));
        state.nowMs = Math.max(state.nowMs, clock.millis());
        fireDue();
        dispatch(event);
        fireDue();
        eventsApplied++;
    }

    // One line per event type, delegating to the feature handlers (CONTRIBUTING.md 2).
    private void dispatch(DeskEvent event) {
        if (event instanceof DeskEvent.Tick) {
            return;
        } else if (event instanceof DeskEvent.CallArrived arrived) {
            calls.arrived(arrived);
        } else if (event instanceof DeskEvent.CallConnected connected) {
            calls.connected(connected);
        } else if (event instanceof DeskEvent.CallEnded ended) {
            calls.ended(ended);
        } else if (event instanceof DeskEvent.CallAbandoned abandoned) {
            calls.abandoned(abandoned);
        } else if (event instanceof DeskEvent.CallHandedOff handedOff) {
            calls.handedOff(handedOff);
        } else if (event instanceof DeskEvent.CallEscalated escalated) {
            ladder.callEscalated(escalated);
        } else if (event instanceof DeskEvent.OpenedByHand opened) {
            calls.openedByHand(opened);
        } else if (event instanceof DeskEvent.CustomerContacted contacted) {
            ladder.contacted(contacted);
        } else if (event instanceof DeskEvent.Escalated escalated) {
            ladder.escalate(escalated);
        } else if (event instanceof DeskEvent.SeverityChanged changed) {
            ladder.severity(changed);
        } else if (event instanceof DeskEvent.WaitingOnCustomer waiting) {
            ladder.waitOnCustomer(waiting);
        } else if (event instanceof DeskEvent.Resumed resumed) {
            ladder.resume(resumed);
        } else if (event instanceof DeskEvent.Resolved resolved) {
            ladder.resolve(resolved);
        } else if (event instanceof DeskEvent.Closed closed) {
            ladder.close(closed);
        } else if (event instanceof DeskEvent.Reopened reopened) {
            ladder.reopen(reopened);
        } else if (event instanceof DeskEvent.OwnerReassigned reassigned) {
            ladder.reassign(reassigned);
        } else if (event instanceof DeskEvent.DetailsChanged details) {
            ladder.details(details);
        } else if (event instanceof DeskEvent.Field fieldEvent) {
            fieldActions.apply(fieldEvent.event());
        }
    }

    /**
     * Fires every warning, field deadline and release due by now, in due order (at the same millisecond: warnings,
     * then field deadlines, then releases).
     */
    private void fireDue() {
        while (true) {
            SlaClock due = state.timers.first();
            long warnAt = due == null ? SlaClock.NEVER : due.dueMs;
            DeskState.Release release = state.releases.peek();
            long releaseAt = release == null ? SlaClock.NEVER : release.atMs();
            FieldTimers.Timer deadline = field.firstDue();
            long deadlineAt = deadline == null ? SlaClock.NEVER : deadline.atMs();
            if (deadlineAt < warnAt && deadlineAt <= releaseAt) {
                if (deadlineAt > state.nowMs) {
                    return;
                }
                field.fire(deadline);
            } else if (warnAt <= releaseAt) {
                if (warnAt > state.nowMs) {
                    return;
                }
                warn(due);
            } else {
                if (releaseAt > state.nowMs) {
                    return;
                }
                state.releases.poll();
                release(release);
            }
        }
    }

    private void warn(SlaClock due) {
        DeskWorkOrder workOrder = due.workOrder;
        WarningLevel level = due.nextLevel();
        due.fired |= level.bit();
        List<Recipient> to = workOrder.owner == null
                ? List.of(new Recipient(Recipient.Kind.SUPERVISORS, state.config.supervisors()))
                : List.of(new Recipient(Recipient.Kind.SEAT, workOrder.owner),
                        new Recipient(Recipient.Kind.SUPERVISORS, state.config.supervisors()));
        state.emit(new DeskCommand.ClockWarning(workOrder.id, due.kind, level, Instant.ofEpochMilli(due.dueMs),
                state.now(), workOrder.owner, to));
        state.warningsFired++;
        due.recompute(state.targetMs(workOrder.severity, due.kind), workOrder.calendar, state.nowMs);
        state.timers.update(due);
        if (level == WarningLevel.BREACH) {
            state.recount(workOrder);
        }
    }

    /** Releases a closed work order at the end of its window; a stale entry (reopened since) is dropped. */
    private void release(DeskState.Release release) {
        DeskWorkOrder workOrder = state.byId.get(release.workOrderId());
        if (workOrder != null && workOrder.state == WorkOrderState.CLOSED
                && state.releaseAtMs(workOrder) == release.atMs()) {
            state.release(workOrder);
            field.released(workOrder.id);
            state.emit(new DeskCommand.WorkOrderReleased(workOrder.id, state.now()));
        }
    }

    /** When the next warning or release is due: the loop should deliver a {@link DeskEvent.Tick} by then. */
    @Override
    public Instant nextTimer() {
        long next = Math.min(state.timers.nextDueMs(), field.nextDueMs());
        DeskState.Release release = state.releases.peek();
        if (release != null) {
            next = Math.min(next, release.atMs());
        }
        return Instant.ofEpochMilli(next);
    }

    /** A {@link DeskEvent.Tick}: it fires the warnings and releases due and changes nothing else. */
    @Override
    public DeskEvent tick() {
        return TICK;
    }

    /** The live figures, as an immutable snapshot (kept up to date as work orders change: no scan). */
    @Override
    public DeskSnapshot snapshot() {
        return new DeskSnapshot(state.now(), eventsApplied, state.byId.size(),
                figures(WorkOrderState.values(), state.byState, WorkOrderState.class),
                figures(Tier.values(), state.openByTier, Tier.class),
                state.warningsFired, figures(ClockKind.values(), state.breached, ClockKind.class));
    }

    /** The non-zero counts as a map. */
    private static <K extends Enum<K>> Map<K, Integer> figures(K[] keys, int[] counts, Class<K> type) {
        Map<K, Integer> figures = new EnumMap<>(type);
        for (K key : keys) {
            if (counts[key.ordinal()] != 0) {
                figures.put(key, counts[key.ordinal()]);
            }
        }
        return figures;
    }

    /** How many events were applied, ticks included. */
    @Override
    public long eventsApplied() {
        return eventsApplied;
    }

    /** A held work order's stored form, or empty when the desk does not hold it. */
    public Optional<StoredWorkOrder> workOrder(long id) {
        return Optional.ofNullable(state.byId.get(id)).map(DeskWorkOrder::stored);
    }

    /** The work order of a call, when the desk holds it. */
    public Optional<StoredWorkOrder> workOrderOf(CallKey call) {
        return Optional.ofNullable(state.byCall.get(call)).map(DeskWorkOrder::stored);
    }

    /** Every held work order's stored form, by id. */
    public List<StoredWorkOrder> workOrders() {
        List<StoredWorkOrder> all = new ArrayList<>(state.byId.size());
        state.byId.values().forEach(workOrder -> all.add(workOrder.stored()));
        all.sort(Comparator.comparingLong(StoredWorkOrder::id));
        return all;
    }

    /** A held work order's dispatch order (opened when it went on site), or empty. */
    public Optional<StoredDispatch> dispatch(long workOrderId) {
        return field.stored(workOrderId);
    }

    /** Every held dispatch order's stored form, by work order id. */
    public List<StoredDispatch> dispatches() {
        return field.stored();
    }

    /** What a restart would restore from if the store holds everything the commands carried. */
    public StoredDesk stored() {
        return new StoredDesk(state.nextId, workOrders(), dispatches());
    }

    /** The id the next opened work order gets. */
    public long nextId() {
        return state.nextId;
    }
}
