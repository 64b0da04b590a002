package io.hotline.persistence.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hotline.persistence.figures.PeriodFigures;
import io.hotline.persistence.figures.ServiceFiguresQuery;
import io.hotline.persistence.internal.UtcInstants;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.ServiceFigures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The report of crafted records read from the real server, each figure against its definition in docs/figures.md:
 * the period's bounds {@code [from, to)} at midnight in the zone (Asia/Shanghai, 8 h ahead of UTC), ISO weeks cut
 * at Monday's midnight in the zone, cancelled work orders counted nowhere, the NPS arithmetic, the 3-in-30-days rule
 * and the 60 days of licences. Each test writes its records in a period of its own (the class shares one database).
 */
class ServiceReportQueryTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ERP = "RPT_ERP";
    private static final String HR = "RPT_HR";

    private static ServiceReportQuery query;
    private static long customerA;
    private static long customerB;
    private static long customerC;
    private static long customerD;

    @BeforeAll
    static void seed() {
        query = new ServiceReportQuery(DB.jdbi(), ZONE, ServiceFigures.REPEAT_WINDOW);
        long erp = skill(ERP);
        long hr = skill(HR);
        customerA = customer("RC-A");
        customerB = customer("RC-B");
        customerC = customer("RC-C");
        customerD = customer("RC-D");
        // licences around the end of 2031-06-01's period: only the first two are within 60 days after it
        licence(customerA, erp, "2031-06-01");
        licence(customerB, erp, "2031-07-30");
        licence(customerC, erp, "2031-07-31");
        licence(customerD, erp, "2031-05-31");
        licence(customerD, hr, null);
    }

    @Test
    void shouldReportNothingForAnEmptyPeriod() {
        // when
        ServiceReport report = query.forPeriod(LocalDate.parse("2030-01-07"), LocalDate.parse("2030-01-21"));

        // then
        ReportFigures totals = report.totals();
        assertThat(totals.closure()).isEqualTo(Share.NONE);
        assertThat(totals.closure().defined()).isFalse();
        assertThat(totals.resolved()).isZero();
        assertThat(totals.averageHandlingMillis()).isEqualTo(-1);
        assertThat(totals.slaResolution("P1")).isEqualTo(Share.NONE);
        assertThat(totals.legAcknowledged()).isEqualTo(Share.NONE);
        assertThat(totals.satisfaction()).isEqualTo(ReportFigures.Satisfaction.NONE);
        assertThat(totals.firstContact()).isEqualTo(Share.NONE);
        assertThat(report.weeks()).extracting(ServiceReport.Slice::key).containsExactly("2030-W02", "2030-W03");
        assertThat(report.productLines()).isEmpty();
        assertThat(report.recurring()).isEmpty();
        assertThat(report.settledAt()).isEqualTo(Instant.parse("2030-01-27T16:00:00Z"));
    }

    @Test
    void shouldCountClosureOfTheWorkOrdersOpenedInThePeriodButNotCancelled() {
        // given the period 2030-03-04 to 2030-03-11 in Shanghai
        order().opened("2030-03-04T00:00").closed("2030-03-05T09:00").write(); // at from: in, closed in time
        order().opened("2030-03-06T10:00").closed("2030-03-11T00:00").write(); // closed at the end: too late
        order().opened("2030-03-06T11:00").write();                              // still open
        order().opened("2030-03-06T12:00").state("CANCELLED").closed("2030-03-06T13:00").write();
        order().opened("2030-03-03T23:59").closed("2030-03-04T09:00").write();   // before from
        order().opened("2030-03-11T00:00").closed("2030-03-11T01:00").write();   // at to: out

        // when
        ServiceReport report = query.forPeriod(LocalDate.parse("2030-03-04"), LocalDate.parse("2030-03-11"));

        // then
        assertThat(report.totals().closure()).isEqualTo(new Share(1, 3));
        assertThat(report.totals().closure().ratio()).isEqualTo(1.0 / 3);
    }

    @Test
    void shouldReportHandlingTimeSlaAttainmentPerSeverityAndOnSiteShareOfThoseResolvedInThePeriod() {
        // given, resolved in 2030-04-01 .. 2030-04-08
        order().severity("P1").opened("2030-04-01T08:00").responded("2030-04-01T08:10", "2030-04-01T08:15")
                .resolved("2030-04-01T10:00", "2030-04-01T12:00").write();             // 2 h, both in time
        order().severity("P1").opened("2030-04-01T08:00").resolved("2030-04-01T14:00", "2030-04-01T12:00")
                .write();                                                              // 6 h, late, not responded
        long dispatched = order().severity("P2").opened("2030-03-30T08:00")
                .responded("2030-03-30T09:00", "2030-03-30T08:30").resolved("2030-04-02T08:00", null).write();
        dispatch(dispatched, "2030-03-30T10:00");                                      // 72 h, on site
        order().severity("P3").state("CANCELLED").opened("2030-04-01T08:00")
                .resolved("2030-04-01T09:00", "2030-04-01T12:00").write();
        order().severity("P3").opened("2030-04-01T08:00").resolved("2030-04-08T00:00", "2030-04-09T00:00")
                .write();                                                              // resolved at to: out

        // when
        ReportFigures totals = query.forPeriod(LocalDate.parse("2030-04-01"), LocalDate.parse("2030-04-08"))
                .totals();

        // then
        assertThat(totals.resolved()).isEqualTo(3);
        assertThat(totals.averageHandlingMillis()).isEqualTo(Duration.ofHours(80).toMillis() / 3);
        assertThat(totals.slaResolution("P1")).isEqualTo(new Share(1, 2));
        assertThat(totals.slaResolution("P2")).as("no due time: not counted").isEqualTo(Share.NONE);
        assertThat(totals.slaResolution("P3")).isEqualTo(Share.NONE);
        assertThat(totals.slaResponse("P1")).isEqualTo(new Share(1, 1));
        assertThat(totals.slaResponse("P2")).isEqualTo(new Share(0, 1));
        assertThat(totals.onSite()).isEqualTo(new Share(1, 3));
    }

    @Test
    void shouldCutWeeksAtMondayMidnightInTheZoneAndClipThemToThePeriod() {
        // given a period from a Wednesday; Monday 2030-05-13 00:00 in Shanghai is Sunday 16:00 UTC
        order().line(ERP).opened("2030-05-12T23:59").write();
        order().line(ERP).opened("2030-05-13T00:00").write();
        order().line(HR).opened("2030-05-13T00:01").write();
        order().opened("2030-05-08T00:00").write();

        // when
        ServiceReport report = query.forPeriod(LocalDate.parse("2030-05-08"), LocalDate.parse("2030-05-20"));

        // then
        assertThat(report.weeks()).extracting(ServiceReport.Slice::key).containsExactly("2030-W19", "2030-W20");
        assertThat(report.weeks()).extracting(ServiceReport.Slice::from)
                .containsExactly(LocalDate.parse("2030-05-08"), LocalDate.parse("2030-05-13"));
        assertThat(report.weeks().get(0).figures().closure().of()).isEqualTo(2);
        assertThat(report.weeks().get(1).figures().closure().of()).isEqualTo(2);
        assertThat(report.productLines()).extracting(ServiceReport.Slice::key)
                .containsExactly(ServiceReport.NO_PRODUCT_LINE, ERP, HR);
        assertThat(report.productLines()).extracting(slice -> slice.figures().closure().of())
                .containsExactly(1L, 2L, 1L);
        // and with no desk trail resolved, first-contact resolution is computed, of nothing
        assertThat(report.productLines().get(1).figures().firstContact()).isEqualTo(Share.NONE);
        assertThat(report.weeks().get(1).figures().withoutVisit()).isEqualTo(Share.NONE);
    }

    @Test
    void shouldCountLegsAcknowledgedBySendDeadlineAndOrdersAssignedByAssignmentDeadline() {
        // given legs sent in 2030-06-03 .. 2030-06-10
        long first = order().opened("2030-06-03T08:00").write();
        dispatch(first, "2030-06-03T08:00");
        leg(first, 1, "2030-06-03T08:00", "2030-06-03T08:20");   // late: the deadline is 10 min
        leg(first, 2, "2030-06-03T08:30", "2030-06-03T08:35");   // in time, and the order's acknowledgement
        assign(first, "2030-06-03T12:35", "2030-06-03T12:00");  // assigned at the deadline: in time
        long second = order().opened("2030-06-04T08:00").write();
        dispatch(second, "2030-06-04T08:00");
        leg(second, 1, "2030-06-04T08:00", null);                 // never acknowledged
        long third = order().opened("2030-06-05T08:00").write();
        dispatch(third, "2030-06-05T08:00");
        leg(third, 1, "2030-06-05T08:00", "2030-06-05T08:10");   // at the deadline: in time
        assign(third, "2030-06-05T12:10", "2030-06-05T13:00");  // late
        long fourth = order().opened("2030-06-06T08:00").write();
        dispatch(fourth, "2030-06-06T08:00");
        leg(fourth, 1, "2030-06-06T08:00", "2030-06-06T08:01");   // acknowledged, not assigned yet

        // when
        ReportFigures totals = query.forPeriod(LocalDate.parse("2030-06-03"), LocalDate.parse("2030-06-10"))
                .totals();

        // then
        assertThat(totals.legAcknowledged()).isEqualTo(new Share(3, 5));
        assertThat(totals.assignedInTime()).isEqualTo(new Share(1, 3));
    }

    @Test
    void shouldAverageScoresAndComputeTheNpsOfSurveysAndFollowUpCallsAnsweredInThePeriod() {
        // given scores 5, 5, 4, 3, 1 by IVR, one declined, one after the period, and a follow-up call scoring 5
        long order = order().opened("2030-07-01T08:00").write();
        for (int score : new int[] {5, 5, 4, 3, 1}) {
            survey(order, "ANSWERED", score, "2030-07-02T10:00");
        }
        survey(order, "DECLINED", 1, "2030-07-02T10:00");
        survey(order, "ANSWERED", 1, "2030-07-08T00:00");
        long visited = order().opened("2030-07-01T09:00").write();
        dispatch(visited, "2030-07-01T09:00");
        followUp(visited, 5, "2030-07-07T23:59");

        // when
        ReportFigures.Satisfaction satisfaction = query.forPeriod(LocalDate.parse("2030-07-01"),
                LocalDate.parse("2030-07-08")).totals().satisfaction();

        // then 3 promoters (5), 1 passive (4), 2 detractors (1-3) of 6
        assertThat(satisfaction.answered()).isEqualTo(6);
        assertThat(satisfaction.promoters()).isEqualTo(3);
        assertThat(satisfaction.passives()).isEqualTo(1);
        assertThat(satisfaction.detractors()).isEqualTo(2);
        assertThat(satisfaction.mean()).isCloseTo(23.0 / 6, within(1e-9));
        assertThat(satisfaction.nps()).isCloseTo(100.0 / 6, within(1e-9));
        assertThat(new ReportFigures.Satisfaction(2, 2, 0, 2).nps()).isEqualTo(-100.0);
    }

    @Test
    void shouldListACustomerWhoseSameProblemCameBackThreeTimesWithin30DaysEndingInThePeriod() {
        // given the period 2030-09-01 .. 2030-09-08
        // A: 3 within 30 days, the third in the period, the category written differently
        long a1 = order().customer(customerA).line(ERP).category("Printing").opened("2030-08-10T09:00").write();
        long a2 = order().customer(customerA).line(ERP).category("printing ").opened("2030-08-20T09:00").write();
        long a3 = order().customer(customerA).line(ERP).category("Printing").opened("2030-09-02T09:00").write();
        order().customer(customerA).line(HR).category("Printing").opened("2030-09-03T09:00").write();
        // B: 3 spanning exactly 30 days: the window is (t - 30 d, t]
        order().customer(customerB).line(ERP).category("Login").opened("2030-08-03T09:00").write();
        order().customer(customerB).line(ERP).category("Login").opened("2030-08-20T09:00").write();
        order().customer(customerB).line(ERP).category("Login").opened("2030-09-02T09:00").write();
        // C: 3, one cancelled
        order().customer(customerC).line(ERP).category("Login").opened("2030-08-28T09:00").write();
        order().customer(customerC).line(ERP).category("Login").state("CANCELLED").opened("2030-08-29T09:00")
                .write();
        order().customer(customerC).line(ERP).category("Login").opened("2030-09-03T09:00").write();
        // D: 3 within 30 days, all before the period
        order().customer(customerD).line(ERP).category("Login").opened("2030-08-25T09:00").write();
        order().customer(customerD).line(ERP).category("Login").opened("2030-08-26T09:00").write();
        order().customer(customerD).line(ERP).category("Login").opened("2030-08-27T09:00").write();

        // when
        List<ServiceReport.RecurringProblem> recurring = query.forPeriod(LocalDate.parse("2030-09-01"),
                LocalDate.parse("2030-09-08")).recurring();

        // then
        assertThat(recurring).hasSize(1);
        ServiceReport.RecurringProblem problem = recurring.get(0);
        assertThat(problem.customerCode()).isEqualTo("RC-A");
        assertThat(problem.productLine()).isEqualTo(ERP);
        assertThat(problem.category()).isEqualTo("Printing");
        assertThat(problem.workOrders()).containsExactly(a1, a2, a3);
        assertThat(problem.lastOpened()).isEqualTo(at("2030-09-02T09:00"));
    }

    @Test
    void shouldListLicencesExpiringWithin60DaysAfterThePeriodsEnd() {
        // when
        List<ServiceReport.ExpiringLicence> licences = query.forPeriod(LocalDate.parse("2031-05-01"),
                LocalDate.parse("2031-06-01")).licences();

        // then
        assertThat(licences).extracting(ServiceReport.ExpiringLicence::customerCode).containsExactly("RC-A", "RC-B");
        assertThat(licences).extracting(ServiceReport.ExpiringLicence::daysLeft).containsExactly(0L, 59L);
        assertThat(licences.get(0).productLine()).isEqualTo(ERP);
    }

    @Test
    void shouldTakeFirstContactResolutionOfThePeriodItsWeeksAndItsProductLinesFromTheServiceFiguresQuery() {
        // given desk trails in the weeks of 2030-10-07 and 2030-10-14: A resolved on its first contact but called
        // about again 3 days later (B: a repeat call), B resolved on its first contact, C escalated on site
        long a = order().customer(customerA).line(ERP).opened("2030-10-08T09:00").write();
        event(a, 1, "2030-10-08T09:00", "OPENED", "NEW", "TIER1", 1);
        event(a, 2, "2030-10-09T09:00", "RESOLVED", "RESOLVED", "TIER1", 1);
        long b = order().customer(customerA).line(ERP).opened("2030-10-12T09:00").write();
        event(b, 1, "2030-10-12T09:00", "OPENED", "NEW", "TIER1", 1);
        event(b, 2, "2030-10-15T09:00", "RESOLVED", "RESOLVED", "TIER1", 1);
        long c = order().customer(customerB).line(HR).opened("2030-10-14T09:00").write();
        event(c, 1, "2030-10-14T09:00", "OPENED", "NEW", "TIER1", 1);
        event(c, 2, "2030-10-14T10:00", "ESCALATED", "DISPATCHED", "ON_SITE", 1);
        event(c, 3, "2030-10-16T09:00", "RESOLVED", "RESOLVED", "ON_SITE", 2);

        // when
        LocalDate from = LocalDate.parse("2030-10-07");
        LocalDate to = LocalDate.parse("2030-10-21");
        ServiceReport report = query.forPeriod(from, to);

        // then each work order counts in the week of its first resolution and in its product line: A (not first
        // contact) in W41, B (first contact) and C (on site, two contacts) in W42
        assertThat(report.weeks()).extracting(ServiceReport.Slice::key).containsExactly("2030-W41", "2030-W42");
        assertThat(report.weeks()).extracting(week -> week.figures().firstContact())
                .containsExactly(new Share(0, 1), new Share(1, 2));
        assertThat(report.weeks()).extracting(week -> week.figures().withoutVisit())
                .containsExactly(new Share(1, 1), new Share(1, 2));
        assertThat(report.productLines()).extracting(ServiceReport.Slice::key).contains(ERP, HR);
        assertThat(line(report, ERP).firstContact()).isEqualTo(new Share(1, 2));
        assertThat(line(report, ERP).withoutVisit()).isEqualTo(new Share(2, 2));
        assertThat(line(report, HR).firstContact()).isEqualTo(new Share(0, 1));
        assertThat(line(report, HR).withoutVisit()).isEqualTo(new Share(0, 1));
        // and the weeks and the product lines each add up to the totals
        assertThat(report.weeks().stream().map(week -> week.figures().firstContact()).reduce(Share.NONE,
                (x, y) -> new Share(x.count() + y.count(), x.of() + y.of()))).isEqualTo(report.totals().firstContact());
        assertThat(report.productLines().stream().map(line -> line.figures().withoutVisit()).reduce(Share.NONE,
                (x, y) -> new Share(x.count() + y.count(), x.of() + y.of()))).isEqualTo(report.totals().withoutVisit());
        assertThat(report.totals().firstContact()).isEqualTo(new Share(1, 3));
        assertThat(report.totals().withoutVisit()).isEqualTo(new Share(2, 3));
        PeriodFigures whole = new ServiceFiguresQuery(DB.jdbi(), ServiceFigures.REPEAT_WINDOW)
                .forPeriod(from.atStartOfDay(ZONE).toInstant(), to.atStartOfDay(ZONE).toInstant());
        assertThat(report.totals().firstContact()).isEqualTo(new Share(whole.firstContactResolution().count(),
                whole.firstContactResolution().of()));
        assertThat(report.totals().withoutVisit()).isEqualTo(new Share(whole.solvedWithoutVisit().count(),
                whole.solvedWithoutVisit().of()));
    }

    @Test
    void shouldRefuseAPeriodThatDoesNotEndAfterItStarts() {
        assertThatThrownBy(() -> query.forPeriod(LocalDate.parse("2030-01-02"), LocalDate.parse("2030-01-02")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2030-01-02");
    }

    private static ReportFigures line(ServiceReport report, String line) {
        return report.productLines().stream().filter(slice -> slice.key().equals(line)).findFirst().orElseThrow()
                .figures();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    private static String sql(String local) {
        return local == null ? null : UtcInstants.toSql(at(local));
    }

    private static long skill(String code) {
        return DB.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO skill (code, name, kind) VALUES"
                + " (:code, :code, 'PRODUCT_LINE')").bind("code", code).executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one());
    }

    private static long customer(String code) {
        return DB.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO customer (code, name, region,"
                + " site_address, latitude, longitude, contract_level, created_at) VALUES (:code, :name, 'R',"
                + " 'Site', 31, 121, 'STANDARD', UTC_TIMESTAMP(3))").bind("code", code).bind("name", "Customer "
                + code).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static void event(long order, int sequence, String at, String action, String state, String tier,
                              int contacts) {
        DB.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO work_order_event (work_order_id, sequence,"
                + " occurred_at, actor_kind, actor, action, to_state, to_tier, severity, contacts) VALUES (:id,"
                + " :sequence, :at, 'SEAT', 'S101', :action, :state, :tier, 'P3', :contacts)").bind("id", order)
                .bind("sequence", sequence).bind("at", sql(at)).bind("action", action).bind("state", state)
                .bind("tier", tier).bind("contacts", contacts).execute());
    }

    private static void licence(long customer, long skill, String expires) {
        DB.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO customer_product (customer_id,"
                + " product_skill_id, version, licence_expires_on) VALUES (:customer, :skill, 'V1', :expires)")
                .bind("customer", customer).bind("skill", skill).bind("expires", expires).execute());
    }

    private static void dispatch(long order, String opened) {
        DB.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO field_dispatch (work_order_id, state,"
                + " site_address, opened_at, ranking, updated_at) VALUES (:id, 'SENT', 'Site', :at, '[]', :at)")
                .bind("id", order).bind("at", sql(opened)).execute());
    }

    private static void leg(long order, int number, String sent, String acknowledged) {
        DB.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO field_dispatch_leg (work_order_id, number,"
                + " branch_code, distance_km, sent_at, ack_due_at, acknowledged_at) VALUES (:id, :number, 'B01', 3,"
                + " :sent, :due, :acknowledged)").bind("id", order).bind("number", number).bind("sent", sql(sent))
                .bind("due", UtcInstants.toSql(at(sent).plus(Duration.ofMinutes(10))))
                .bind("acknowledged", sql(acknowledged)).execute());
    }

    private static void assign(long order, String due, String assigned) {
        DB.jdbi().useHandle(handle -> handle.createUpdate("UPDATE field_dispatch SET assign_due_at = :due,"
                + " assigned_at = :assigned WHERE work_order_id = :id").bind("id", order).bind("due", sql(due))
                .bind("assigned", sql(assigned)).execute());
    }

    private static void survey(long order, String outcome, int score, String recorded) {
        DB.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO satisfaction_survey (work_order_id, channel,"
                + " due_at, outcome, score, recorded_at) VALUES (:id, 'IVR', :at, :outcome, :score, :at)")
                .bind("id", order).bind("at", sql(recorded)).bind("outcome", outcome).bind("score", score)
                .execute());
    }

    private static void followUp(long order, int score, String recorded) {
        DB.jdbi().useHandle(handle -> handle.createUpdate("UPDATE field_dispatch SET follow_up_satisfaction = :score,"
                + " follow_up_recorded_at = :at WHERE work_order_id = :id").bind("id", order).bind("score", score)
                .bind("at", sql(recorded)).execute());
    }

    private static Order order() {
        return new Order();
    }

    /** A work order to write, P3 in progress by default. */
    private static final class Order {
        private Long customer;
        private String line;
        private String category;
        private String severity = "P3";
        private String state = "IN_PROGRESS";
        private String opened;
        private String responded;
        private String responseDue;
        private String resolved;
        private String resolutionDue;
        private String closed;

        Order customer(long id) {
            customer = id;
            return this;
        }

        Order line(String code) {
            line = code;
            return this;
        }

        Order category(String text) {
            category = text;
            return this;
        }

        Order severity(String value) {
            severity = value;
            return this;
        }

        Order state(String value) {
            state = value;
            return this;
        }

        Order opened(String local) {
            opened = local;
            return this;
        }

        Order responded(String at, String due) {
            responded = at;
            responseDue = due;
            return this;
        }

        Order resolved(String at, String due) {
            resolved = at;
            resolutionDue = due;
            return this;
        }

        Order closed(String at) {
            closed = at;
            return this;
        }

        long write() {
            return DB.jdbi().withHandle(handle -> handle.createUpdate("INSERT INTO work_order (customer_id,"
                    + " product_line, category, severity, state, tier, created_at, updated_at, responded_at,"
                    + " response_due_at, resolved_at, resolution_due_at, closed_at) VALUES (:customer, :line,"
                    + " :category, :severity, :state, 'TIER1', :opened, :opened, :responded, :responseDue,"
                    + " :resolved, :resolutionDue, :closed)").bind("customer", customer).bind("line", line)
                    .bind("category", category).bind("severity", severity).bind("state", state)
                    .bind("opened", sql(opened)).bind("responded", sql(responded))
                    .bind("responseDue", sql(responseDue)).bind("resolved", sql(resolved))
                    .bind("resolutionDue", sql(resolutionDue)).bind("closed", sql(closed))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        }
    }
}
