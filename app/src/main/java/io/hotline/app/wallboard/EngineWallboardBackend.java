package io.hotline.app.wallboard;

import io.hotline.routing.engine.RoutingSnapshot;
import io.hotline.routing.field.FieldDirectory;
import io.hotline.routing.field.StoredDispatch;
import io.hotline.routing.queue.QueueConfig;
import io.hotline.web.desktop.DesktopBackend;
import io.hotline.web.wallboard.WallboardAssembly;
import io.hotline.web.wallboard.WallboardBackend;
import io.hotline.web.wallboard.WallboardSnapshot;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The wallboard over what the engines publish: routing's snapshot, the seat board and the open work orders (through
 * the desktop's backend, which reads the same read models), the field leg's dispatch orders and directory, and
 * today's figures as {@link WallboardToday} gives them. Not ready until {@linkplain #attach attached} (once
 * routing and the desk run) and the desktop's backend is ready.
 * <p>
 * Thread-safe: the sources are published through a volatile field; everything read is an immutable value.
 */
public final class EngineWallboardBackend implements WallboardBackend {
    private final InstantSource clock;
    private volatile Sources sources;

    /**
     * What the snapshot is built from. Immutable.
     *
     * @param routing    routing's latest snapshot
     * @param queues     the configured queues, by name
     * @param desktop    the seats and the open work orders
     * @param dispatches the dispatch orders held (open and recently closed)
     * @param directory  the branches
     * @param today      today's figures from the records
     */
    public record Sources(Supplier<RoutingSnapshot> routing, Map<String, QueueConfig> queues, DesktopBackend desktop,
                          Supplier<Collection<StoredDispatch>> dispatches, Supplier<FieldDirectory> directory,
                          WallboardToday today) {
        public Sources {
            Objects.requireNonNull(routing, "routing");
            queues = Map.copyOf(queues);
            Objects.requireNonNull(desktop, "desktop");
            Objects.requireNonNull(dispatches, "dispatches");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(today, "today");
        }
    }

    /** @param clock the desk's clock (the SLA clocks' and dispatch deadlines' time) */
    public EngineWallboardBackend(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts answering from {@code ready}. */
    public void attach(Sources ready) {
        this.sources = Objects.requireNonNull(ready, "ready");
    }

    @Override
    public boolean ready() {
        Sources attached = sources;
        return attached != null && attached.desktop().ready();
    }

    @Override
    public WallboardSnapshot snapshot() {
        Sources attached = sources;
        if (attached == null) {
            throw new IllegalStateException("the wallboard is not attached yet");
        }
        WallboardAssembly.Floor floor = new WallboardAssembly.Floor(attached.routing().get(), attached.queues(),
                attached.desktop().seats(), attached.desktop().workOrders(), attached.dispatches().get());
        return WallboardAssembly.build(clock.instant(), floor, attached.today().current(),
                attached.directory().get());
    }
}
