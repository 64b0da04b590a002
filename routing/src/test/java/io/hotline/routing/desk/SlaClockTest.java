package io.hotline.routing.desk;

import static io.hotline.routing.desk.DeskHarness.SEAT;
import static io.hotline.routing.desk.DeskHarness.START;
import static io.hotline.routing.desk.DeskHarness.all;
import static io.hotline.routing.desk.DeskHarness.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.routing.hours.BusinessHours;
import io.hotline.routing.hours.OpeningHours;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SLA clocks: exact warnings, pause and resume, severity changes, business hours, reopen, restart. */
class SlaClockTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessHours STANDARD = new BusinessHours(SHANGHAI,
            Map.of(Tier.TIER1, OpeningHours.SEVEN_BY_ELEVEN), Set.of());

    private final DeskHarness harness = new DeskHarness();

    /** A warning as the test expects it: clock, level, due time (fired at the same instant unless said). */
    private record Fired(ClockKind clock, WarningLevel level, Instant dueAt, Instant firedAt) {
        static Fired of(DeskCommand.ClockWarning warning) {
            return new Fired(warning.clock(), warning.level(), warning.dueAt(), warning.firedAt());
        }

        static Fired onTime(ClockKind clock, WarningLevel level, Instant at) {
            return new Fired(clock, level, at, at);
        }
    }

    /** Ticks at every {@code nextTimer()} until {@code until}, collecting the warnings. */
    private List<Fired> tickThrough(Instant until) {
        List<Fired> fired = new ArrayList<>();
        while (!harness.desk.nextTimer().isAfter(until)) {
            harness.tickAt(harness.desk.nextTimer()).stream()
                    .filter(DeskCommand.ClockWarning.class::isInstance)
                    .map(DeskCommand.ClockWarning.class::cast)
                    .map(Fired::of)
                    .forEach(fired::add);
        }
        return fired;
    }

    private static Instant at(Duration sinceStart) {
        return START.plus(sinceStart);
    }

    @Test
    void shouldWarnAtHalfThreeQuartersAndBreachOfEachClockOnTheMillisecond() {
        // given
        harness.call("a", Severity.P1);

        // when
        List<DeskCommand> early = harness.tickAt(at(Duration.ofMinutes(15)).minusMillis(1));
        List<Fired> fired = tickThrough(at(Duration.ofHours(3)));

        // then
        assertThat(early).isEmpty();
        assertThat(fired).containsExactly(
                Fired.onTime(ClockKind.RESPONSE, WarningLevel.HALF, at(Duration.ofMinutes(15))),
                Fired.onTime(ClockKind.RESPONSE, WarningLevel.THREE_QUARTERS, at(Duration.ofSeconds(1350))),
                Fired.onTime(ClockKind.RESPONSE, WarningLevel.BREACH, at(Duration.ofMinutes(30))),
                Fired.onTime(ClockKind.RESOLUTION, WarningLevel.HALF, at(Duration.ofHours(1))),
                Fired.onTime(ClockKind.RESOLUTION, WarningLevel.THREE_QUARTERS, at(Duration.ofMinutes(90))),
                Fired.onTime(ClockKind.RESOLUTION, WarningLevel.BREACH, at(Duration.ofHours(2))));
        assertThat(harness.desk.nextTimer()).isEqualTo(Instant.ofEpochMilli(Long.MAX_VALUE));
        assertThat(harness.desk.snapshot().breached()).containsEntry(ClockKind.RESPONSE, 1)
                .containsEntry(ClockKind.RESOLUTION, 1);
    }

    @Test
    void shouldWarnTheOwnerAndTheSupervisorsOrOnlyTheSupervisorsWithoutOwner() {
        // given
        harness.call("owned", Severity.P1);
        harness.call("unowned", Severity.P1);
        harness.clock.advance(Duration.ofMinutes(31));
        harness.apply(new DeskEvent.CallConnected(call("owned"), "seat-3"));

        // when
        List<DeskCommand.ClockWarning> warnings = all(harness.tickAt(at(Duration.ofHours(1))),
                DeskCommand.ClockWarning.class);

        // then
        assertThat(warnings).hasSize(2);
        assertThat(warnings).extracting(DeskCommand.ClockWarning::percent).containsExactly(50, 50);
        assertThat(warnings.get(0).ownerSeatId()).isEqualTo("seat-3");
        assertThat(warnings.get(0).to()).containsExactly(new Recipient(Recipient.Kind.SEAT, "seat-3"),
                new Recipient(Recipient.Kind.SUPERVISORS, "supervisors"));
        assertThat(warnings.get(1).to()).containsExactly(new Recipient(Recipient.Kind.SUPERVISORS, "supervisors"));
    }

    @Test
    void shouldStopTheResponseClockWhenASeatAnswers() {
        // given
        harness.call("a", Severity.P1);
        harness.clock.advance(Duration.ofMinutes(10));
        harness.apply(new DeskEvent.CallConnected(call("a"), "seat-1"));

        // when
        List<Fired> fired = tickThrough(at(Duration.ofHours(1)));

        // then
        assertThat(fired).containsExactly(
                Fired.onTime(ClockKind.RESOLUTION, WarningLevel.HALF, at(Duration.ofHours(1))));
    }

    @Test
    void shouldPauseTheResolutionClockWhileWaitingOnTheCustomerAndNotCountThatTime() {
        // given
        long id = answered(Severity.P2);
        harness.clock.advance(Duration.ofHours(2));
        harness.apply(new DeskEvent.WaitingOnCustomer(id, SEAT, "waiting for a backup"));
        harness.clock.advance(Duration.ofHours(3));
        StoredWorkOrder paused = harness.workOrder(id);

        // when
        harness.apply(new DeskEvent.Resumed(id, SEAT, "backup received"));
        StoredWorkOrder resumed = harness.workOrder(id);
        List<Fired> fired = tickThrough(at(Duration.ofHours(16)));

        // then
        assertThat(paused.resolution().counted()).isEqualTo(Duration.ofHours(2));
        assertThat(paused.resolution().dueAt()).isNull();
        assertThat(resumed.resolution().dueAt()).isEqualTo(at(Duration.ofHours(27)));
        assertThat(fired).containsExactly(
                Fired.onTime(ClockKind.RESOLUTION, WarningLevel.HALF, at(Duration.ofHours(15))));
    }

    @Test
    void shouldFireNothingWhilePaused() {
        // given
        long id = answered(Severity.P1);
        harness.apply(new DeskEvent.WaitingOnCustomer(id, SEAT, "waiting"));

        // when
        List<DeskCommand> ticked = harness.tickAt(at(Duration.ofDays(3)));

        // then
        assertThat(ticked).isEmpty();
        assertThat(harness.desk.nextTimer()).isEqualTo(Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    @Test
    void shouldRecomputeTheDueTimesWhenTheSeverityChangesAndWarnAtOnceForALevelLeftBehind() {
        // given
        long id = harness.call("a", Severity.P3);
        harness.clock.advance(Duration.ofMinutes(20));

        // when
        List<DeskCommand> commands = harness.apply(new DeskEvent.SeverityChanged(id, SEAT, Severity.P1,
                "payroll is down"));

        // then
        DeskCommand.WorkOrderChanged changed = (DeskCommand.WorkOrderChanged) commands.get(0);
        assertThat(changed.audit().action()).isEqualTo(AuditAction.SEVERITY_CHANGED);
        assertThat(changed.audit().why()).isEqualTo("payroll is down");
        assertThat(changed.workOrder().response().dueAt()).isEqualTo(at(Duration.ofMinutes(30)));
        assertThat(changed.workOrder().resolution().dueAt()).isEqualTo(at(Duration.ofHours(2)));
        assertThat(all(commands, DeskCommand.ClockWarning.class)).extracting(Fired::of).containsExactly(
                new Fired(ClockKind.RESPONSE, WarningLevel.HALF, at(Duration.ofMinutes(15)),
                        at(Duration.ofMinutes(20))));
        assertThat(harness.desk.nextTimer()).isEqualTo(at(Duration.ofSeconds(1350)));
    }

    @Test
    void shouldNeverFireALevelTwiceWhenTheSeverityIsLowered() {
        // given
        long id = harness.call("a", Severity.P1);
        harness.tickAt(at(Duration.ofMinutes(15)));
        harness.clock.advance(Duration.ofMinutes(1));

        // when
        harness.apply(new DeskEvent.SeverityChanged(id, SEAT, Severity.P3, "only a report"));
        List<Fired> fired = tickThrough(at(Duration.ofHours(8)));

        // then
        assertThat(fired).containsExactly(
                Fired.onTime(ClockKind.RESPONSE, WarningLevel.THREE_QUARTERS, at(Duration.ofHours(6))),
                Fired.onTime(ClockKind.RESPONSE, WarningLevel.BREACH, at(Duration.ofHours(8))));
    }

    @Test
    void shouldCountOnlyTheContractsBusinessHours() {
        // given: 18:40 in Shanghai, tier 1 open 08:00-19:00, a P1 (30 minutes to respond)
        DeskHarness standard = new DeskHarness(DeskHarness.ALWAYS_OPEN.withContractHours(Map.of("STANDARD",
                STANDARD)), Instant.parse("2026-12-07T10:40:00Z"));
        CustomerProblem problem = new CustomerProblem("+86", 7L, "STANDARD", "HR");

        // when
        StoredWorkOrder opened = DeskHarness.opened(standard.apply(new DeskEvent.CallArrived(call("a"), problem,
                Severity.P1))).workOrder();
        List<Instant> due = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant next = standard.desk.nextTimer();
            due.add(next);
            standard.tickAt(next);
        }

        // then: 15 minutes today, 20 today + 2.5 tomorrow from 08:00, 20 today + 10 tomorrow
        assertThat(due).containsExactly(Instant.parse("2026-12-07T10:55:00Z"),
                Instant.parse("2026-12-08T00:02:30Z"), Instant.parse("2026-12-08T00:10:00Z"));
        assertThat(opened.response().dueAt()).isEqualTo(Instant.parse("2026-12-08T00:10:00Z"));
    }

    @Test
    void shouldSkipHolidaysAndClosedDaysInBusinessHours() {
        // given: the next day is a holiday
        BusinessHours withHoliday = new BusinessHours(SHANGHAI, Map.of(Tier.TIER1, OpeningHours.SEVEN_BY_ELEVEN),
                Set.of(LocalDate.of(2026, 12, 8)));
        DeskHarness standard = new DeskHarness(DeskHarness.ALWAYS_OPEN.withContractHours(Map.of("STANDARD",
                withHoliday)), Instant.parse("2026-12-07T10:40:00Z"));

        // when
        StoredWorkOrder opened = DeskHarness.opened(standard.apply(new DeskEvent.CallArrived(call("a"),
                new CustomerProblem("+86", 7L, "STANDARD", "HR"), Severity.P1))).workOrder();

        // then
        assertThat(opened.response().dueAt()).isEqualTo(Instant.parse("2026-12-09T00:10:00Z"));
    }

    @Test
    void shouldRefuseBusinessHoursThatNeverOpen() {
        // given
        BusinessHours never = new BusinessHours(SHANGHAI, Map.of(Tier.TIER1,
                new OpeningHours(Set.of(), OpeningHours.SEVEN_BY_ELEVEN.opens(), OpeningHours.SEVEN_BY_ELEVEN
                        .closes())), Set.of());

        // then
        assertThatThrownBy(() -> DeskHarness.ALWAYS_OPEN.withContractHours(Map.of("GOLD", never)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GOLD");
    }

    @Test
    void shouldStartAnAfterHoursCallsClocksAtTheNextOpening() {
        // given: 20:00 in Shanghai, the hotline (tier 1) open 08:00-19:00
        DeskConfig config = new DeskConfig(DeskConfig.DEFAULT.serviceLevels(), STANDARD, Map.of(),
                Duration.ofDays(7), "supervisors");
        DeskHarness night = new DeskHarness(config, Instant.parse("2026-12-07T12:00:00Z"));

        // when
        DeskCommand.WorkOrderOpened opened = DeskHarness.opened(night.apply(new DeskEvent.CallArrived(call("a"),
                DeskHarness.problem(), Severity.P1)));

        // then
        Instant opening = Instant.parse("2026-12-08T00:00:00Z");
        assertThat(opened.workOrder().times().callbackAt()).isEqualTo(opening);
        assertThat(opened.workOrder().response().runningSince()).isEqualTo(opening);
        assertThat(opened.audit().why()).contains("after hours");
        assertThat(night.desk.nextTimer()).isEqualTo(opening.plus(Duration.ofMinutes(15)));
    }

    @Test
    void shouldResumeTheResolutionClockOnReopenWithTheTimeCountedBefore() {
        // given
        long id = answered(Severity.P1);
        harness.clock.advance(Duration.ofMinutes(30));
        harness.apply(new DeskEvent.Resolved(id, SEAT, "restarted the service"));
        harness.clock.advance(Duration.ofDays(2));

        // when
        harness.apply(new DeskEvent.Reopened(id, SEAT, "down again"));
        Instant reopened = harness.clock.instant();
        List<Fired> fired = tickThrough(reopened.plus(Duration.ofMinutes(30)));

        // then
        assertThat(fired).containsExactly(
                Fired.onTime(ClockKind.RESOLUTION, WarningLevel.HALF, reopened.plus(Duration.ofMinutes(30))));
    }

    @Test
    void shouldFireTheWarningsMissedWhileDownAtOnceOnTheFirstTickAndNeverTwice() {
        // given
        long id = harness.call("a", Severity.P1);
        harness.tickAt(at(Duration.ofMinutes(15)));
        harness.restart();
        harness.clock.set(at(Duration.ofHours(3)));

        // when
        List<Fired> first = harness.apply(new DeskEvent.Tick()).stream().map(DeskCommand.ClockWarning.class::cast)
                .map(Fired::of).toList();
        harness.restart();
        List<DeskCommand> second = harness.apply(new DeskEvent.Tick());

        // then
        Instant now = at(Duration.ofHours(3));
        assertThat(first).containsExactly(
                new Fired(ClockKind.RESPONSE, WarningLevel.THREE_QUARTERS, at(Duration.ofSeconds(1350)), now),
                new Fired(ClockKind.RESPONSE, WarningLevel.BREACH, at(Duration.ofMinutes(30)), now),
                new Fired(ClockKind.RESOLUTION, WarningLevel.HALF, at(Duration.ofHours(1)), now),
                new Fired(ClockKind.RESOLUTION, WarningLevel.THREE_QUARTERS, at(Duration.ofMinutes(90)), now),
                new Fired(ClockKind.RESOLUTION, WarningLevel.BREACH, at(Duration.ofHours(2)), now));
        assertThat(second).isEmpty();
        assertThat(harness.workOrder(id).response().fired()).containsExactlyInAnyOrder(WarningLevel.values());
    }

    @Test
    void shouldGoOnAfterARestartWhereItStoppedWhilePaused() {
        // given
        long id = answered(Severity.P2);
        harness.clock.advance(Duration.ofHours(1));
        harness.apply(new DeskEvent.WaitingOnCustomer(id, SEAT, "waiting"));
        harness.clock.advance(Duration.ofHours(5));
        harness.restart();

        // when
        harness.apply(new DeskEvent.Resumed(id, SEAT, "answered"));
        Instant resumed = harness.clock.instant();

        // then: 1 hour counted before the pause, 11 more to 50 % of 24 hours
        assertThat(harness.desk.nextTimer()).isEqualTo(resumed.plus(Duration.ofHours(11)));
        assertThat(harness.desk.nextId()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAStoredDeskThatContradictsItself() {
        // given
        harness.call("a", Severity.P1);
        StoredDesk stored = harness.desk.stored();
        StoredDesk twice = new StoredDesk(stored.nextId(), List.of(stored.workOrders().get(0),
                stored.workOrders().get(0)));
        StoredDesk idTooHigh = new StoredDesk(1, stored.workOrders());

        // then
        assertThatThrownBy(() -> ServiceDesk.restore(harness.config, harness.clock, twice))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stored twice");
        assertThatThrownBy(() -> ServiceDesk.restore(harness.config, harness.clock, idTooHigh))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not below nextId");
    }

    private long answered(Severity severity) {
        long id = harness.call("a", severity);
        harness.apply(new DeskEvent.CallConnected(call("a"), "seat-1"));
        return id;
    }
}
