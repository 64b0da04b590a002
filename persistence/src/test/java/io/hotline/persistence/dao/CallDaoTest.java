package io.hotline.persistence.dao;

import static io.hotline.persistence.dao.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.persistence.testing.TestDatabase;
import io.hotline.routing.ladder.Tier;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallDaoTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    private static long alice;
    private static long bob;

    @BeforeAll
    static void givenTwoSeats() {
        SeatDao seats = DB.jdbi().onDemand(SeatDao.class);
        alice = seats.insert(new SeatRow(0, "S-ALICE", "Alice", Tier.TIER1, "PJSIP/1001", true, T0));
        bob = seats.insert(new SeatRow(0, "S-BOB", "Bob", Tier.TIER1, "PJSIP/1002", true, T0));
    }

    @Test
    void shouldRoundTripEveryInstantWithMilliseconds() {
        // given a call whose every step has a millisecond part
        CallDao calls = DB.jdbi().onDemand(CallDao.class);
        Instant offered = T0.plusMillis(1_001);
        Instant answered = T0.plusMillis(12_345);
        Instant ended = T0.plusMillis(300_999);
        long id = calls.insertOnJoin(CallRow.joined("pbx-1", "1700000000.1", "1700000000.1", "+8613800000000",
                "400800", T0));

        // when it is offered, answered and ended
        assertThat(calls.updateQueue(id, "erp-tier1", null)).isTrue();
        assertThat(calls.markOffered(id, alice, offered)).isTrue();
        assertThat(calls.markAnswered(id, alice, answered, 12_345)).isTrue();
        assertThat(calls.setRoutingExplanation(id, "ERP skill 4, longest idle")).isTrue();
        assertThat(calls.markEnded(id, ended, CallOutcome.ANSWERED, null)).isTrue();

        // then every instant reads back to the millisecond
        CallRow call = calls.findByUniqueId("pbx-1", "1700000000.1").orElseThrow();
        assertThat(call.joinedAt()).isEqualTo(T0);
        assertThat(call.offeredAt()).isEqualTo(offered);
        assertThat(call.answeredAt()).isEqualTo(answered);
        assertThat(call.endedAt()).isEqualTo(ended);
        assertThat(call.waitMs()).isEqualTo(12_345);
        assertThat(call.seatId()).isEqualTo(alice);
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.queue()).isEqualTo("erp-tier1");
        assertThat(call.routingExplanation()).isEqualTo("ERP skill 4, longest idle");
        assertThat(call.customerId()).isNull();
    }

    @Test
    void shouldKeepTheFirstOfferAndTheLatestSeat() {
        CallDao calls = DB.jdbi().onDemand(CallDao.class);
        long id = calls.insertOnJoin(CallRow.joined("pbx-1", "1700000000.2", "1700000000.2", null, null, T0));

        calls.markOffered(id, alice, T0.plusSeconds(1));
        calls.markOffered(id, bob, T0.plusSeconds(20));

        CallRow call = calls.findByUniqueId("pbx-1", "1700000000.2").orElseThrow();
        assertThat(call.offeredAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(call.seatId()).isEqualTo(bob);
    }

    @Test
    void shouldNotRewriteAFinishedCall() {
        // given an abandoned call
        CallDao calls = DB.jdbi().onDemand(CallDao.class);
        long id = calls.insertOnJoin(CallRow.joined("pbx-1", "1700000000.3", "1700000000.3", "anonymous", null, T0));
        assertThat(calls.markEnded(id, T0.plusSeconds(40), CallOutcome.ABANDONED, 40_000)).isTrue();

        // when late events arrive
        boolean offeredLate = calls.markOffered(id, alice, T0.plusSeconds(41));
        boolean answeredLate = calls.markAnswered(id, alice, T0.plusSeconds(42), 42_000);
        boolean endedAgain = calls.markEnded(id, T0.plusSeconds(43), CallOutcome.FAILED, null);

        // then none applies
        assertThat(offeredLate).isFalse();
        assertThat(answeredLate).isFalse();
        assertThat(endedAgain).isFalse();
        CallRow call = calls.findByUniqueId("pbx-1", "1700000000.3").orElseThrow();
        assertThat(call.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(call.waitMs()).isEqualTo(40_000);
        assertThat(call.seatId()).isNull();
    }

    @Test
    void shouldListTheLegsOfOneCallOnOneServer() {
        // given two legs of one call, an unrelated call, and the same linkedid on another server
        CallDao calls = DB.jdbi().onDemand(CallDao.class);
        calls.insertOnJoin(CallRow.joined("pbx-2", "1700000100.8", "1700000100.7", null, null, T0.plusSeconds(5)));
        calls.insertOnJoin(CallRow.joined("pbx-2", "1700000100.7", "1700000100.7", "+861", null, T0));
        calls.insertOnJoin(CallRow.joined("pbx-2", "1700000200.1", "1700000200.1", null, null, T0));
        calls.insertOnJoin(CallRow.joined("pbx-3", "1700000100.7", "1700000100.7", null, null, T0));

        // then
        assertThat(calls.listByLinkedId("pbx-2", "1700000100.7")).extracting(CallRow::uniqueId)
                .containsExactly("1700000100.7", "1700000100.8");
    }
}
