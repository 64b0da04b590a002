package io.hotline.persistence.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.outbox.DurableRoutingJournal;
import io.hotline.persistence.outbox.JournalServiceDeskStore;
import io.hotline.persistence.testing.JournalCalls;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.desk.WorkOrderHistory;
import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.workorder.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * A real {@link ServiceDesk} (always open, reopen within 7 days) whose commands go through the durable journal and
 * {@link JournalServiceDeskStore} into the test database, on a clock the test sets, with the histories of the work
 * orders it opened kept beside as the desk's commands carried them. Its ids follow the database's; it holds none of
 * the work orders earlier tests left. Not thread-safe: one per test.
 */
final class FiguresDesk implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String SEAT = "figures-seat";
    private static final DeskConfig CONFIG = new DeskConfig(ServiceLevels.DEFAULT, BusinessHours.ALWAYS_OPEN,
            Map.of(), Duration.ofDays(7), "supervisors");

    private final JournalCalls calls;
    private final DurableRoutingJournal journal;
    private final ServiceDesk desk;
    private final Consumer<DeskCommand> ports;
    private final Map<Long, List<AuditEvent>> trails = new LinkedHashMap<>();
    private final Map<Long, CustomerProblem> problems = new LinkedHashMap<>();
    private Instant now;
    private int callCount;

    FiguresDesk(Jdbi jdbi, JournalCalls calls, Path logDirectory, Instant start) {
        this.calls = calls;
        this.now = start;
        InstantSource clock = () -> now;
        journal = calls.start(jdbi, logDirectory);
        JournalServiceDeskStore store = new JournalServiceDeskStore(journal, jdbi, "pbx1", clock, PATIENCE);
        desk = ServiceDesk.restore(CONFIG, clock, new StoredDesk(store.load().nextId(), List.of()));
        ports = command -> {
            if (command instanceof DeskCommand.WorkOrderOpened opened) {
                store.opened(opened);
                trails.computeIfAbsent(opened.workOrder().id(), id -> new ArrayList<>()).add(opened.audit());
                problems.put(opened.workOrder().id(), opened.workOrder().problem());
            } else if (command instanceof DeskCommand.WorkOrderChanged changed) {
                store.changed(changed);
                trails.get(changed.workOrder().id()).add(changed.audit());
                problems.put(changed.workOrder().id(), changed.workOrder().problem());
            } else if (command instanceof DeskCommand.ClockWarning warning) {
                store.warningFired(warning);
            } else if (command instanceof DeskCommand.WorkOrderReleased released) {
                store.released(released);
            } else if (command instanceof DeskCommand.Refused refused) {
                store.refused(refused);
            }
        };
    }

    /** Moves the desk's clock to {@code instant} (never back). */
    FiguresDesk at(Instant instant) {
        assertThat(instant).as("the desk's clock never goes back").isAfterOrEqualTo(now);
        now = instant;
        return this;
    }

    Instant now() {
        return now;
    }

    /** A call of {@code customer} (or an unknown caller) about {@code productLine}, answered by a seat. */
    long answeredCall(Long customer, String productLine) {
        CallKey call = new CallKey("pbx1", calls.call("c" + ++callCount));
        apply(new DeskEvent.CallArrived(call, new CustomerProblem("+8613800138000", customer, null, productLine),
                Severity.P3));
        apply(new DeskEvent.CallConnected(call, SEAT));
        return desk.workOrderOf(call).orElseThrow().id();
    }

    void resolve(long workOrder) {
        apply(new DeskEvent.Resolved(workOrder, Actor.seat(SEAT), "fixed"));
    }

    void reopen(long workOrder) {
        apply(new DeskEvent.Reopened(workOrder, Actor.seat(SEAT), "not fixed after all"));
    }

    void escalate(long workOrder) {
        apply(new DeskEvent.Escalated(workOrder, Actor.seat(SEAT), "needs the next rung"));
    }

    void contact(long workOrder) {
        apply(new DeskEvent.CustomerContacted(workOrder, Actor.seat(SEAT), "called back"));
    }

    void apply(DeskEvent event) {
        desk.apply(event, ports);
    }

    /** The ids of the work orders this desk opened. */
    List<Long> opened() {
        return List.copyOf(trails.keySet());
    }

    /** Waits until the journal has written everything to the database, and checks it refused nothing. */
    void written() {
        await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        assertThat(journal.rejected()).isZero();
    }

    /** The whole histories of the work orders this desk opened, as its commands carried them. */
    List<WorkOrderHistory> histories() {
        List<WorkOrderHistory> histories = new ArrayList<>();
        trails.forEach((id, trail) -> histories.add(new WorkOrderHistory(id, problems.get(id).customerId(),
                problems.get(id).productLine(), trail.get(0).at(), trail)));
        return histories;
    }

    @Override
    public void close() {
        journal.close();
    }
}
