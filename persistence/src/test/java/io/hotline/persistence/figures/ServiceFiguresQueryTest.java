package io.hotline.persistence.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.internal.UtcInstants;
import io.hotline.persistence.testing.JournalCalls;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.desk.ServiceFigures;
import io.hotline.routing.desk.ServiceFigures.Share;
import io.hotline.routing.desk.WorkOrderHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service figures of a period read from the real server, of work orders a real service desk wrote through the
 * durable journal: first-contact resolution undone by a second contact, a repeat call of the same customer and
 * product line within 7 days (also one after the period) or a reopen, and not by a repeat after 8 days or on
 * another line; a visit on site; each work order counted in the period of its first resolution only; an empty
 * period 0 of 0; and over any partition of time, what {@link ServiceFigures} gives over every history. Each test
 * writes its work orders in a region of time of its own (the class shares one database). {@link
 * ServiceFiguresQuery#bucketed}: per week and product line in one pass, each bucket what a period of it gives, the
 * buckets adding up to the period.
 */
class ServiceFiguresQueryTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    /** The first region's start; each test's region starts 100 days after the one before. */
    private static final Instant BASE = Instant.parse("2027-01-04T04:00:00.000Z");
    private static final String ERP = "ERP_U8";
    private static final String HR = "HR_PAYROLL";

    private static JournalCalls calls;
    private static List<Long> customers;

    @TempDir
    Path logDirectory;
    private FiguresDesk desk;
    private ServiceFiguresQuery query;

    @BeforeAll
    static void seed() {
        calls = JournalCalls.seed(DB.jdbi());
        customers = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM customer ORDER BY id LIMIT 8")
                .mapTo(Long.class).list());
        assertThat(customers).hasSize(8);
    }

    @BeforeEach
    void openQuery() {
        calls.newTest("f");
        query = new ServiceFiguresQuery(DB.jdbi(), ServiceFigures.REPEAT_WINDOW);
    }

    @AfterEach
    void closeDesk() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void shouldCountAWorkOrderResolvedOnItsFirstContactWithNoRepeatCall() {
        // given a call answered and resolved on that contact, and nothing more from the customer
        Instant start = region(0);
        long id = desk(start).at(start.plus(Duration.ofMinutes(5))).answeredCall(customers.get(0), ERP);
        desk.at(start.plus(Duration.ofMinutes(20))).resolve(id);
        desk.written();

        // when
        PeriodFigures figures = query.forPeriod(start, start.plus(Duration.ofDays(1)));

        // then
        assertThat(figures.firstContactResolution()).isEqualTo(new Share(1, 1));
        assertThat(figures.firstContactResolution().ratio()).isEqualTo(1.0);
        assertThat(figures.solvedWithoutVisit()).isEqualTo(new Share(1, 1));
        assertThat(figures.resolved()).isEqualTo(1);
        assertThat(figures.settledAt()).isEqualTo(start.plus(Duration.ofDays(8)));
    }

    @Test
    void shouldNotCountAResolutionAfterASecondContact() {
        // given
        Instant start = region(1);
        long id = desk(start).answeredCall(customers.get(0), ERP);
        desk.at(start.plus(Duration.ofHours(2))).contact(id);
        desk.resolve(id);
        desk.written();

        // then
        assertThat(query.forPeriod(start, start.plus(Duration.ofDays(1))).firstContactResolution())
                .isEqualTo(new Share(0, 1));
    }

    @Test
    void shouldNotCountAResolutionFollowedByARepeatCallOfTheSameCustomerAndProductLineWithin7Days() {
        // given a work order resolved near the end of the period
        Instant start = region(2);
        Instant end = start.plus(Duration.ofDays(1));
        long first = desk(start).at(start.plus(Duration.ofHours(1))).answeredCall(customers.get(1), ERP);
        desk.at(end.minus(Duration.ofHours(1))).resolve(first);
        // and the customer calls about another line the next day: no repeat
        desk.at(end.plus(Duration.ofHours(1))).answeredCall(customers.get(1), HR);
        // and about the same line again 6 days after the resolution, after the period: a repeat, itself resolved
        long repeat = desk.at(end.plus(Duration.ofDays(5))).answeredCall(customers.get(1), ERP);
        desk.resolve(repeat);
        desk.written();

        // when
        PeriodFigures figures = query.forPeriod(start, end);

        // then the first does not count, and the repeat (resolved after the period) is not among the resolved
        assertThat(figures.firstContactResolution()).isEqualTo(new Share(0, 1));
        assertThat(figures.solvedWithoutVisit()).isEqualTo(new Share(1, 1));
    }

    @Test
    void shouldCountAResolutionWhoseRepeatCallCameAfter8DaysButNotOneExactly7DaysAfter() {
        // given two customers' work orders resolved, and each customer calling again about the same line
        Instant start = region(3);
        long late = desk(start).at(start.plus(Duration.ofHours(1))).answeredCall(customers.get(2), ERP);
        long onTheDay = desk.answeredCall(customers.get(3), ERP);
        Instant resolved = start.plus(Duration.ofHours(2));
        desk.at(resolved).resolve(late);
        desk.resolve(onTheDay);
        desk.at(resolved.plus(Duration.ofDays(7))).answeredCall(customers.get(3), ERP);
        desk.at(resolved.plus(Duration.ofDays(8))).answeredCall(customers.get(2), ERP);
        desk.written();

        // when
        PeriodFigures figures = query.forPeriod(start, start.plus(Duration.ofDays(1)));

        // then the repeat after 8 days leaves the first contact's resolution standing; the one at 7 days does not
        assertThat(figures.firstContactResolution()).isEqualTo(new Share(1, 2));
        assertThat(figures.firstContactResolution().ratio()).isEqualTo(0.5);
    }

    @Test
    void shouldNotCountAReopenedWorkOrderAndCountItOnce() {
        // given a work order resolved, reopened the next day and resolved again
        Instant start = region(4);
        long id = desk(start).answeredCall(customers.get(4), ERP);
        desk.at(start.plus(Duration.ofHours(1))).resolve(id);
        desk.at(start.plus(Duration.ofDays(1))).reopen(id);
        desk.at(start.plus(Duration.ofDays(1).plusHours(1))).resolve(id);
        desk.written();

        // when
        PeriodFigures figures = query.forPeriod(start, start.plus(Duration.ofDays(2)));

        // then
        assertThat(figures.firstContactResolution()).isEqualTo(new Share(0, 1));
        assertThat(figures.solvedWithoutVisit()).isEqualTo(new Share(1, 1));
    }

    @Test
    void shouldNotCountAWorkOrderThatWentOnSiteAsSolvedWithoutAVisit() {
        // given one work order escalated to on site and one to remote, both resolved, and one on site still open
        Instant start = region(5);
        long visited = desk(start).answeredCall(customers.get(0), ERP);
        long remote = desk.answeredCall(customers.get(1), ERP);
        long open = desk.answeredCall(customers.get(2), ERP);
        for (int rung = 0; rung < 4; rung++) {
            desk.escalate(visited);
            desk.escalate(open);
            if (rung < 3) {
                desk.escalate(remote);
            }
        }
        desk.at(start.plus(Duration.ofHours(3))).resolve(visited);
        desk.resolve(remote);
        desk.written();

        // when
        PeriodFigures figures = query.forPeriod(start, start.plus(Duration.ofDays(1)));

        // then: the open one is not counted; escalations are no contacts
        assertThat(figures.solvedWithoutVisit()).isEqualTo(new Share(1, 2));
        assertThat(figures.firstContactResolution()).isEqualTo(new Share(2, 2));
    }

    @Test
    void shouldCountEachWorkOrderInThePeriodOfItsFirstResolutionOnly() {
        // given the period [from, to), with resolutions on and beside both bounds, each of another customer
        Instant from = region(6).plus(Duration.ofDays(3));
        Instant to = from.plus(Duration.ofDays(1));
        long openedBefore = desk(from.minus(Duration.ofDays(3))).answeredCall(customers.get(0), ERP);
        long reopened = desk.at(from.minus(Duration.ofHours(5))).answeredCall(customers.get(1), ERP);
        desk.at(from.minus(Duration.ofHours(2))).resolve(reopened);
        long justBefore = desk.at(from.minus(Duration.ofHours(1))).answeredCall(customers.get(2), ERP);
        long onFrom = desk.answeredCall(customers.get(3), ERP);
        desk.at(from.minusMillis(1)).resolve(justBefore);
        desk.at(from).resolve(onFrom);
        desk.at(from.plus(Duration.ofHours(1))).reopen(reopened);
        desk.at(from.plus(Duration.ofHours(2))).resolve(reopened);
        desk.at(from.plus(Duration.ofHours(3))).resolve(openedBefore);
        long justInside = desk.at(to.minus(Duration.ofHours(2))).answeredCall(customers.get(4), ERP);
        long onTo = desk.answeredCall(customers.get(5), ERP);
        desk.at(to.minusMillis(1)).resolve(justInside);
        desk.at(to).resolve(onTo);
        desk.written();

        // when
        PeriodFigures period = query.forPeriod(from, to);
        PeriodFigures before = query.forPeriod(from.minus(Duration.ofDays(1)), from);
        PeriodFigures after = query.forPeriod(to, to.plus(Duration.ofDays(1)));

        // then the period has the one opened before it, the one resolved on its start and the one a millisecond
        // before its end; the reopened one counts where it was first resolved, the one on the end in the next
        assertThat(period.firstContactResolution()).isEqualTo(new Share(3, 3));
        assertThat(period.solvedWithoutVisit()).isEqualTo(new Share(3, 3));
        assertThat(before.firstContactResolution()).isEqualTo(new Share(1, 2));
        assertThat(after.firstContactResolution()).isEqualTo(new Share(1, 1));
    }

    @Test
    void shouldGiveZeroOfZeroForAPeriodWithoutAResolution() {
        // given a period in which a call is answered but nothing is resolved
        Instant start = region(7);
        desk(start.plus(Duration.ofHours(1))).answeredCall(customers.get(0), ERP);
        desk.written();

        // when
        PeriodFigures figures = query.forPeriod(start, start.plus(Duration.ofDays(1)));
        PeriodFigures nothing = query.forPeriod(start, start);

        // then
        assertThat(figures.firstContactResolution()).isEqualTo(new Share(0, 0));
        assertThat(figures.solvedWithoutVisit()).isEqualTo(new Share(0, 0));
        assertThat(figures.firstContactResolution().ratio()).isZero();
        assertThat(figures.solvedWithoutVisit().ratio()).isZero();
        assertThat(nothing.resolved()).isZero();
    }

    @Test
    void shouldRefuseAPeriodThatEndsBeforeItStarts() {
        Instant start = region(8);

        assertThatThrownBy(() -> query.forPeriod(start, start.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> new ServiceFiguresQuery(DB.jdbi(), Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeatWindow");
    }

    @Test
    void shouldNameTheWorkOrderWhoseAuditRowCannotBeRead() {
        // given a work order whose trail has a row no version of the desk wrote
        Instant start = region(9);
        long id = desk(start).answeredCall(customers.get(0), ERP);
        desk.written();
        DB.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO work_order_event (work_order_id, sequence,"
                + " occurred_at, actor_kind, actor, action, to_state, to_tier, severity, contacts)"
                + " VALUES (:id, 99, :at, 'SEAT', 'S1', 'SOLVED_SOMEHOW', 'RESOLVED', 'TIER1', 'P3', 1)").bind("id", id)
                .bind("at", UtcInstants.toSql(start.plus(Duration.ofHours(1)))).execute());

        // then
        assertThatThrownBy(() -> query.forPeriod(start, start.plus(Duration.ofDays(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("work order " + id)
                .hasMessageContaining("SOLVED_SOMEHOW");
    }

    @Test
    void shouldGiveOverAnyPartitionOfTimeWhatServiceFiguresGivesOverEveryHistory() {
        // given a seeded random month of calls, contacts, escalations, resolutions and reopens of a few customers
        // (and unknown callers) on two product lines
        long seed = Long.getLong("figures.seed", 20_261_207L);
        Random random = new Random(seed);
        Instant start = region(10);
        desk(start);
        List<Long> ids = new ArrayList<>();
        for (int step = 0; step < 200; step++) {
            desk.at(desk.now().plus(Duration.ofMinutes(random.nextInt(8 * 60))));
            int choice = random.nextInt(10);
            if (ids.isEmpty() || choice < 3) {
                Long customer = random.nextInt(6) == 0 ? null : customers.get(random.nextInt(5));
                ids.add(desk.answeredCall(customer, random.nextBoolean() ? ERP : HR));
                continue;
            }
            long id = ids.get(random.nextInt(ids.size()));
            switch (choice) {
                case 6 -> desk.reopen(id);
                case 7 -> {
                    for (int rung = random.nextInt(4); rung >= 0; rung--) {
                        desk.escalate(id);
                    }
                }
                case 8 -> desk.contact(id);
                default -> desk.resolve(id);
            }
        }
        desk.written();
        List<WorkOrderHistory> histories = desk.histories();
        Share fcr = ServiceFigures.firstContactResolution(histories, ServiceFigures.REPEAT_WINDOW);
        Share withoutVisit = ServiceFigures.solvedWithoutVisit(histories);
        assertThat(fcr.of()).as("seed %d: enough resolved", seed).isGreaterThan(20);
        assertThat(fcr.count()).as("seed %d: some but not all first-contact", seed).isBetween(1L, fcr.of() - 1);
        assertThat(withoutVisit.count()).as("seed %d: some visits", seed).isBetween(1L, withoutVisit.of() - 1);
        Instant end = desk.now().plusMillis(1);

        // when the time is cut into periods of 1 to 9 days
        long periodFcr = 0;
        long periodWithoutVisit = 0;
        long periodResolved = 0;
        Instant from = start;
        while (from.isBefore(end)) {
            Instant to = min(from.plus(Duration.ofDays(1 + random.nextInt(9))).plusMillis(random.nextInt(1000)), end);
            PeriodFigures figures = query.forPeriod(from, to);
            periodFcr += figures.firstContactResolution().count();
            periodWithoutVisit += figures.solvedWithoutVisit().count();
            periodResolved += figures.resolved();
            from = to;
        }

        // then the periods add up to the figures over every history, and so does one period over all of it
        assertThat(new Share(periodFcr, periodResolved)).as("seed %d", seed).isEqualTo(fcr);
        assertThat(new Share(periodWithoutVisit, periodResolved)).as("seed %d", seed).isEqualTo(withoutVisit);
        PeriodFigures whole = query.forPeriod(start, end);
        assertThat(whole.firstContactResolution()).as("seed %d", seed).isEqualTo(fcr);
        assertThat(whole.solvedWithoutVisit()).as("seed %d", seed).isEqualTo(withoutVisit);

        // and one bucketed pass over all of it, by the week of the resolution, gives each week what a period of
        // that week gives, and its buckets add up to the whole
        BucketedFigures<Long> weeks = query.bucketed(start, end,
                order -> Duration.between(start, order.resolvedAt()).toDays() / 7);
        assertThat(weeks.period()).as("seed %d", seed).isEqualTo(whole);
        assertThat(weeks.buckets().size()).as("seed %d: several weeks", seed).isGreaterThan(1);
        BucketedFigures.Bucket sum = BucketedFigures.Bucket.NONE;
        for (long week = 0; start.plus(Duration.ofDays(7 * week)).isBefore(end); week++) {
            PeriodFigures period = query.forPeriod(start.plus(Duration.ofDays(7 * week)),
                    min(start.plus(Duration.ofDays(7 * (week + 1))), end));
            BucketedFigures.Bucket bucket = weeks.buckets().getOrDefault(week, BucketedFigures.Bucket.NONE);
            assertThat(bucket).as("seed %d, week %d", seed, week).isEqualTo(new BucketedFigures.Bucket(
                    period.firstContactResolution(), period.solvedWithoutVisit()));
            sum = sum.plus(bucket);
        }
        assertThat(sum).as("seed %d", seed).isEqualTo(new BucketedFigures.Bucket(fcr, withoutVisit));
        // and by product line, unknown customers' work orders among them, the lines add up to the whole
        BucketedFigures<String> lines = query.bucketed(start, end, ResolvedWorkOrder::productLine);
        assertThat(lines.buckets()).as("seed %d", seed).containsOnlyKeys(ERP, HR);
        assertThat(lines.buckets().get(ERP).plus(lines.buckets().get(HR))).as("seed %d", seed)
                .isEqualTo(new BucketedFigures.Bucket(fcr, withoutVisit));
    }

    @Test
    void shouldBucketEachResolvedWorkOrderByTheCallersKeyInTheSamePassAsThePeriodsFigures() {
        // given in the first week an ERP work order resolved on its first contact, and in the second week two HR
        // work orders, one resolved after a second contact and one after a visit on site
        Instant start = region(11);
        long firstWeek = desk(start).at(start.plus(Duration.ofHours(1))).answeredCall(customers.get(0), ERP);
        desk.resolve(firstWeek);
        long contacted = desk.at(start.plus(Duration.ofDays(8))).answeredCall(customers.get(1), HR);
        desk.contact(contacted);
        desk.resolve(contacted);
        long visited = desk.answeredCall(customers.get(2), HR);
        for (int rung = 0; rung < 4; rung++) {
            desk.escalate(visited);
        }
        desk.resolve(visited);
        desk.written();
        Instant end = start.plus(Duration.ofDays(14));

        // when bucketed by the week of the resolution and the product line
        BucketedFigures<String> figures = query.bucketed(start, end, order -> Duration.between(start,
                order.resolvedAt()).toDays() / 7 + "/" + order.productLine());

        // then each bucket holds its own work orders' decisions
        assertThat(figures.buckets()).containsOnlyKeys("0/" + ERP, "1/" + HR);
        assertThat(figures.buckets().get("0/" + ERP))
                .isEqualTo(new BucketedFigures.Bucket(new Share(1, 1), new Share(1, 1)));
        assertThat(figures.buckets().get("1/" + HR))
                .isEqualTo(new BucketedFigures.Bucket(new Share(1, 2), new Share(1, 2)));
        // and the buckets add up to the period's figures, which are forPeriod's
        BucketedFigures.Bucket sum = figures.buckets().values().stream()
                .reduce(BucketedFigures.Bucket.NONE, BucketedFigures.Bucket::plus);
        assertThat(sum).isEqualTo(new BucketedFigures.Bucket(new Share(2, 3), new Share(2, 3)));
        assertThat(new BucketedFigures.Bucket(figures.period().firstContactResolution(),
                figures.period().solvedWithoutVisit())).isEqualTo(sum);
        assertThat(figures.period()).isEqualTo(query.forPeriod(start, end));
        // and the first week alone buckets only its own resolution
        assertThat(query.bucketed(start, start.plus(Duration.ofDays(7)), ResolvedWorkOrder::productLine).buckets())
                .containsOnlyKeys(ERP);
    }

    private FiguresDesk desk(Instant start) {
        desk = new FiguresDesk(DB.jdbi(), calls, logDirectory, start);
        return desk;
    }

    private static Instant region(int index) {
        return BASE.plus(Duration.ofDays(100L * index));
    }

    private static Instant min(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }
}
