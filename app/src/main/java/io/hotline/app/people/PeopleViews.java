package io.hotline.app.people;

import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.web.desktop.SeatCard;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The people's read models and pushes, put together: the extra sink of each engine's commands
 * ({@link #routingCommand} on the routing thread, {@link #deskCommand} on the desk's), and what the desktop
 * backend reads. Thread-safe as its parts are.
 */
public final class PeopleViews {
    private final SeatBoard seats;
    private final OpenWorkOrders workOrders;
    private final ScreenPops pops;
    private final DesktopPushes pushes;

    /**
     * @param seats    the seats known at start, logged out, with names and tiers
     * @param sources  where screen-pops come from and where they and every other push go (its work orders are
     *                 the read model fed here)
     * @param executor builds screen-pops: bounded, its own threads
     * @param clock    when changes happen
     */
    public PeopleViews(Collection<SeatCard> seats, ScreenPops.Sources sources, Executor executor,
                       InstantSource clock) {
        this.workOrders = Objects.requireNonNull(sources, "sources").workOrders();
        this.pops = new ScreenPops(sources, executor, clock);
        this.pushes = new DesktopPushes(sources.push(), pops, clock, sources.workOrders());
        this.seats = new SeatBoard(seats, clock, pushes);
    }

    /** Routing's commands, as the dispatcher hands them out; on the routing thread. */
    public void routingCommand(RoutingCommand command) {
        seats.accept(command);
    }

    /**
     * An event routing has just applied, on the routing thread: a softphone's device state is an event that routing
     * emits no command for, so the seat board hears it here.
     */
    public void routingEvent(RoutingEvent event) {
        if (event instanceof RoutingEvent.DeviceStateChanged device) {
            seats.deviceChanged(device.seatId(), device.state());
        }
    }

    /** The desk's commands, as the dispatcher hands them out; on the desk's thread. */
    public void deskCommand(DeskCommand command) {
        if (command instanceof DeskCommand.ClockWarning warning) {
            pushes.warned(warning);
        }
        workOrders.accept(command).ifPresent(pushes);
    }

    /** The desk's work orders as restored at start, before its thread starts. */
    public void deskRestored(StoredDesk desk) {
        workOrders.restore(desk.workOrders());
    }

    public SeatBoard seats() {
        return seats;
    }

    public OpenWorkOrders workOrders() {
        return workOrders;
    }

    public ScreenPops pops() {
        return pops;
    }
}
