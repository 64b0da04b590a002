package io.hotline.persistence.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hotline.persistence.internal.UtcInstants;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.ServiceFigures;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Today's figures read from rows in the real server, checked against docs/figures.md's definitions: today is the
 * calendar day in the hotline's zone (a call one millisecond before its midnight is yesterday's); 10 calls of
 * which 8 answered within the 20 s threshold and 2 abandoned give a service level of 8/8 and, with abandons, 8/10;
 * a call handed to the fallback is neither answered nor abandoned; answered calls by the answering seat's tier; ASA
 * and talk time; work orders opened today by state and severity; each warning once per work order, clock and
 * level (however many people it went to); the dispatch legs; satisfaction over surveys and follow-ups. Each test
 * uses a day of its own (the class shares one database).
 */
class TodayFiguresQueryTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.demo();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Map<String, Duration> QUEUES = Map.of("support", Duration.ofSeconds(20),
            "vip", Duration.ofSeconds(10));
    private static final AtomicLong CALLS = new AtomicLong();

    private static long tier1Seat;
    private static long tier2Seat;

    @BeforeAll
    static void seats() {
        tier1Seat = seat("TIER1");
        tier2Seat = seat("TIER2");
    }

    @Test
    void shouldGiveTheServiceLevelBothWaysOfTenCallsWithTwoAbandoned() {
        // given, on 2027-03-10 in Shanghai (midnight is 2027-03-09T16:00Z), 8 calls answered within 20 s (one at
        // exactly 20 s) by tier 1 and tier 2, 2 abandoned, one handed to the fallback, and one the evening before
        Instant midnight = Instant.parse("2027-03-09T16:00:00Z");
        Instant now = midnight.plus(Duration.ofHours(9));
        for (int i = 0; i < 8; i++) {
            long wait = i == 7 ? 20_000 : 1_000 + i * 1_000;
            Instant joined = midnight.plus(Duration.ofMinutes(10 + i));
            call("support", joined, wait, i < 5 ? tier1Seat : tier2Seat, "ANSWERED", Duration.ofMinutes(3));
        }
        call("support", midnight.plus(Duration.ofHours(1)), 30_000, null, "ABANDONED", null);
        call("support", midnight.plus(Duration.ofHours(2)), 5_000, null, "ABANDONED", null);
        call("support", midnight.plus(Duration.ofHours(3)), 60_000, null, "FALLBACK", null);
        call("support", midnight.minusMillis(1), 1_000, tier1Seat, "ANSWERED", Duration.ofMinutes(1));
        call("vip", midnight.plus(Duration.ofHours(4)), 11_000, tier2Seat, "ANSWERED", null);

        // when
        TodayFigures figures = query(now).read();

        // then
        assertThat(figures.from()).isEqualTo(midnight);
        TodayFigures.QueueDay support = figures.queue("support");
        assertThat(support.offered()).isEqualTo(11);
        assertThat(support.answered()).isEqualTo(8);
        assertThat(support.abandoned()).isEqualTo(2);
        assertThat(support.answeredWithinThreshold()).isEqualTo(8);
        assertThat(support.serviceLevel()).isEqualTo(8.0 / 8);
        assertThat(support.serviceLevelWithAbandons()).isEqualTo(8.0 / 10);
        assertThat(support.answered(Tier.TIER1)).isEqualTo(5);
        assertThat(support.answered(Tier.TIER2)).isEqualTo(3);
        assertThat(support.averageSpeedOfAnswer()).isEqualTo(Duration.ofMillis((28_000 + 20_000) / 8));
        assertThat(support.averageTalkTime()).isEqualTo(Duration.ofMinutes(3));
        TodayFigures.QueueDay vip = figures.queue("vip");
        assertThat(vip.answered()).isEqualTo(1);
        assertThat(vip.answeredWithinThreshold()).isZero();
        assertThat(vip.serviceLevel()).isZero();
        assertThat(vip.talked()).isZero();
        assertThat(vip.averageTalkTime()).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldCountTheDaysWorkOrdersWarningsDispatchLegsAndSatisfaction() {
        // given, on 2027-04-20 in Shanghai
        Instant midnight = Instant.parse("2027-04-19T16:00:00Z");
        Instant now = midnight.plus(Duration.ofHours(12));
        long first = workOrder("P1", "IN_PROGRESS", midnight.plus(Duration.ofHours(1)));
        long second = workOrder("P3", "IN_PROGRESS", midnight.plus(Duration.ofHours(2)));
        workOrder("P3", "IN_PROGRESS", midnight.plus(Duration.ofHours(3)));
        long yesterday = workOrder("P2", "DISPATCHED", midnight.minus(Duration.ofHours(1)));
        Instant at = midnight.plus(Duration.ofHours(5));
        notification(first, "RESPONSE", "HALF", "SEAT", at);
        notification(first, "RESPONSE", "HALF", "SUPERVISORS", at);
        notification(first, "RESPONSE", "THREE_QUARTERS", "SEAT", at);
        notification(first, "RESOLUTION", "BREACH", "SUPERVISORS", at);
        notification(second, "RESPONSE", "BREACH", "SEAT", at);
        notification(second, "RESPONSE", "BREACH", "SUPERVISORS", at);
        notification(second, "RESPONSE", "HALF", "SEAT", midnight.minusMillis(1));
        dispatch(yesterday, midnight.plus(Duration.ofHours(6)), 4);
        steps(yesterday, midnight.minus(Duration.ofMinutes(30)), "SENT");
        steps(yesterday, midnight.plus(Duration.ofHours(6)), "ACKNOWLEDGED", "ASSIGNED", "ARRIVED", "COMPLETED",
                "FOLLOWED_UP");
        survey(first, 5, at);
        survey(second, 2, at);
        survey(second, 1, midnight.minusMillis(1));

        // when
        TodayFigures figures = query(now).read();

        // then
        assertThat(figures.workOrders(WorkOrderState.IN_PROGRESS, Severity.P3)).isEqualTo(2);
        assertThat(figures.workOrders(WorkOrderState.IN_PROGRESS, Severity.P1)).isEqualTo(1);
        assertThat(figures.workOrders(WorkOrderState.DISPATCHED, Severity.P2)).isZero();
        assertThat(figures.slaWarnings()).isEqualTo(Map.of(ClockKind.RESPONSE, 2L));
        assertThat(figures.slaBreaches()).isEqualTo(Map.of(ClockKind.RESPONSE, 1L, ClockKind.RESOLUTION, 1L));
        assertThat(figures.dispatchSteps()).isEqualTo(Map.of("ACKNOWLEDGED", 1L, "ASSIGNED", 1L, "ARRIVED", 1L,
                "COMPLETED", 1L, "FOLLOWED_UP", 1L));
        assertThat(figures.surveys()).isEqualTo(3);
        assertThat(figures.satisfaction()).isCloseTo((5 + 2 + 4) / 3.0, within(1e-9));
        assertThat(figures.service().resolved()).isZero();
        assertThat(figures.queue("support").offered()).isZero();
        assertThat(figures.queue("support").serviceLevel()).isEqualTo(1);
        assertThat(figures.queue("support").serviceLevelWithAbandons()).isEqualTo(1);
    }

    @Test
    void shouldGiveNaNSatisfactionOnADayWithoutSurveys() {
        TodayFigures figures = query(Instant.parse("2027-06-01T04:00:00Z")).read();

        assertThat(figures.surveys()).isZero();
        assertThat(figures.satisfaction()).isNaN();
        assertThat(figures.workOrders()).isEmpty();
    }

    private static TodayFiguresQuery query(Instant now) {
        return new TodayFiguresQuery(DB.jdbi(), QUEUES, SHANGHAI, ServiceFigures.REPEAT_WINDOW,
                InstantSource.fixed(now));
    }

    private static Jdbi jdbi() {
        return DB.jdbi();
    }

    private static long seat(String tier) {
        return jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM seat WHERE tier = :tier ORDER BY id"
                + " LIMIT 1").bind("tier", tier).mapTo(Long.class).one());
    }

    private static void call(String queue, Instant joined, long waitMillis, Long seat, String outcome,
                             Duration talked) {
        long number = CALLS.incrementAndGet();
        Instant answered = seat == null ? null : joined.plusMillis(waitMillis);
        Instant ended = talked == null ? null : answered.plus(talked);
        jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO call_record (asterisk_server, uniqueid, linkedid,"
                        + " queue, joined_at, answered_at, ended_at, seat_id, outcome, wait_ms)"
                        + " VALUES ('pbx1', :id, :id, :queue, :joined, :answered, :ended, :seat, :outcome, :wait)")
                .bind("id", "today-" + number).bind("queue", queue).bind("joined", UtcInstants.toSql(joined))
                .bind("answered", answered == null ? null : UtcInstants.toSql(answered))
                .bind("ended", ended == null ? null : UtcInstants.toSql(ended)).bind("seat", seat)
                .bind("outcome", outcome).bind("wait", waitMillis).execute());
    }

    private static long workOrder(String severity, String state, Instant created) {
        return jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO work_order (severity, state, tier,"
                        + " created_at, updated_at) VALUES (:severity, :state, 'TIER1', :at, :at)")
                .bind("severity", severity).bind("state", state).bind("at", UtcInstants.toSql(created))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static void notification(long workOrder, String clock, String level, String recipient, Instant at) {
        jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO notification (recipient_kind, recipient_id, kind,"
                        + " work_order_id, clock, level, created_at, journal_seq) VALUES (:recipient, 'x',"
                        + " 'CLOCK_WARNING', :workOrder, :clock, :level, :at, 0)")
                .bind("recipient", recipient).bind("workOrder", workOrder).bind("clock", clock).bind("level", level)
                .bind("at", UtcInstants.toSql(at)).execute());
    }

    private static void dispatch(long workOrder, Instant followedUp, int satisfaction) {
        jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO field_dispatch (work_order_id, state,"
                        + " site_address, opened_at, follow_up_satisfaction, follow_up_recorded_at, ranking,"
                        + " updated_at) VALUES (:workOrder, 'CLOSED', 'site', :at, :satisfaction, :at, '', :at)")
                .bind("workOrder", workOrder).bind("satisfaction", satisfaction)
                .bind("at", UtcInstants.toSql(followedUp)).execute());
    }

    private static void steps(long workOrder, Instant at, String... steps) {
        jdbi().useHandle(handle -> {
            int sequence = handle.createQuery("SELECT COUNT(*) FROM field_step WHERE work_order_id = :id")
                    .bind("id", workOrder).mapTo(Integer.class).one();
            for (String step : steps) {
                handle.createUpdate("INSERT INTO field_step (work_order_id, sequence, at, actor_kind, actor, step)"
                                + " VALUES (:id, :sequence, :at, 'SYSTEM', 'desk', :step)")
                        .bind("id", workOrder).bind("sequence", ++sequence).bind("at", UtcInstants.toSql(at))
                        .bind("step", step).execute();
            }
        });
    }

    private static void survey(long workOrder, int score, Instant recorded) {
        jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO satisfaction_survey (work_order_id, channel,"
                        + " due_at, outcome, score, recorded_at) VALUES (:workOrder, 'IVR', :at, 'ANSWERED', :score,"
                        + " :at)")
                .bind("workOrder", workOrder).bind("score", score).bind("at", UtcInstants.toSql(recorded)).execute());
    }
}
