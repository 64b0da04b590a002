package io.hotline.persistence.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.dao.CallbackDao;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.callback.CallbackOutcome;
import io.hotline.routing.callback.DueCallback;
import io.hotline.routing.spi.CallbackLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The callback ledger on the real server: claims, the restart rule, attempts and outcomes, appointments. */
class JdbiCallbackLedgerTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Instant ARRIVED = Instant.parse("2026-12-07T01:15:02.120Z");

    private static long workOrder(Jdbi jdbi, Instant createdAt) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO work_order (severity, state, tier,"
                        + " created_at, updated_at, response_due_at, resolution_due_at)"
                        + " VALUES ('P3', 'NEW', 'TIER1', :at, :at, :at, :at)")
                .bind("at", createdAt).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static List<String> trail(long workOrderId) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT action FROM work_order_event"
                + " WHERE work_order_id = :id ORDER BY id").bind("id", workOrderId).mapTo(String.class).list());
    }

    @Test
    void shouldPutACallbackDiallingAtACrashBackToPendingAtStartWithItsPlaceAndAttempts() {
        // given a caller's callback, claimed (in the engine) when Hotline died
        long workOrder = workOrder(DB.jdbi(), ARRIVED);
        Instant due = ARRIVED.plus(Duration.ofMinutes(4));
        long id = DB.jdbi().onDemand(CallbackDao.class).request(workOrder, "021 6123 4567", due, due);
        CallbackLedger before = new JdbiCallbackLedger(DB.jdbi());
        assertThat(before.claimDue(due.minusMillis(1), 10)).extracting(DueCallback::callbackId).doesNotContain(id);
        assertThat(before.claimDue(due, 10)).filteredOn(callback -> callback.callbackId() == id)
                .containsExactly(new DueCallback(id, workOrder, null, "02161234567", ARRIVED, 1));
        assertThat(before.claimDue(due, 10)).extracting(DueCallback::callbackId).doesNotContain(id);

        // when the next run starts
        CallbackLedger after = new JdbiCallbackLedger(DB.jdbi());
        int released = after.releaseDialling();

        // then it is pending again, the same attempt, keeping the original call's place (to the millisecond)
        assertThat(released).isPositive();
        assertThat(after.open(10)).filteredOn(open -> open.callbackId() == id).singleElement().satisfies(open -> {
            assertThat(open.state()).isEqualTo("PENDING");
            assertThat(open.attempts()).isZero();
        });
        assertThat(after.claimDue(due.plusSeconds(1), 10)).filteredOn(callback -> callback.callbackId() == id)
                .singleElement().satisfies(callback -> {
            assertThat(callback.attempt()).isEqualTo(1);
            assertThat(callback.place()).isEqualTo(ARRIVED);
        });
        after.recordAttempt(id, 1, CallbackOutcome.CONNECTED, "S101", due.plusSeconds(60), null);
    }

    @Test
    void shouldRecordAnUnansweredAttemptForARetryAndTheFinalOutcomeWithTheTrail() {
        long workOrder = workOrder(DB.jdbi(), ARRIVED);
        CallbackLedger ledger = new JdbiCallbackLedger(DB.jdbi());
        long id = DB.jdbi().onDemand(CallbackDao.class).request(workOrder, "13800000001", ARRIVED, ARRIVED);
        Instant first = ARRIVED.plusSeconds(30);
        assertThat(ledger.claimDue(first, 10)).extracting(DueCallback::callbackId).contains(id);

        // attempt 1 not answered: due again ten minutes later
        ledger.recordAttempt(id, 1, CallbackOutcome.NO_ANSWER, "S101", first, first.plus(Duration.ofMinutes(10)));
        assertThat(ledger.open(10)).filteredOn(open -> open.callbackId() == id).singleElement()
                .satisfies(open -> {
                    assertThat(open.state()).isEqualTo("PENDING");
                    assertThat(open.attempts()).isEqualTo(1);
                    assertThat(open.dueAt()).isEqualTo(first.plus(Duration.ofMinutes(10)));
                    assertThat(open.lastOutcome()).isEqualTo(CallbackOutcome.NO_ANSWER);
                    assertThat(open.lastSeatId()).isEqualTo("S101");
                });
        assertThat(ledger.claimDue(first.plus(Duration.ofMinutes(9)), 10)).extracting(DueCallback::callbackId)
                .doesNotContain(id);
        assertThat(ledger.claimDue(first.plus(Duration.ofMinutes(10)), 10)).filteredOn(due -> due.callbackId() == id)
                .singleElement().satisfies(due -> assertThat(due.attempt()).isEqualTo(2));

        // attempt 2 not answered either, and it was the last: the callback ends NO_ANSWER
        Instant last = first.plus(Duration.ofMinutes(11));
        ledger.recordAttempt(id, 2, CallbackOutcome.NO_ANSWER, "S102", last, null);

        assertThat(ledger.open(10)).extracting(CallbackLedger.OpenCallback::callbackId).doesNotContain(id);
        assertThat(DB.jdbi().onDemand(CallbackDao.class).find(id).orElseThrow()).satisfies(row -> {
            assertThat(row.state().name()).isEqualTo("NO_ANSWER");
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.completedAt()).isEqualTo(last);
        });
        assertThat(trail(workOrder)).containsExactly("CALLBACK_NO_ANSWER", "CALLBACK_NO_ANSWER");
    }

    @Test
    void shouldRouteASeatsAppointmentAtItsOwnTime() {
        long workOrder = workOrder(DB.jdbi(), ARRIVED);
        CallbackLedger ledger = new JdbiCallbackLedger(DB.jdbi());
        Instant at = ARRIVED.plus(Duration.ofHours(5));

        long id = ledger.schedule(workOrder, "+86 21 6123 4567", "S101", ARRIVED.plusSeconds(200), at);

        assertThat(ledger.schedule(999_999L, "13800000001", "S101", ARRIVED, at)).isEqualTo(-1L);
        assertThat(trail(workOrder)).containsExactly("CALLBACK_REQUESTED");
        assertThat(ledger.claimDue(at, 10)).filteredOn(due -> due.callbackId() == id).singleElement()
                .satisfies(due -> {
                    assertThat(due.place()).isEqualTo(at);
                    assertThat(due.number()).isEqualTo("+862161234567");
                });
    }
}
