package io.hotline.routing.desk;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A desk on a manual clock whose commands all go to an {@link InMemoryDeskStore}: apply events, move time, read
 * what came out.
 */
final class DeskHarness {
    /** A Monday, 10:00 UTC. */
    static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    static final Actor SEAT = Actor.seat("seat-1");
    static final Actor SUPERVISOR = Actor.supervisor("sup-1");
    /** The hotline open around the clock, every contract 24x7: the clock rules alone. */
    static final DeskConfig ALWAYS_OPEN = new DeskConfig(DeskConfig.DEFAULT.serviceLevels(),
            BusinessHours.ALWAYS_OPEN, java.util.Map.of(), Duration.ofDays(7), "supervisors");

    final ManualClock clock;
    final InMemoryDeskStore store = new InMemoryDeskStore();
    final List<DeskCommand> all = new ArrayList<>();
    final DeskConfig config;
    ServiceDesk desk;

    DeskHarness() {
        this(ALWAYS_OPEN, START);
    }

    DeskHarness(DeskConfig config, Instant start) {
        this.config = config;
        this.clock = new ManualClock(start);
        this.desk = new ServiceDesk(config, clock);
    }

    /** Applies {@code event} now; returns the commands it caused. */
    List<DeskCommand> apply(DeskEvent event) {
        List<DeskCommand> out = new ArrayList<>();
        desk.apply(event, command -> {
            out.add(command);
            all.add(command);
            store.accept(command);
        });
        return out;
    }

    /** Moves the clock by {@code duration} and ticks. */
    List<DeskCommand> tickAfter(Duration duration) {
        clock.advance(duration);
        return apply(new DeskEvent.Tick());
    }

    /** Moves the clock to {@code at} and ticks. */
    List<DeskCommand> tickAt(Instant at) {
        clock.set(at);
        return apply(new DeskEvent.Tick());
    }

    /** Replaces the desk by one restored from the store (a restart), on the same clock. */
    void restart() {
        desk = ServiceDesk.restore(config, clock, store.load());
    }

    /** Opens the work order of call {@code linkedId} and returns its id. */
    long call(String linkedId, Severity severity) {
        return opened(apply(new DeskEvent.CallArrived(call(linkedId), problem(), severity))).workOrder().id();
    }

    static CallKey call(String linkedId) {
        return new CallKey("pbx1", linkedId);
    }

    static CustomerProblem problem() {
        return new CustomerProblem("+8613900000001", 42L, null, "ERP");
    }

    StoredWorkOrder workOrder(long id) {
        return desk.workOrder(id).orElseThrow();
    }

    static DeskCommand.WorkOrderOpened opened(List<DeskCommand> commands) {
        return only(commands, DeskCommand.WorkOrderOpened.class);
    }

    static DeskCommand.WorkOrderChanged changed(List<DeskCommand> commands) {
        return only(commands, DeskCommand.WorkOrderChanged.class);
    }

    static DeskCommand.Refused refused(List<DeskCommand> commands) {
        return only(commands, DeskCommand.Refused.class);
    }

    static <T extends DeskCommand> List<T> all(List<DeskCommand> commands, Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one command of {@code type} among {@code commands}, the field leg's aside (an on-site escalation). */
    static <T extends DeskCommand> T only(List<DeskCommand> commands, Class<T> type) {
        List<T> found = all(commands, type);
        long others = commands.stream().filter(command -> !(command instanceof DeskCommand.Field)).count();
        if (found.size() != 1 || others != 1) {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + ", got " + commands);
        }
        return found.get(0);
    }
}
