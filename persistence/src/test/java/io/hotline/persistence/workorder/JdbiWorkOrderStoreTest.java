package io.hotline.persistence.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotline.persistence.dao.ActorKind;
import io.hotline.persistence.dao.DuplicateKeys;
import io.hotline.persistence.dao.WorkOrderEventDao;
import io.hotline.persistence.dao.WorkOrderEventRow;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.sla.ServiceLevels;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.OpenedWorkOrder;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrder;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbiWorkOrderStoreTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    /** When the call entered Hotline: has a millisecond part. */
    private static final Instant OPENED = Instant.parse("2026-11-22T03:04:05.678Z");
    /** When the store writes (a little later than the call opened). */
    private static final Instant NOW = Instant.parse("2026-11-22T03:04:06.789Z");

    private final JdbiWorkOrderStore store =
            new JdbiWorkOrderStore(DB.jdbi(), ServiceLevels.DEFAULT, InstantSource.fixed(NOW));

    @Test
    void shouldOpenANewWorkOrderWithItsCreatedEvent() {
        // given
        CallWorkOrderRequest request = request("pbx-1", "1700000000.1", Severity.P2, Tier.TIER1);

        // when
        OpenedWorkOrder opened = store.openForCall(request);

        // then the work order is NEW, on the request's tier and severity
        assertThat(opened.created()).isTrue();
        WorkOrder workOrder = opened.workOrder();
        assertThat(workOrder.asteriskServer()).isEqualTo("pbx-1");
        assertThat(workOrder.linkedId()).isEqualTo("1700000000.1");
        assertThat(workOrder.callerNumber()).isEqualTo("+8613800000000");
        assertThat(workOrder.customerId()).isNull();
        assertThat(workOrder.state()).isEqualTo(WorkOrderState.NEW);
        assertThat(workOrder.tier()).isEqualTo(Tier.TIER1);
        assertThat(workOrder.severity()).isEqualTo(Severity.P2);
        assertThat(workOrder.ownerSeatId()).isNull();
        assertThat(workOrder.createdAt()).isEqualTo(OPENED);
        assertThat(workOrder.version()).isZero();
        assertThat(store.find(workOrder.id())).contains(workOrder);
        assertThat(store.findByCall("pbx-1", "1700000000.1")).contains(workOrder);
        Instant updatedAt = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT updated_at FROM work_order WHERE id = :id").bind("id", workOrder.id())
                .mapTo(Instant.class).one());
        assertThat(updatedAt).isEqualTo(OPENED);

        // and its audit trail starts with the system's CREATED event
        List<WorkOrderEventRow> trail = events(workOrder.id());
        assertThat(trail).singleElement().satisfies(event -> {
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.actorKind()).isEqualTo(ActorKind.SYSTEM);
            assertThat(event.actor()).isEqualTo("hotline");
            assertThat(event.action()).isEqualTo("CREATED");
            assertThat(event.fromState()).isNull();
            assertThat(event.toState()).isEqualTo(WorkOrderState.NEW);
            assertThat(event.fromTier()).isNull();
            assertThat(event.toTier()).isEqualTo(Tier.TIER1);
            assertThat(event.reason()).isEqualTo("call 1700000000.1 from +8613800000000");
        });
    }

    @Test
    void shouldReturnTheSameWorkOrderWhenTheCallAsksAgain() {
        // given a call that already has its work order
        OpenedWorkOrder first = store.openForCall(request("pbx-1", "1700000000.2", Severity.P3, Tier.TIER1));

        // when a retried AGI request asks again, even with a different severity and tier
        OpenedWorkOrder again = store.openForCall(request("pbx-1", "1700000000.2", Severity.P1, Tier.TIER2));

        // then it gets the stored work order, unchanged, and no second event
        assertThat(again.created()).isFalse();
        assertThat(again.workOrder()).isEqualTo(first.workOrder());
        assertThat(again.workOrder().severity()).isEqualTo(Severity.P3);
        assertThat(events(first.workOrder().id())).hasSize(1);
    }

    @Test
    void shouldOpenOneWorkOrderPerServerForTheSameLinkedId() {
        // given two Asterisk servers whose linkedids happen to collide
        OpenedWorkOrder onFirst = store.openForCall(request("pbx-1", "1700000000.3", Severity.P2, Tier.TIER1));

        // when
        OpenedWorkOrder onSecond = store.openForCall(request("pbx-2", "1700000000.3", Severity.P2, Tier.TIER1));

        // then they are different calls
        assertThat(onSecond.created()).isTrue();
        assertThat(onSecond.workOrder().id()).isNotEqualTo(onFirst.workOrder().id());
        assertThat(store.findByCall("pbx-2", "1700000000.3")).contains(onSecond.workOrder());
    }

    @ParameterizedTest
    @CsvSource({"P1, PT30M, PT2H", "P2, PT4H, PT24H", "P3, PT8H, PT48H"})
    void shouldSetDueTimesFromTheSeverityToTheMillisecond(Severity severity, Duration respond, Duration resolve) {
        // given the published targets for this severity
        CallWorkOrderRequest request = request("pbx-1", "sla-" + severity, severity, Tier.TIER1);

        // when
        WorkOrder workOrder = store.openForCall(request).workOrder();

        // then the clocks start at openedAt, milliseconds included, as returned and as read back
        assertThat(workOrder.responseDueAt()).isEqualTo(OPENED.plus(respond));
        assertThat(workOrder.resolutionDueAt()).isEqualTo(OPENED.plus(resolve));
        assertThat(workOrder.responseDueAt().toString()).endsWith(".678Z");
        assertThat(store.find(workOrder.id())).contains(workOrder);
    }

    @Test
    void shouldOpenExactlyOnceWhenEightThreadsAskAtOnce() throws Exception {
        // given eight threads held at a start gate, all asking for the same call
        int threads = 8;
        CallWorkOrderRequest request = request("pbx-1", "1700000000.9", Severity.P1, Tier.TIER1);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads, named("open-for-call"));
        List<OpenedWorkOrder> results = new ArrayList<>();
        try {
            List<Future<OpenedWorkOrder>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return store.openForCall(request);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();

            // when the gate opens
            start.countDown();
            for (Future<OpenedWorkOrder> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        // then all got the same work order, exactly one created it, and it has exactly one CREATED event
        assertThat(results).extracting(opened -> opened.workOrder().id()).containsOnly(results.get(0)
                .workOrder().id());
        assertThat(results).filteredOn(OpenedWorkOrder::created).hasSize(1);
        long id = results.get(0).workOrder().id();
        assertThat(events(id)).filteredOn(event -> event.action().equals("CREATED")).hasSize(1);
        int rows = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM work_order WHERE asterisk_server = :server AND call_linkedid = :linkedId")
                .bind("server", "pbx-1").bind("linkedId", "1700000000.9").mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void shouldPropagateAnErrorThatIsNotADuplicate() {
        // given a customer id that violates the foreign key (same SQLState 23000 as a duplicate)
        CallWorkOrderRequest request = new CallWorkOrderRequest("pbx-1", "1700000000.4", "+8613800000000",
                987_654_321L, Severity.P2, Tier.TIER1, OPENED);

        // then it is not mistaken for "already opened"
        assertThatThrownBy(() -> store.openForCall(request))
                .isInstanceOf(JdbiException.class)
                .satisfies(e -> assertThat(DuplicateKeys.isDuplicateOf(e, "uq_work_order_call")).isFalse());
        assertThat(store.findByCall("pbx-1", "1700000000.4")).isEmpty();
    }

    @Test
    void shouldNotLeaveAWorkOrderWithoutItsCreatedEvent() {
        // given a store whose clock fails after the work order is inserted, while the event is being built
        InstantSource broken = () -> {
            throw new IllegalStateException("clock unavailable");
        };
        JdbiWorkOrderStore failing = new JdbiWorkOrderStore(DB.jdbi(), ServiceLevels.DEFAULT, broken);
        CallWorkOrderRequest request = request("pbx-1", "1700000000.5", Severity.P2, Tier.TIER1);

        // when
        assertThatThrownBy(() -> failing.openForCall(request)).hasMessageContaining("clock unavailable");

        // then the insert was rolled back with it, and the call can still be opened
        assertThat(store.findByCall("pbx-1", "1700000000.5")).isEmpty();
        assertThat(store.openForCall(request).created()).isTrue();
    }

    @Test
    void shouldFindNothingForAnUnknownCall() {
        assertThat(store.find(-1)).isEmpty();
        assertThat(store.findByCall("pbx-9", "nope")).isEmpty();
    }

    private static CallWorkOrderRequest request(String server, String linkedId, Severity severity, Tier tier) {
        return new CallWorkOrderRequest(server, linkedId, "+8613800000000", null, severity, tier, OPENED);
    }

    private static List<WorkOrderEventRow> events(long workOrderId) {
        return DB.jdbi().onDemand(WorkOrderEventDao.class).listByWorkOrder(workOrderId);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> new Thread(runnable, prefix + "-" + counter.incrementAndGet());
    }
}
