package io.hotline.app;

import io.hotline.ops.metrics.HotlineMeters;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.seat.SeatState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The live meters fed by the commands both engines already hand out (CONTRIBUTING.md 5: the read models' path):
 * calls that joined each configured queue, talk time, time in wrap-up, SLA warnings by clock and level, and the
 * dispatch legs. Every meter is registered up front for its bounded tags ({@link HotlineMeters}); a command only
 * increments a counter or records a timer (lock-free in Micrometer), so the engine threads never wait.
 * <p>
 * {@link #routingCommand} is confined to the routing thread (it remembers when each seat entered WRAP_UP, one entry
 * per seat at most); {@link #deskCommand} to the service-desk thread. They share no state.
 */
final class CommandMeters {
    private final InstantSource clock;
    private final Map<String, Counter> offered = new HashMap<>();
    private final Timer talk;
    private final Timer wrapUp;
    private final Map<ClockKind, Map<WarningLevel, Counter>> warnings = new EnumMap<>(ClockKind.class);
    private final Map<String, Counter> steps = new HashMap<>();
    /** When each seat now in WRAP_UP entered it. Routing thread only. */
    private final Map<String, Instant> wrapUpSince = new HashMap<>();

    /**
     * Registers the meters.
     *
     * @param queues the configured queues: the only {@code queue} tag values
     * @param clock  the routing engine's clock (wrap-up time is measured on it)
     */
    CommandMeters(MeterRegistry registry, Set<String> queues, InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        HotlineMeters offeredMeter = HotlineMeters.ROUTING_QUEUE_OFFERED;
        for (String queue : queues) {
            offered.put(queue, Counter.builder(offeredMeter.meterName()).description(offeredMeter.description())
                    .tags(offeredMeter.tags(HotlineMeters.TagKey.QUEUE.key(), queue)).register(registry));
        }
        talk = timer(registry, HotlineMeters.CALLS_TALK);
        wrapUp = timer(registry, HotlineMeters.SEATS_WRAP_UP);
        HotlineMeters warning = HotlineMeters.DESK_SLA_WARNINGS;
        for (ClockKind kind : ClockKind.values()) {
            Map<WarningLevel, Counter> levels = new EnumMap<>(WarningLevel.class);
            for (WarningLevel level : WarningLevel.values()) {
                levels.put(level, Counter.builder(warning.meterName()).description(warning.description())
                        .tags(warning.tags(HotlineMeters.TagKey.CLOCK.key(), kind.name(),
                                HotlineMeters.TagKey.LEVEL.key(), level.name())).register(registry));
            }
            warnings.put(kind, levels);
        }
        HotlineMeters step = HotlineMeters.FIELD_DISPATCH_STEPS;
        for (String name : HotlineMeters.DISPATCH_STEPS) {
            steps.put(name, Counter.builder(step.meterName()).description(step.description())
                    .tags(step.tags(HotlineMeters.TagKey.STEP.key(), name)).register(registry));
        }
    }

    /** The routing decision timer ({@link HotlineMeters#ROUTING_DECISION}), recorded by the routing thread. */
    static Timer decisions(MeterRegistry registry) {
        return timer(registry, HotlineMeters.ROUTING_DECISION);
    }

    private static Timer timer(MeterRegistry registry, HotlineMeters meter) {
        return Timer.builder(meter.meterName()).description(meter.description()).register(registry);
    }

    /** Counts one of routing's commands. Routing thread only. */
    void routingCommand(RoutingCommand command) {
        if (command instanceof RoutingCommand.CallJoined joined) {
            Counter counter = joined.queue() == null ? null : offered.get(joined.queue());
            if (counter != null) {
                counter.increment();
            }
        } else if (command instanceof RoutingCommand.ConversationEnded ended) {
            talk.record(ended.talked());
        } else if (command instanceof RoutingCommand.SeatStateChanged change) {
            seatState(change);
        }
    }

    private void seatState(RoutingCommand.SeatStateChanged change) {
        Instant now = clock.instant();
        Instant since = change.state() == SeatState.WRAP_UP ? wrapUpSince.putIfAbsent(change.seatId(), now)
                : wrapUpSince.remove(change.seatId());
        if (change.state() != SeatState.WRAP_UP && since != null) {
            Duration spent = Duration.between(since, now);
            wrapUp.record(spent.isNegative() ? Duration.ZERO : spent);
        }
    }

    /** Counts one of the desk's commands (the field leg's among them). Service-desk thread only. */
    void deskCommand(DeskCommand command) {
        if (command instanceof DeskCommand.ClockWarning warning) {
            warnings.get(warning.clock()).get(warning.level()).increment();
        } else if (command instanceof DeskCommand.Field field
                && field.command() instanceof FieldCommand.DispatchChanged changed) {
            Counter counter = steps.get(changed.step().step());
            if (counter != null) {
                counter.increment();
            }
        }
    }
}
