package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.Database;
import io.hotline.persistence.DatabaseUnavailableException;
import io.hotline.persistence.PersistenceConfig;
import io.hotline.persistence.testing.CuttableTcpProxy;
import io.hotline.persistence.testing.JournalCalls;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.persistence.testing.WorkOrderTrail;
import io.hotline.routing.desk.Actor;
import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskConfig;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.field.Site;
import io.hotline.routing.desk.Origin;
import io.hotline.routing.desk.ServiceDesk;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.desk.WorkOrderDetails;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service desk's store and notifier through the one durable journal, against the real server: what the desk
 * computed is loaded back equal (instants to the millisecond), audit events in order with every field, warnings
 * fired stay fired, released work orders are not loaded; entries logged while the database was away are written on
 * the next start and loaded then; a routing trail row logged before its work order's insert is written with it;
 * notifications are kept per recipient.
 */
class JournalServiceDeskStoreTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** 10:00 in Shanghai: inside the default hotline hours, so a call's clocks start at once. */
    private static final Instant START = Instant.parse("2026-12-05T02:00:00.123Z");

    private static JournalCalls calls;
    private static long customer;
    private static String seat;
    private static String otherSeat;

    @TempDir
    Path logDirectory;
    private final MutableClock clock = new MutableClock(START);
    private CuttableTcpProxy line;
    private Database throughLine;

    @BeforeAll
    static void seed() {
        calls = JournalCalls.seed(DB.jdbi());
        seat = calls.seat();
        customer = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM customer ORDER BY id LIMIT 1")
                .mapTo(Long.class).one());
        otherSeat = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT code FROM seat ORDER BY id LIMIT 1"
                + " OFFSET 1").mapTo(String.class).one());
    }

    @BeforeEach
    void openLine() throws IOException {
        calls.newTest("d");
        PersistenceConfig direct = DB.config();
        Matcher url = Pattern.compile("^jdbc:mysql://[^:/]+:(\\d+)/(.*)$").matcher(direct.jdbcUrl());
        assertThat(url.matches()).as("test database URL %s", direct.jdbcUrl()).isTrue();
        line = new CuttableTcpProxy(Integer.parseInt(url.group(1)));
        throughLine = Database.open(new PersistenceConfig("jdbc:mysql://127.0.0.1:" + line.port() + "/"
                + url.group(2), direct.user(), direct.password(), 2, Duration.ofSeconds(1)), null);
    }

    @AfterEach
    void closeLine() {
        throughLine.close();
        line.close();
    }

    @Test
    void shouldLoadBackEveryStoredFormTheDeskComputedEqualToTheMillisecond() {
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            JournalServiceDeskStore store = store(journal, DB.jdbi());
            ServiceDesk desk = ServiceDesk.restore(DeskConfig.DEFAULT, clock, store.load());
            Consumer<DeskCommand> ports = ports(store, new JournalNotifier(journal, "supervisors", clock));

            // given a desk that opens, answers, escalates, pauses, changes severity, resolves and closes
            CallKey answered = call("answered");
            apply(desk, ports, new DeskEvent.CallArrived(answered, problem(), Severity.P2));
            long id = desk.workOrderOf(answered).orElseThrow().id();
            clock.advance(Duration.ofMillis(61_001));
            apply(desk, ports, new DeskEvent.CallConnected(answered, seat));
            clock.advance(Duration.ofMillis(30_017));
            apply(desk, ports, new DeskEvent.Escalated(id, Actor.seat(seat), "GL close fails\tat\nmonth end"));
            apply(desk, ports, new DeskEvent.WaitingOnCustomer(id, Actor.seat(seat), "log files"));
            clock.advance(Duration.ofMillis(3_333));
            apply(desk, ports, new DeskEvent.Resumed(id, Actor.seat(seat), null));
            apply(desk, ports, new DeskEvent.SeverityChanged(id, Actor.supervisor("sup-1"), Severity.P1, "VIP"));
            apply(desk, ports, new DeskEvent.OwnerReassigned(id, Actor.supervisor("sup-1"), otherSeat, "expert"));
            CallKey resolved = call("resolved");
            apply(desk, ports, new DeskEvent.CallArrived(resolved, CustomerProblem.UNKNOWN, Severity.P3));
            long resolvedId = desk.workOrderOf(resolved).orElseThrow().id();
            apply(desk, ports, new DeskEvent.CallConnected(resolved, seat));
            apply(desk, ports, new DeskEvent.Resolved(resolvedId, Actor.seat(seat), "restarted the service"));
            apply(desk, ports, new DeskEvent.Closed(resolvedId, Actor.seat(seat), null));
            // and one opened by hand for an e-mail, and a walk-in
            apply(desk, ports, new DeskEvent.OpenedByHand(Actor.seat(seat), Origin.EMAIL, CustomerProblem.UNKNOWN,
                    Severity.P3, "printer\tjams 打印机"));
            apply(desk, ports, new DeskEvent.OpenedByHand(Actor.supervisor("sup-1"), Origin.WALK_IN, problem(),
                    Severity.P2, null));
            List<StoredWorkOrder> computed = desk.workOrders();

            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            assertThat(journal.rejected()).isZero();

            // when the desk is loaded back
            StoredDesk loaded = store.load();

            // then every work order it holds is there, equal to what it computed, and ids go on above them
            assertThat(loaded.workOrders()).containsAll(computed);
            assertThat(loaded.nextId()).isEqualTo(desk.nextId());
            // and a desk restored from them stores the same
            ServiceDesk restored = ServiceDesk.restore(DeskConfig.DEFAULT, clock, loaded);
            assertThat(restored.workOrders()).containsAll(computed);
        }
    }

    @Test
    void shouldStoreWhatAPersonWroteOnTheWorkOrderAndRestoreIt() {
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            JournalServiceDeskStore store = store(journal, DB.jdbi());
            ServiceDesk desk = ServiceDesk.restore(DeskConfig.DEFAULT, clock, store.load());
            Consumer<DeskCommand> ports = ports(store, new JournalNotifier(journal, "supervisors", clock));

            // given a work order whose form a seat filled, sent on site with the address, then resolved
            CallKey visited = call("visited");
            apply(desk, ports, new DeskEvent.CallArrived(visited, problem(), Severity.P2));
            long id = desk.workOrderOf(visited).orElseThrow().id();
            apply(desk, ports, new DeskEvent.CallConnected(visited, seat));
            apply(desk, ports, new DeskEvent.DetailsChanged(id, Actor.seat(seat), "posting\t凭证", "ERP",
                    "月结凭证无法过账", "line one\nline two \\ 技术支持"));
            apply(desk, ports, new DeskEvent.Escalated(id, Actor.seat(seat), "disk", Tier.ON_SITE,
                    new Site("上海市浦东新区张江路 88 号", null, null)));
            clock.advance(Duration.ofMillis(12_345));
            apply(desk, ports, new DeskEvent.Resolved(id, Actor.seat(seat), "replaced the disk\tand restored"));
            StoredWorkOrder computed = desk.workOrder(id).orElseThrow();
            // and one on which nobody wrote anything
            CallKey untouched = call("untouched");
            apply(desk, ports, new DeskEvent.CallArrived(untouched, problem(), Severity.P3));
            long untouchedId = desk.workOrderOf(untouched).orElseThrow().id();
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);

            // when the desk is loaded back and restored
            StoredDesk loaded = store.load();
            ServiceDesk restored = ServiceDesk.restore(DeskConfig.DEFAULT, clock, loaded);

            // then the columns hold the details, and the restored desk has them as computed
            Map<String, Object> row = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT category, notes,"
                    + " resolution_text, site, summary, product_line FROM work_order WHERE id = :id").bind("id", id)
                    .mapToMap().one());
            assertThat(row).containsEntry("category", "posting\t凭证")
                    .containsEntry("notes", "line one\nline two \\ 技术支持")
                    .containsEntry("resolution_text", "replaced the disk\tand restored")
                    .containsEntry("site", "上海市浦东新区张江路 88 号").containsEntry("summary", "月结凭证无法过账")
                    .containsEntry("product_line", "ERP");
            assertThat(computed.details()).isEqualTo(new WorkOrderDetails("posting\t凭证",
                    "line one\nline two \\ 技术支持", "replaced the disk\tand restored", "上海市浦东新区张江路 88 号"));
            assertThat(loaded.workOrders()).contains(computed);
            assertThat(restored.workOrder(id)).contains(computed);
            assertThat(restored.workOrder(untouchedId).orElseThrow().details()).isEqualTo(WorkOrderDetails.NONE);
            assertThat(auditOf(id)).extracting(AuditEvent::action).contains(AuditAction.DETAILS_CHANGED);
        }
    }

    @Test
    void shouldAppendEveryAuditEventInOrderWithEveryField() {
        List<AuditEvent> written = new ArrayList<>();
        long id;
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            JournalServiceDeskStore store = store(journal, DB.jdbi());
            ServiceDesk desk = ServiceDesk.restore(DeskConfig.DEFAULT, clock, store.load());
            Consumer<DeskCommand> ports = ports(store, new JournalNotifier(journal, "supervisors", clock))
                    .andThen(command -> {
                        if (command instanceof DeskCommand.WorkOrderOpened opened) {
                            written.add(opened.audit());
                        } else if (command instanceof DeskCommand.WorkOrderChanged changed) {
                            written.add(changed.audit());
                        }
                    });
            CallKey call = call("audited");
            apply(desk, ports, new DeskEvent.CallArrived(call, problem(), Severity.P3));
            id = desk.workOrderOf(call).orElseThrow().id();
            clock.advance(Duration.ofMillis(1_001));
            apply(desk, ports, new DeskEvent.CallConnected(call, seat));
            clock.advance(Duration.ofMillis(2_002));
            apply(desk, ports, new DeskEvent.Escalated(id, Actor.seat(seat), "needs tier 2 \\ really"));
            apply(desk, ports, new DeskEvent.CallEnded(call));
            apply(desk, ports, new DeskEvent.Resolved(id, Actor.seat(otherSeat), "x".repeat(5_000)));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        }

        assertThat(written).hasSize(5);
        assertThat(auditOf(id)).containsExactlyElementsOf(written);
        assertThat(written.get(0).action()).isEqualTo(AuditAction.OPENED);
    }

    @Test
    void shouldLoadAWarningRecordedAsFiredAsFiredAndNotLoadAReleasedWorkOrder() {
        long warned;
        long released;
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            JournalServiceDeskStore store = store(journal, DB.jdbi());
            long next = store.load().nextId();
            warned = next;
            released = next + 1;
            StoredWorkOrder first = DeskSamples.bare(warned);
            store.opened(new DeskCommand.WorkOrderOpened(first, DeskSamples.opening(warned)));
            store.warningFired(new DeskCommand.ClockWarning(warned, ClockKind.RESPONSE, WarningLevel.HALF, START,
                    START.plusMillis(7), null, List.of()));
            store.warningFired(new DeskCommand.ClockWarning(warned, ClockKind.RESOLUTION, WarningLevel.BREACH, START,
                    START.plusMillis(9), null, List.of()));
            store.opened(new DeskCommand.WorkOrderOpened(DeskSamples.bare(released), DeskSamples.opening(released)));
            store.released(new DeskCommand.WorkOrderReleased(released, START.plusSeconds(60)));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);

            StoredDesk loaded = store.load();

            assertThat(loaded.workOrders()).contains(first.withFired(ClockKind.RESPONSE, WarningLevel.HALF)
                    .withFired(ClockKind.RESOLUTION, WarningLevel.BREACH));
            assertThat(loaded.workOrders()).extracting(StoredWorkOrder::id).doesNotContain(released);
            assertThat(loaded.nextId()).isEqualTo(released + 1);
        }
    }

    @Test
    void shouldWriteOnTheNextStartWhatWasLoggedWhileTheDatabaseWasAwayAndLoadItThen() {
        StoredWorkOrder opened;
        StoredWorkOrder changed;
        try (DurableRoutingJournal stoppedDuringOutage = calls.start(throughLine.jdbi(), logDirectory)) {
            long id = store(stoppedDuringOutage, DB.jdbi()).load().nextId();
            // given the database goes away, and the desk goes on: its entries are only in the log on disk
            line.cut();
            JournalServiceDeskStore store = store(stoppedDuringOutage, throughLine.jdbi());
            opened = DeskSamples.full(id, call("outage"), customer, seat);
            changed = DeskSamples.full(id + 1, call("outage-2"), customer, seat)
                    .withFired(ClockKind.RESPONSE, WarningLevel.BREACH);
            store.opened(new DeskCommand.WorkOrderOpened(opened, DeskSamples.opening(id)));
            store.opened(new DeskCommand.WorkOrderOpened(DeskSamples.full(id + 1, call("outage-2"), customer, seat),
                    DeskSamples.opening(id + 1)));
            store.warningFired(new DeskCommand.ClockWarning(id + 1, ClockKind.RESPONSE, WarningLevel.BREACH, START,
                    START, seat, List.of()));
            await().atMost(PATIENCE).until(() -> stoppedDuringOutage.waitingOnDisk() == 3);
            // when Hotline stops (or dies) before the database answers again
        }
        line.mend();

        // then the next start writes them, and the desk loads them
        try (DurableRoutingJournal next = calls.start(DB.jdbi(), logDirectory)) {
            StoredDesk loaded = store(next, DB.jdbi()).load();
            assertThat(next.waitingOnDisk()).isZero();
            assertThat(loaded.workOrders()).contains(opened, changed);
            assertThat(loaded.nextId()).isEqualTo(changed.id() + 1);
        }
    }

    @Test
    void shouldSayWhatTheDeskWroteIsDurableOnlyOnceTheLogOnDiskHasIt() throws Exception {
        try (DurableRoutingJournal journal = calls.start(throughLine.jdbi(), logDirectory)) {
            long id = store(journal, DB.jdbi()).load().nextId();
            JournalServiceDeskStore store = store(journal, throughLine.jdbi());
            // given the database is away, so nothing can reach it before the log on disk has it
            line.cut();
            // when the desk writes and asks whether it is durable
            store.opened(new DeskCommand.WorkOrderOpened(DeskSamples.bare(id), DeskSamples.opening(id)));
            store.changed(new DeskCommand.WorkOrderChanged(DeskSamples.bare(id), DeskSamples.opening(id)));
            CompletableFuture<Long> onDiskWhenDone = store.durable()
                    .thenApply(durable -> durable ? journal.waitingOnDisk() : -1L).toCompletableFuture();
            // then it says so once both entries are on disk
            assertThat(onDiskWhenDone.get(30, TimeUnit.SECONDS)).isEqualTo(2L);
            // and the desk cannot load while they are not in the database: it says so rather than start short
            assertThatThrownBy(() -> new JournalServiceDeskStore(journal, throughLine.jdbi(), "pbx1", clock,
                    Duration.ofMillis(300)).load()).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("2 entries wait on disk");
        }
        line.mend();
    }

    @Test
    void shouldWriteARoutingTrailRowLoggedBeforeItsWorkOrderOnceTheDeskInsertsIt() {
        CallKey call = call("early");
        List<String> told = new CopyOnWriteArrayList<>();
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            journal.onWorkOrdersWritten(told::addAll);
            JournalServiceDeskStore store = store(journal, DB.jdbi());
            long id = store.load().nextId();
            // given routing's entries for a call are written before the desk's opening of its work order
            journal.callJoined(new RoutingCommand.CallJoined(call.linkedId(), "support", new RoutingEvent.CallOrigin(
                    call.linkedId() + ".chan", "+8613800138000", "4008001234", customer), "ERP_U8", null));
            journal.recordDecision(new RoutingCommand.RecordDecision(call.linkedId(), "chose " + seat));
            journal.callConnected(new RoutingCommand.CallConnected(call.linkedId(), seat, Duration.ofSeconds(3)));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            assertThat(journal.rejected()).isZero();
            // (the call has no work order yet, so the call engine's crash leaves it an orphan)
            assertThat(store.orphanCalls(START.minusSeconds(3600))).extracting(orphan -> orphan.call())
                    .contains(call);

            // when the desk opens it, and routing goes on
            StoredWorkOrder workOrder = DeskSamples.full(id, call, customer, seat);
            store.opened(new DeskCommand.WorkOrderOpened(workOrder, DeskSamples.opening(id)));
            journal.conversationEnded(new RoutingCommand.ConversationEnded(call.linkedId(), seat,
                    Duration.ofSeconds(20)));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            assertThat(journal.rejected()).isZero();

            // then the caller look-up is told about the call whose work order was written
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(told).contains(call.linkedId()));
            // and routing's trail is on it, in order, and nothing stays parked
            assertThat(WorkOrderTrail.actions(DB.jdbi(), id)).containsExactly("OPENED", "ROUTING", "CONNECTED",
                    "CALL_ENDED");
            long parked = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM"
                    + " journal_parked_entry WHERE linkedid = :call").bind("call", call.linkedId())
                    .mapTo(Long.class).one());
            assertThat(parked).isZero();
            // and the call is no orphan any more, the record the call engine kept is whole
            assertThat(store.orphanCalls(START.minusSeconds(3600))).extracting(orphan -> orphan.call())
                    .doesNotContain(call);
            assertThat(WorkOrderTrail.state(DB.jdbi(), id)).isEqualTo(WorkOrderState.IN_PROGRESS.name());
        }
    }

    @Test
    void shouldGiveTheCallsThatJoinedWithoutAWorkOrderWithWhatTheirRecordKnows() {
        CallKey orphan = call("orphan");
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            journal.callJoined(new RoutingCommand.CallJoined(orphan.linkedId(), "support",
                    new RoutingEvent.CallOrigin(orphan.linkedId(), "+8613800138000", "4008001234", customer),
                    "ERP_U8", null));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            JournalServiceDeskStore store = store(journal, DB.jdbi());

            List<CallJoinedWithoutWorkOrder> orphans = store.orphanCalls(Instant.EPOCH);

            String contract = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT contract_level FROM customer"
                    + " WHERE id = :id").bind("id", customer).mapTo(String.class).one());
            assertThat(orphans).contains(new CallJoinedWithoutWorkOrder(orphan, JournalCalls.EMITTED, "support",
                    new CustomerProblem("+8613800138000", customer, contract, "ERP_U8")));
            // and none joined after a later instant
            assertThat(store.orphanCalls(JournalCalls.EMITTED.plusMillis(1))).extracting(o -> o.call())
                    .doesNotContain(orphan);
        }
    }

    @Test
    void shouldKeepEachNotificationForEachRecipient() {
        long id;
        try (DurableRoutingJournal journal = calls.start(DB.jdbi(), logDirectory)) {
            JournalServiceDeskStore store = store(journal, DB.jdbi());
            JournalNotifier notifier = new JournalNotifier(journal, "supervisors", clock);
            ServiceDesk desk = ServiceDesk.restore(DeskConfig.DEFAULT, clock, store.load());
            Consumer<DeskCommand> ports = ports(store, notifier);
            CallKey call = call("warned");
            // given a P1 call answered by a seat, whose resolution clock then reaches half (1 h of 2 h)
            apply(desk, ports, new DeskEvent.CallArrived(call, problem(), Severity.P1));
            id = desk.workOrderOf(call).orElseThrow().id();
            apply(desk, ports, new DeskEvent.CallConnected(call, seat));
            clock.advance(Duration.ofHours(1));
            apply(desk, ports, new DeskEvent.Tick());
            // and a seat's request the desk refuses
            apply(desk, ports, new DeskEvent.Escalated(id, Actor.seat(seat), ""));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
            assertThat(journal.rejected()).isZero();
        }

        List<Map<String, Object>> rows = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT recipient_kind,"
                + " recipient_id, kind, clock, level, percent, due_at, subject, read_at FROM notification"
                + " WHERE work_order_id = :id OR subject = :subject ORDER BY id").bind("id", id)
                .bind("subject", Long.toString(id)).mapToMap().list());
        assertThat(rows).extracting(row -> row.get("recipient_kind") + " " + row.get("recipient_id") + " "
                + row.get("kind") + " " + row.get("clock") + " " + row.get("level") + " " + row.get("percent"))
                .containsExactly(
                        "SUPERVISORS supervisors WORK_ORDER_OPENED null null null",
                        "SEAT " + seat + " WORK_ORDER_CHANGED null null null",
                        "SUPERVISORS supervisors WORK_ORDER_CHANGED null null null",
                        "SEAT " + seat + " CLOCK_WARNING RESOLUTION HALF 50",
                        "SUPERVISORS supervisors CLOCK_WARNING RESOLUTION HALF 50",
                        "SEAT " + seat + " REFUSED null null null");
        assertThat(rows.get(3).get("due_at")).isNotNull();
        assertThat(rows).allSatisfy(row -> assertThat(row.get("read_at")).isNull());
        // and the refusal is kept with who asked
        Map<String, Object> refusal = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT request, actor_kind,"
                + " actor FROM desk_refusal WHERE subject = :subject").bind("subject", Long.toString(id))
                .mapToMap().one());
        assertThat(refusal).containsEntry("request", "Escalated").containsEntry("actor_kind", ActorKind.SEAT.name())
                .containsEntry("actor", seat);
    }

    private JournalServiceDeskStore store(DurableRoutingJournal journal, Jdbi jdbi) {
        return new JournalServiceDeskStore(journal, jdbi, "pbx1", clock, PATIENCE);
    }

    /** The desk's commands to the store and the notifier, as app hands them over. */
    private static Consumer<DeskCommand> ports(JournalServiceDeskStore store, JournalNotifier notifier) {
        return command -> {
            if (command instanceof DeskCommand.WorkOrderOpened opened) {
                store.opened(opened);
                notifier.workOrderOpened(opened);
            } else if (command instanceof DeskCommand.WorkOrderChanged changed) {
                store.changed(changed);
                notifier.workOrderChanged(changed);
            } else if (command instanceof DeskCommand.ClockWarning warning) {
                store.warningFired(warning);
                notifier.clockWarning(warning);
            } else if (command instanceof DeskCommand.WorkOrderReleased released) {
                store.released(released);
            } else if (command instanceof DeskCommand.Refused refused) {
                store.refused(refused);
                notifier.refused(refused);
            }
        };
    }

    private static void apply(ServiceDesk desk, Consumer<DeskCommand> ports, DeskEvent event) {
        desk.apply(event, ports);
    }

    private CallKey call(String name) {
        return new CallKey("pbx1", calls.call(name));
    }

    private static CustomerProblem problem() {
        return new CustomerProblem("+8613800138000", customer, "PREMIUM", "ERP_U8");
    }

    /** The desk's audit events of work order {@code id}, as the database holds them, in their order. */
    private static List<AuditEvent> auditOf(long id) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM work_order_event"
                        + " WHERE work_order_id = :id AND sequence IS NOT NULL ORDER BY sequence").bind("id", id)
                .map((row, context) -> new AuditEvent(row.getLong("work_order_id"), row.getInt("sequence"),
                        context.findColumnMapperFor(Instant.class).orElseThrow().map(row, "occurred_at", context),
                        new Actor(ActorKind.valueOf(row.getString("actor_kind")), row.getString("actor")),
                        AuditAction.valueOf(row.getString("action")), row.getString("reason"),
                        state(row.getString("from_state")), state(row.getString("to_state")),
                        tier(row.getString("from_tier")), tier(row.getString("to_tier")),
                        Severity.valueOf(row.getString("severity")), row.getString("owner_seat_code"),
                        row.getInt("contacts")))
                .list());
    }

    private static WorkOrderState state(String name) {
        return name == null ? null : WorkOrderState.valueOf(name);
    }

    private static Tier tier(String name) {
        return name == null ? null : Tier.valueOf(name);
    }

    /** A clock the test moves. */
    private static final class MutableClock implements InstantSource {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
