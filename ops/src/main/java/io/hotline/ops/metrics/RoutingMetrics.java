package io.hotline.ops.metrics;

import io.hotline.routing.engine.QueueSnapshot;
import io.hotline.routing.engine.RoutingSnapshot;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The routing engine's figures as meters: per queue (waiting, longest wait, service level with and without
 * abandons, answered, abandoned, average speed of answer), seats per tier and state, occupancy, events applied and
 * failed,
 * and the inbox's depth and refusals. See {@link HotlineMeters} for the names.
 * <p>
 * Every meter reads the latest published {@link RoutingSnapshot} or a thread-safe counter through the suppliers
 * given; none reaches into the engine, which belongs to the routing thread. A queue missing from the snapshot (before
 * the engine's first batch) reads as NaN on gauges and 0 on counters. Tags are bounded: the configured queues, the
 * three seat tiers and the six seat states.
 * <p>
 * Thread-safe: meters may be read on any thread. Bind once; {@link #close()} removes the meters again.
 */
public final class RoutingMetrics implements MeterBinder, AutoCloseable {
    private final Set<String> queues;
    private final Supplier<RoutingSnapshot> snapshot;
    private final IntSupplier inboxDepth;
    private final LongSupplier inboxRefused;
    private final LongSupplier eventsFailed;
    private final List<Meter> meters = new ArrayList<>();
    private MeterRegistry registry;

    /**
     * @param queues       the configured queue names, one {@code queue} tag value each
     * @param snapshot     the latest published snapshot (a volatile read, never the engine)
     * @param inboxDepth   events waiting in the routing inbox
     * @param inboxRefused events refused by the full inbox since start
     * @param eventsFailed events and commands whose handling threw on the routing thread since start
     */
    public RoutingMetrics(Set<String> queues, Supplier<RoutingSnapshot> snapshot, IntSupplier inboxDepth,
                          LongSupplier inboxRefused, LongSupplier eventsFailed) {
        this.queues = Set.copyOf(queues);
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.inboxDepth = Objects.requireNonNull(inboxDepth, "inboxDepth");
        this.inboxRefused = Objects.requireNonNull(inboxRefused, "inboxRefused");
        this.eventsFailed = Objects.requireNonNull(eventsFailed, "eventsFailed");
    }

    @Override
    public synchronized void bindTo(MeterRegistry meterRegistry) {
        if (registry != null) {
            throw new IllegalStateException("routing metrics are already bound");
        }
        registry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        for (String queue : queues) {
            bindQueue(queue);
        }
        for (Tier tier : Tier.values()) {
            if (tier.isSeatTier()) {
                for (SeatState state : SeatState.values()) {
                    gauge(HotlineMeters.ROUTING_SEATS, current -> current.seats(tier, state),
                            HotlineMeters.TagKey.TIER.key(), tier.name(), HotlineMeters.TagKey.STATE.key(),
                            state.name());
                }
            }
        }
        gauge(HotlineMeters.ROUTING_OCCUPANCY, RoutingMetrics::occupancy);
        counter(HotlineMeters.ROUTING_EVENTS_APPLIED, metrics -> metrics.snapshot.get().sequence());
        counter(HotlineMeters.ROUTING_EVENTS_FAILED, metrics -> metrics.eventsFailed.getAsLong());
        counter(HotlineMeters.ROUTING_INBOX_REFUSED, metrics -> metrics.inboxRefused.getAsLong());
        HotlineMeters depth = HotlineMeters.ROUTING_INBOX_DEPTH;
        meters.add(Gauge.builder(depth.meterName(), this, metrics -> metrics.inboxDepth.getAsInt())
                .description(depth.description()).strongReference(true).register(registry));
    }

    private void bindQueue(String queue) {
        String tag = HotlineMeters.TagKey.QUEUE.key();
        queueGauge(HotlineMeters.ROUTING_QUEUE_WAITING, queue, QueueSnapshot::waiting);
        queueGauge(HotlineMeters.ROUTING_QUEUE_LONGEST_WAIT, queue, figures -> seconds(figures.longestWait()));
        queueGauge(HotlineMeters.ROUTING_QUEUE_SERVICE_LEVEL, queue, QueueSnapshot::serviceLevel);
        queueGauge(HotlineMeters.ROUTING_QUEUE_SERVICE_LEVEL_WITH_ABANDONS, queue,
                QueueSnapshot::serviceLevelWithAbandons);
        queueGauge(HotlineMeters.ROUTING_QUEUE_ASA, queue, figures -> seconds(figures.averageSpeedOfAnswer()));
        counter(HotlineMeters.ROUTING_QUEUE_ANSWERED, metrics -> metrics.queueCount(queue, QueueSnapshot::answered),
                tag, queue);
        counter(HotlineMeters.ROUTING_QUEUE_ABANDONED,
                metrics -> metrics.queueCount(queue, QueueSnapshot::abandoned), tag, queue);
    }

    /**
     * Seats RESERVED, ON_CALL or WRAP_UP / seats logged in and not NOT_READY (docs/figures.md); 0 with no such seat.
     */
    static double occupancy(RoutingSnapshot current) {
        int busy = 0;
        int available = 0;
        for (Tier tier : Tier.values()) {
            busy += current.seats(tier, SeatState.RESERVED) + current.seats(tier, SeatState.ON_CALL)
                    + current.seats(tier, SeatState.WRAP_UP);
            available += current.seats(tier, SeatState.READY);
        }
        available += busy;
        return available == 0 ? 0 : (double) busy / available;
    }

    private void queueGauge(HotlineMeters meter, String queue, ToDoubleFunction<QueueSnapshot> figure) {
        gauge(meter, current -> {
            QueueSnapshot figures = current.queues().get(queue);
            return figures == null ? Double.NaN : figure.applyAsDouble(figures);
        }, HotlineMeters.TagKey.QUEUE.key(), queue);
    }

    private void gauge(HotlineMeters meter, ToDoubleFunction<RoutingSnapshot> read, String... tags) {
        meters.add(Gauge.builder(meter.meterName(), this, metrics -> read.applyAsDouble(metrics.snapshot.get()))
                .description(meter.description()).baseUnit(meter.baseUnit()).tags(meter.tags(tags))
                .strongReference(true).register(registry));
    }

    private void counter(HotlineMeters meter, ToDoubleFunction<RoutingMetrics> read, String... tags) {
        meters.add(FunctionCounter.builder(meter.meterName(), this, read).description(meter.description())
                .baseUnit(meter.baseUnit()).tags(meter.tags(tags)).register(registry));
    }

    private double queueCount(String queue, ToDoubleFunction<QueueSnapshot> count) {
        QueueSnapshot figures = snapshot.get().queues().get(queue);
        return figures == null ? 0 : count.applyAsDouble(figures);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** Removes the meters from the registry they were bound to. Idempotent. */
    @Override
    public synchronized void close() {
        if (registry != null) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}
