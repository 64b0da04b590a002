package io.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.app.simulate.CallerPhone;
import io.hotline.app.simulate.Dialplan;
import io.hotline.app.simulate.SeatPhone;
import io.hotline.app.simulate.SimulatedAsterisk;
import io.hotline.app.simulate.SimulatedChannel;
import io.hotline.ops.config.Settings;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.AuditEvent;
import io.hotline.routing.desk.CallKey;
import io.hotline.routing.desk.CustomerProblem;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.desk.StoredWorkOrder;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.spi.ComponentHealth;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service desk inside a whole Hotline, hearing about calls: the real call engine and desk on their loops, calls
 * through the shipped dialplan (the simulated Asterisk) over FastAGI, and small fakes of the desk's store and
 * notifier. A call opens exactly one work order; an answer is the response and gives the seat the work order; an
 * abandon and a chosen callback are callback work; an after-hours call is callback work from the next opening; a
 * caller handed to the fallback queue is not abandoned; a seat's transfer to tier 2 escalates the work order with
 * its reason; a restart restores the desk from the store, warnings due meanwhile fire once, and a call the earlier
 * run left without a work order gets one.
 */
class ServiceDeskEndToEndTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final Duration FLOW = Duration.ofSeconds(30);
    private static final String PBX = "pbx-desk";

    @TempDir
    Path directory;
    private final MemoryDeskStore store = new MemoryDeskStore();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final List<DeskEvent.CallArrived> orphans = new CopyOnWriteArrayList<>();
    private final List<SeatPhone> loggedIn = new ArrayList<>();
    private Hotline hotline;
    private SimulatedAsterisk pbx;

    @AfterEach
    void stop() throws Exception {
        if (hotline != null) {
            // Seats keep their state across starts: log out the ones this test logged in.
            for (SeatPhone seat : loggedIn) {
                dialFromSeat(seat, "*22");
            }
            hotline.close();
        }
    }

    @Test
    void shouldOpenOneWorkOrderForACallAndGiveItToTheSeatThatAnswers() throws Exception {
        // given
        start("hours.zone = UTC\nwrap-up = 0s\n", Map.of());
        SeatPhone seat = SeatPhone.answering(endpoint(Tier.TIER1, 0), "Alice", 300).hangingUpAfter(500);
        pbx.install(seat);
        logIn(seat, Tier.TIER1);

        // when
        SimulatedChannel call = pbx.call(CallerPhone.customer("+4930123431", "Answered Customer"),
                "hotline-inbound", "4008001234").finishedWithin(FLOW);

        // then
        CallKey key = new CallKey(PBX, call.linkedId());
        String seatId = call.variable("HOTLINE_SEAT");
        StoredWorkOrder workOrder = await().atMost(Duration.ofSeconds(5)).until(() -> store.workOrderOf(key)
                .filter(held -> seatId.equals(held.ownerSeatId())), Optional::isPresent).orElseThrow();
        assertThat(store.openedFor(key)).hasSize(1);
        assertThat(workOrder.state()).isEqualTo(WorkOrderState.IN_PROGRESS);
        assertThat(workOrder.times().respondedAt()).isNotNull();
        assertThat(workOrder.response().stopped()).isTrue();
        assertThat(workOrder.problem().contactNumber()).isEqualTo("+4930123431");
        assertThat(workOrder.severity()).isEqualTo(Severity.P3);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actions(workOrder.id()))
                .containsExactly(AuditAction.OPENED, AuditAction.CALL_CONNECTED, AuditAction.CALL_ENDED));
        assertThat(notifier.told).anyMatch(told -> told instanceof DeskCommand.WorkOrderOpened opened
                && opened.workOrder().id() == workOrder.id());
        assertThat(hotline.health().components().get(DeskService.COMPONENT).status())
                .isEqualTo(ComponentHealth.Status.UP);
    }

    @Test
    void shouldMakeAnAbandonedCallAndAChosenCallbackCallbackWork() throws Exception {
        // given no seat: callers wait, and the callback is offered after a second
        start("hours.zone = UTC\noffer-callback-after = 1s\n", Map.of());

        // when
        SimulatedChannel abandoned = pbx.call(CallerPhone.customer("+4930123432", "Impatient Customer")
                .hangingUpOnHold(), "hotline-inbound", "4008001234").finishedWithin(FLOW);
        SimulatedChannel callback = pbx.call(CallerPhone.customer("+4930123433", "Waiting Customer")
                .pressing("hotline/press-1-for-callback", '1'), "hotline-inbound", "4008001234")
                .finishedWithin(FLOW);

        // then
        StoredWorkOrder left = callbackWork(abandoned);
        assertThat(actions(left.id())).containsExactly(AuditAction.OPENED, AuditAction.CALL_ABANDONED);
        assertThat(callback.variable("HOTLINE_RESULT")).isEqualTo("CALLBACK");
        StoredWorkOrder chosen = callbackWork(callback);
        assertThat(actions(chosen.id())).containsExactly(AuditAction.OPENED, AuditAction.CALL_HANDED_OFF)
                .doesNotContain(AuditAction.CALL_ABANDONED);
        assertThat(store.trail(chosen.id()).get(1).why()).contains("callback");
    }

    @Test
    void shouldOpenAnAfterHoursCallAsCallbackWorkFromTheNextOpening() throws Exception {
        // given today and tomorrow are holidays: the hotline opens again the day after
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        start("hours.zone = UTC\nholidays = " + today + ", " + today.plusDays(1) + "\n", Map.of());

        // when
        SimulatedChannel call = pbx.call(CallerPhone.customer("+4930123434", "Night Customer"),
                "hotline-inbound", "4008001234").finishedWithin(FLOW);

        // then
        assertThat(call.experience()).contains("heard hotline/after-hours");
        StoredWorkOrder workOrder = callbackWork(call);
        Instant opening = today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(workOrder.times().callbackAt()).isEqualTo(opening);
        assertThat(workOrder.response().runningSince()).isEqualTo(opening);
        assertThat(store.openedFor(new CallKey(PBX, call.linkedId()))).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actions(workOrder.id()))
                .containsExactly(AuditAction.OPENED, AuditAction.CALL_HANDED_OFF));
    }

    @Test
    void shouldNotCallACallerHandedToTheFallbackQueueAbandoned() throws Exception {
        // given a caller waiting, no seat logged in
        start("hours.zone = UTC\n", Map.of());
        SimulatedAsterisk.Call waiting = pbx.call(CallerPhone.customer("+4930123435", "Patient Customer"),
                "hotline-inbound", "4008001234");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                hotline.routingSnapshot().queues().get("support").waiting() == 1);

        // when Hotline stops: the waiting caller goes to the dialplan's fallback queue
        hotline.close();
        SimulatedChannel call = waiting.finishedWithin(FLOW);
        hotline = null;

        // then
        assertThat(call.experience()).contains("queued in hotline-fallback");
        StoredWorkOrder workOrder = store.workOrderOf(new CallKey(PBX, call.linkedId())).orElseThrow();
        assertThat(actions(workOrder.id())).containsExactly(AuditAction.OPENED, AuditAction.CALL_HANDED_OFF);
        assertThat(store.trail(workOrder.id()).get(1).why()).contains("fallback queue");
        assertThat(workOrder.times().callbackAt()).isNull();
        assertThat(workOrder.state()).isEqualTo(WorkOrderState.NEW);
    }

    @Test
    void shouldEscalateTheWorkOrderWhenTheSeatTransfersTheCallerToTier2() throws Exception {
        // given
        start("hours.zone = UTC\nwrap-up = 0s\n", Map.of());
        SeatPhone first = SeatPhone.answering(endpoint(Tier.TIER1, 0), "Alice", 300).transferringAfter(1_000,
                "tier2");
        SeatPhone second = SeatPhone.answering(endpoint(Tier.TIER2, 0), "Carol", 300).hangingUpAfter(1_000);
        pbx.install(first);
        pbx.install(second);
        logIn(first, Tier.TIER1);
        logIn(second, Tier.TIER2);

        // when
        SimulatedChannel call = pbx.call(CallerPhone.customer("+4930123436", "Escalated Customer"),
                "hotline-inbound", "4008001234").finishedWithin(FLOW);

        // then: one work order, up to tier 2 with the reason, owned by the tier-2 seat that answered
        CallKey key = new CallKey(PBX, call.linkedId());
        StoredWorkOrder escalated = await().atMost(Duration.ofSeconds(5)).until(() -> store.workOrderOf(key)
                .filter(held -> held.tier() == Tier.TIER2), Optional::isPresent).orElseThrow();
        assertThat(store.openedFor(key)).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actions(escalated.id()))
                .containsExactly(AuditAction.OPENED, AuditAction.CALL_CONNECTED, AuditAction.CALL_ENDED,
                        AuditAction.ESCALATED, AuditAction.CALL_CONNECTED, AuditAction.CALL_ENDED));
        List<AuditEvent> trail = store.trail(escalated.id());
        AuditEvent escalation = trail.get(3);
        assertThat(escalation.fromTier()).isEqualTo(Tier.TIER1);
        assertThat(escalation.toTier()).isEqualTo(Tier.TIER2);
        assertThat(escalation.why()).isEqualTo("transferred by the seat");
        assertThat(escalation.actor()).isEqualTo(trail.get(1).actor());
        String tier2Seat = trail.get(4).actor().id();
        assertThat(tier2Seat).isNotEqualTo(escalation.actor().id());
        assertThat(store.workOrderOf(key).orElseThrow().ownerSeatId()).isEqualTo(tier2Seat);
    }

    @Test
    void shouldRestoreTheDeskFromItsStoreAndFireEachWarningDueMeanwhileOnce() throws Exception {
        // given a P3 caller who left (callback work: a response clock of 4 s) before Hotline stopped
        Map<String, String> shortClock = Map.of("HOTLINE_SLA_P3_RESPOND", "4s");
        start("hours.zone = UTC\n", shortClock);
        SimulatedChannel abandoned = pbx.call(CallerPhone.customer("+4930123437", "Gone Customer")
                .hangingUpOnHold(), "hotline-inbound", "4008001234").finishedWithin(FLOW);
        StoredWorkOrder workOrder = callbackWork(abandoned);
        hotline.close();
        hotline = null;
        Instant due75 = workOrder.response().runningSince().plus(Duration.ofSeconds(3));
        // and a call of the earlier run that never reached the desk
        CallKey orphan = new CallKey(PBX, "1795349999.1");
        orphans.add(new DeskEvent.CallArrived(orphan, new CustomerProblem("+4930123438", null, "BASIC", null),
                Severity.P3));

        // when Hotline starts again after the 75 % warning was due
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due75));
        start("hours.zone = UTC\n", shortClock);

        // then the restored desk fires the warnings it missed at once, and the breach on its second
        assertThat(store.loads()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> levelsOf(workOrder.id()).contains(WarningLevel.BREACH));
        assertThat(levelsOf(workOrder.id())).containsExactly(WarningLevel.HALF, WarningLevel.THREE_QUARTERS,
                WarningLevel.BREACH);
        DeskCommand.ClockWarning breach = warningsOf(workOrder.id()).get(2);
        assertThat(Duration.between(breach.dueAt(), breach.firedAt())).isLessThan(Duration.ofSeconds(1));
        assertThat(store.workOrderOf(workOrder.call()).orElseThrow().response().fired())
                .containsExactlyInAnyOrder(WarningLevel.values());
        StoredWorkOrder recovered = await().atMost(Duration.ofSeconds(5)).until(() -> store.workOrderOf(orphan),
                Optional::isPresent).orElseThrow();
        assertThat(recovered.id()).isGreaterThan(workOrder.id());
        assertThat(recovered.problem().contactNumber()).isEqualTo("+4930123438");
    }

    private void start(String routing, Map<String, String> more) throws Exception {
        Path file = Files.writeString(directory.resolve("routing.properties"), routing);
        Map<String, String> values = new HashMap<>(Map.of(
                "HOTLINE_ROUTING_FILE", file.toString(),
                "HOTLINE_DB_URL", DB.config().jdbcUrl(),
                "HOTLINE_HTTP_PORT", "0",
                "HOTLINE_AGI_PORT", "0",
                "HOTLINE_HEALTH_INTERVAL", "200ms",
                "HOTLINE_ASTERISK_NAME", PBX,
                "HOTLINE_DATA_DIR", TestDataDirectories.fresh("service-desk")));
        values.putAll(more);
        hotline = Hotline.start(HotlineConfiguration.from(Settings.of(values)),
                (jdbi, journal, config) -> new DeskPorts(store, notifier, since -> List.copyOf(orphans)));
        pbx = DialplanFlowTest.simulatedAsterisk(Dialplan.load(Path.of("..", "docs", "asterisk",
                "extensions.conf")), hotline);
    }

    /** The call's one work order once it is callback work. */
    private StoredWorkOrder callbackWork(SimulatedChannel call) {
        CallKey key = new CallKey(PBX, call.linkedId());
        StoredWorkOrder workOrder = await().atMost(Duration.ofSeconds(5)).until(() -> store.workOrderOf(key)
                .filter(held -> held.times().callbackAt() != null), Optional::isPresent).orElseThrow();
        assertThat(store.openedFor(key)).hasSize(1);
        assertThat(workOrder.state()).isEqualTo(WorkOrderState.NEW);
        return workOrder;
    }

    private List<AuditAction> actions(long workOrderId) {
        return store.trail(workOrderId).stream().map(AuditEvent::action).toList();
    }

    private List<DeskCommand.ClockWarning> warningsOf(long workOrderId) {
        return notifier.warnings().stream().filter(warning -> warning.workOrderId() == workOrderId).toList();
    }

    private List<WarningLevel> levelsOf(long workOrderId) {
        return warningsOf(workOrderId).stream().map(DeskCommand.ClockWarning::level).toList();
    }

    private String endpoint(Tier tier, int index) {
        return hotline.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT sip_endpoint FROM seat WHERE tier = :tier ORDER BY id").bind("tier", tier.name())
                .mapTo(String.class).list()).get(index);
    }

    private void logIn(SeatPhone seat, Tier tier) throws Exception {
        int before = hotline.routingSnapshot().seats(tier, SeatState.READY);
        dialFromSeat(seat, "*21");
        loggedIn.add(seat);
        await().atMost(Duration.ofSeconds(5)).until(() -> hotline.routingSnapshot().seats(tier, SeatState.READY)
                == before + 1);
    }

    private SimulatedChannel dialFromSeat(SeatPhone seat, String code) throws Exception {
        return pbx.call(CallerPhone.seat(seat), "hotline-seats", code).finishedWithin(FLOW);
    }
}
