package io.hotline.app;

import io.hotline.app.loop.EngineLoop;
import io.hotline.app.loop.EngineLoopConfig;
import io.hotline.app.loop.EngineLoopHealthCheck;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.desk.DeskSnapshot;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.loop.Inbox;
import io.hotline.routing.spi.HealthCheck;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service desk at work: the generic {@link EngineLoop} on the {@code service-desk} thread owns the
 * {@link ServiceDesk}, drains its {@link Inbox} in batches of up to {@value #MAX_BATCH}, publishes its
 * {@link DeskSnapshot} at the end of each batch and hands the commands to the {@link DeskCommandDispatcher}. This
 * class only restores the desk from its store, tells it the calls an earlier run left without a work order, and
 * chooses the thread name, inbox size and ports.
 * <p>
 * Thread-safe: {@link #inbox()}'s offers, {@link #loop()}'s snapshot and counters and the health check may be called
 * from any thread; nothing but the service-desk thread touches the desk. {@link #close()} lets the thread apply
 * what is in the inbox, then stops it.
 */
final class DeskService implements AutoCloseable {
    /** The desk thread's name, as thread dumps and logs show it. */
    static final String THREAD_NAME = "service-desk";
    /** The health component's name. */
    static final String COMPONENT = "service-desk";
    /** Events the inbox holds before it refuses more. */
    static final int INBOX_CAPACITY = 65_536;
    /** The most events applied between two snapshots. */
    static final int MAX_BATCH = 1_024;
    /** How far back the calls without a work order are looked for at start. */
    static final Duration ORPHAN_WINDOW = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(DeskService.class);

    private final Inbox<DeskEvent> inbox;
    private final EngineLoop<DeskEvent, DeskCommand, DeskSnapshot> loop;

    /**
     * A service that is not started yet.
     *
     * @param desk       the desk; from now on touched only by the service-desk thread
     * @param inbox      where producers offer events
     * @param dispatcher where the commands go
     * @param clock      the desk's clock, to know when its next warning is due
     */
    DeskService(ServiceDesk desk, Inbox<DeskEvent> inbox, DeskCommandDispatcher dispatcher, InstantSource clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.loop = new EngineLoop<>(new EngineLoopConfig(THREAD_NAME, MAX_BATCH), desk, inbox,
                Objects.requireNonNull(dispatcher, "dispatcher")::dispatch, clock);
    }

    /**
     * Restores the desk from what the store kept (blocks on it), queues the arrivals of the calls that joined in
     * the last {@link #ORPHAN_WINDOW} without a work order ahead of everything else, and starts the thread. Call
     * once the journal has written what an earlier run left, and before calls are taken.
     *
     * @throws IllegalStateException when the store holds a desk that contradicts itself
     */
    static DeskService start(DeskConfig config, InstantSource clock, DeskPorts ports) {
        return start(config, clock, ports, command -> { }, restored -> { });
    }

    /**
     * {@link #start(DeskConfig, InstantSource, DeskPorts)}, telling the people's read models what the desk was
     * restored with (before its thread starts) and each command after.
     */
    static DeskService start(DeskConfig config, InstantSource clock, DeskPorts ports,
                             Consumer<DeskCommand> readModels, Consumer<StoredDesk> restoredTo) {
        return start(config, clock, ports, readModels, restoredTo, new Field(command -> {
            throw new IllegalStateException("no field leg is wired to carry out " + command);
        }, List::of));
    }

    /**
     * The field leg's side of the desk's ports: where its commands go, and the open dispatch orders its store kept
     * (loaded once, at start, beside the work orders).
     */
    record Field(Consumer<FieldCommand> commands, Supplier<List<StoredDispatch>> dispatches) {
        Field {
            Objects.requireNonNull(commands, "commands");
            Objects.requireNonNull(dispatches, "dispatches");
        }
    }

    /**
     * {@link #start(DeskConfig, InstantSource, DeskPorts, Consumer, Consumer)} with the field leg: its dispatch
     * orders restored with the work orders, its commands carried out by {@code field}.
     */
    static DeskService start(DeskConfig config, InstantSource clock, DeskPorts ports,
                             Consumer<DeskCommand> readModels, Consumer<StoredDesk> restoredTo, Field field) {
        StoredDesk workOrders = ports.store().load();
        StoredDesk stored = new StoredDesk(workOrders.nextId(), workOrders.workOrders(), field.dispatches().get());
        ServiceDesk desk;
        try {
            desk = ServiceDesk.restore(config, clock, stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the service desk's store holds work orders that contradict each other: "
                    + e.getMessage(), e);
        }
        DeskService service = new DeskService(desk, new Inbox<>(INBOX_CAPACITY),
                new DeskCommandDispatcher(ports.store(), ports.notifier(), readModels, field.commands()), clock);
        restoredTo.accept(stored);
        List<DeskEvent.CallArrived> orphans = ports.orphans().joinedWithoutWorkOrder(
                clock.instant().minus(ORPHAN_WINDOW));
        int queued = 0;
        for (DeskEvent.CallArrived orphan : orphans) {
            if (service.inbox.offer(orphan)) {
                queued++;
            }
        }
        if (queued < orphans.size()) {
            LOG.error("The service desk's inbox took {} of the {} calls an earlier run left without a work order;"
                    + " the others get theirs at the next start", queued, orphans.size());
        } else if (queued > 0) {
            LOG.info("{} calls an earlier run left without a work order get theirs now", queued);
        }
        service.loop.start();
        LOG.info("Service desk restored with {} work orders and {} dispatch orders (next id {})",
                stored.workOrders().size(), stored.dispatches().size(), stored.nextId());
        return service;
    }

    /** The inbox producers (the call engine's feed, later seats' desktops) offer events to. */
    Inbox<DeskEvent> inbox() {
        return inbox;
    }

    /** The loop running the desk: its snapshot, inbox depth, refusals and failures, readable from any thread. */
    EngineLoop<DeskEvent, DeskCommand, DeskSnapshot> loop() {
        return loop;
    }

    /** A new health check of the {@code service-desk} component (it remembers refusals between its checks). */
    HealthCheck healthCheck() {
        return new EngineLoopHealthCheck(COMPONENT, loop);
    }

    /** Stops the desk thread once it has applied what is in the inbox. Idempotent. */
    @Override
    public void close() {
        loop.close();
    }
}
