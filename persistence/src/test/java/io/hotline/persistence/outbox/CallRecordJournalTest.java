package io.hotline.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotline.persistence.testing.JournalCalls;
import io.hotline.persistence.testing.TestDatabase;
import io.hotline.persistence.testing.WorkOrderTrail;
import io.hotline.persistence.workorder.JdbiWorkOrderStore;
import io.hotline.routing.engine.Explanation;
import io.hotline.routing.engine.Handoff;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.FallbackHandoff;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every call's {@code call_record} row from arrival to end, written by the routing journal against the real
 * server: joined, offers, answer, end with talk time, the outcome (answered, abandoned, callback, after hours,
 * fallback, escalated), the work order's product, tier and trail; an entry applied twice counts once; calls left
 * open by a run that died are closed at the next start.
 */
class CallRecordJournalTest {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final Instant OPENED = JournalCalls.OPENED;
    private static final Instant EMITTED = JournalCalls.EMITTED;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static JournalCalls calls;
    private static JdbiWorkOrderStore workOrders;
    private static String seat;

    @TempDir
    Path logDirectory;

    @BeforeAll
    static void seed() {
        calls = JournalCalls.seed(DB.jdbi());
        workOrders = calls.workOrders();
        seat = calls.seat();
    }

    @BeforeEach
    void prefix() {
        calls.newTest("r");
    }

    @Test
    void shouldRecordAnAnsweredCallFromArrivalToItsEndWithTalkTime() {
        long workOrder = open("answered");

        try (DurableRoutingJournal journal = start()) {
            journal.callJoined(joined("answered", "ERP_U8"));
            journal.callOffered(offer("answered"));
            journal.callOffered(offer("answered"));
            journal.callConnected(new RoutingCommand.CallConnected(call("answered"), seat, Duration.ofSeconds(7)));
            journal.conversationEnded(new RoutingCommand.ConversationEnded(call("answered"), seat,
                    Duration.ofSeconds(52)));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        }

        Map<String, Object> row = callRecord("answered");
        assertThat(row).containsEntry("uniqueid", call("answered") + ".chan")
                .containsEntry("caller_number", "+8613800138000")
                .containsEntry("dialled_number", "4008001234").containsEntry("queue", "support")
                .containsEntry("offers", 2).containsEntry("outcome", "ANSWERED").containsEntry("wait_ms", 7000)
                .containsEntry("talk_ms", 52000L).containsEntry("seat", seat);
        assertThat(row.get("answered_at")).isNotNull();
        assertThat(row.get("ended_at")).isNotNull();
        assertThat(WorkOrderTrail.actions(DB.jdbi(), workOrder)).containsExactly("CREATED", "CONNECTED", "CALL_ENDED");
        // the product line routing used is the call's; the work order's is the desk's to set
        assertThat(row).containsEntry("product_line", "ERP_U8");
        assertThat(product(workOrder)).isNull();
    }

    @Test
    void shouldRecordAbandonCallbackAfterHoursAndFallbackAsTheirOutcomes() {
        long abandoned = open("abandoned");
        long callback = open("callback");
        long fallback = open("fallback");
        open("closed");

        try (DurableRoutingJournal journal = start()) {
            for (String name : List.of("abandoned", "callback", "fallback", "closed")) {
                journal.callJoined(joined(name, null));
            }
            journal.callAbandoned(new RoutingCommand.CallAbandoned(call("abandoned"), "support",
                    Duration.ofSeconds(40)));
            journal.callHandedOff(new RoutingCommand.CallHandedOff(call("callback"), "support", Handoff.CALLBACK,
                    Duration.ofSeconds(65)));
            journal.callHandedOff(new RoutingCommand.CallHandedOff(call("fallback"), "support", Handoff.FALLBACK,
                    Duration.ofSeconds(12)));
            journal.callHandedOff(new RoutingCommand.CallHandedOff(call("closed"), "support", Handoff.AFTER_HOURS,
                    Duration.ZERO));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        }

        assertThat(callRecord("abandoned")).containsEntry("outcome", "ABANDONED").containsEntry("wait_ms", 40000);
        assertThat(callRecord("callback")).containsEntry("outcome", "CALLBACK").containsEntry("wait_ms", 65000);
        assertThat(callRecord("fallback")).containsEntry("outcome", "FALLBACK");
        assertThat(callRecord("closed")).containsEntry("outcome", "AFTER_HOURS");
        assertThat(callRecord("closed").get("ended_at")).isNotNull();
        // routing's trail says what happened; the desk, not routing, decides what becomes of the work order
        assertThat(WorkOrderTrail.state(DB.jdbi(), abandoned)).isEqualTo("NEW");
        assertThat(WorkOrderTrail.actions(DB.jdbi(), abandoned)).containsExactly("CREATED", "ABANDONED");
        assertThat(WorkOrderTrail.state(DB.jdbi(), callback)).isEqualTo("NEW");
        assertThat(WorkOrderTrail.actions(DB.jdbi(), callback)).containsExactly("CREATED", "HANDED_OFF");
        assertThat(WorkOrderTrail.state(DB.jdbi(), fallback)).isEqualTo("NEW");
        assertThat(WorkOrderTrail.actions(DB.jdbi(), fallback)).containsExactly("CREATED", "HANDED_OFF");
    }

    @Test
    void shouldKeepTheCallEscalatedToItsEndAndLeaveTheWorkOrdersTierToTheDesk() {
        long workOrder = open("escalated");

        try (DurableRoutingJournal journal = start()) {
            journal.callJoined(joined("escalated", "ERP_U8"));
            journal.callConnected(new RoutingCommand.CallConnected(call("escalated"), seat, Duration.ofSeconds(5)));
            journal.conversationEnded(new RoutingCommand.ConversationEnded(call("escalated"), seat,
                    Duration.ofSeconds(30)));
            journal.callEscalated(new RoutingCommand.MoveToQueue(call("escalated"), "tier2", Tier.TIER1,
                    "GL close fails", seat, Tier.TIER2));
            journal.callConnected(new RoutingCommand.CallConnected(call("escalated"), seat, Duration.ofSeconds(4)));
            journal.conversationEnded(new RoutingCommand.ConversationEnded(call("escalated"), seat,
                    Duration.ofSeconds(20)));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        }

        assertThat(callRecord("escalated")).containsEntry("outcome", "ESCALATED").containsEntry("queue", "tier2")
                .containsEntry("talk_ms", 50000L).containsEntry("wait_ms", 9000);
        Map<String, Object> escalation = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT actor, from_tier, to_tier, reason FROM work_order_event WHERE work_order_id = :id"
                        + " AND action = 'ESCALATED'").bind("id", workOrder).mapToMap().one());
        assertThat(escalation).containsEntry("actor", "routing").containsEntry("from_tier", null)
                .containsEntry("to_tier", null).containsEntry("reason", "the call moved from TIER1 to TIER2 by "
                        + seat + ", to queue tier2: GL close fails");
        String tier = DB.jdbi().withHandle(handle -> handle.createQuery("SELECT tier FROM work_order WHERE id = :id")
                .bind("id", workOrder).mapTo(String.class).one());
        assertThat(tier).isEqualTo("TIER1");
    }

    @Test
    void shouldCountAnEntryAppliedTwiceOnlyOnce() {
        open("twice");
        JournalWrites writes = new JournalWrites("pbx1", workOrders);
        List<JournalEntry> entries = List.of(
                new JournalEntry.Joined(1, EMITTED, call("twice"), "support", null, "+8613800138000", "4008001234",
                        null, null),
                new JournalEntry.Offered(2, EMITTED, call("twice"), seat),
                new JournalEntry.Connected(3, EMITTED, call("twice"), seat, Duration.ofMillis(3000)),
                new JournalEntry.Ended(4, EMITTED, call("twice"), seat, Duration.ofMillis(61000)));

        DB.jdbi().useTransaction(handle -> writes.applyAll(handle, entries));
        DB.jdbi().useTransaction(handle -> writes.applyAll(handle, entries));
        DB.jdbi().useTransaction(handle -> writes.applyAll(handle, entries.subList(1, 4)));

        assertThat(callRecord("twice")).containsEntry("offers", 1).containsEntry("talk_ms", 61000L)
                .containsEntry("wait_ms", 3000).containsEntry("uniqueid", call("twice"));
    }

    @Test
    void shouldCloseTheCallsAnEarlierRunLeftOpenWhenHotlineStartsAgain() {
        long waiting = open("waiting");
        long talking = open("talking");
        long moved = open("moved");
        try (DurableRoutingJournal died = start()) {
            died.callJoined(joined("waiting", null));
            died.callJoined(joined("talking", null));
            died.callConnected(new RoutingCommand.CallConnected(call("talking"), seat, Duration.ofSeconds(2)));
            // escalated, waiting in tier 2 for the next seat
            died.callJoined(joined("moved", null));
            died.callConnected(new RoutingCommand.CallConnected(call("moved"), seat, Duration.ofSeconds(2)));
            died.conversationEnded(new RoutingCommand.ConversationEnded(call("moved"), seat, Duration.ofSeconds(9)));
            died.callEscalated(new RoutingCommand.MoveToQueue(call("moved"), "tier2", Tier.TIER1, "stuck", seat,
                    Tier.TIER2));
            await().atMost(PATIENCE).until(() -> died.backlog() == 0);
        }

        try (DurableRoutingJournal next = start()) {
            next.reconcileOpenCalls();
            await().atMost(PATIENCE).until(() -> next.backlog() == 0);
        }

        assertThat(callRecord("waiting")).containsEntry("outcome", "FALLBACK");
        assertThat(callRecord("waiting").get("ended_at")).isNotNull();
        assertThat(WorkOrderTrail.state(DB.jdbi(), waiting)).isEqualTo("NEW");
        assertThat(WorkOrderTrail.actions(DB.jdbi(), waiting)).containsExactly("CREATED", "RECONCILED");
        assertThat(reasons(waiting)).last().asString().contains("handed to the fallback queue by the dialplan");
        assertThat(callRecord("talking")).containsEntry("outcome", "ANSWERED");
        assertThat(callRecord("talking").get("ended_at")).isNotNull();
        assertThat(reasons(talking)).last().asString().contains("during the conversation");
        assertThat(callRecord("moved")).containsEntry("outcome", "ESCALATED").containsEntry("talk_ms", 9000L);
        assertThat(callRecord("moved").get("ended_at")).isNotNull();
        assertThat(reasons(moved)).last().asString().contains("handed to the fallback queue by the dialplan");
    }

    @Test
    void shouldRecordAChannelHandedToTheFallbackWithoutTouchingTheRoutedChannel() {
        long workOrder = open("busy");

        try (DurableRoutingJournal journal = start()) {
            journal.callJoined(joined("busy", null));
            // a second session for the call: its channel goes to the fallback queue
            journal.handedToFallback(new FallbackHandoff("pbx1", call("busy"), call("busy") + ".second",
                    "+8613800138000", "4008001234", "another session already holds the call", EMITTED));
            journal.handedToFallback(new FallbackHandoff("pbx1", call("busy"), call("busy") + ".second",
                    "+8613800138000", "4008001234", "the same channel again", EMITTED));
            await().atMost(PATIENCE).until(() -> journal.backlog() == 0);
        }

        List<Map<String, Object>> rows = DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT uniqueid, outcome FROM call_record WHERE linkedid = :call ORDER BY id")
                .bind("call", call("busy")).mapToMap().list());
        assertThat(rows).extracting(row -> row.get("uniqueid") + " " + row.get("outcome"))
                .containsExactly(call("busy") + ".chan null", call("busy") + ".second FALLBACK");
        assertThat(WorkOrderTrail.actions(DB.jdbi(), workOrder)).containsExactly("CREATED", "HANDED_OFF",
                "HANDED_OFF");
        assertThat(WorkOrderTrail.state(DB.jdbi(), workOrder)).isEqualTo("NEW");
    }

    private DurableRoutingJournal start() {
        return calls.start(DB.jdbi(), logDirectory);
    }

    private RoutingCommand.CallJoined joined(String name, String product) {
        return new RoutingCommand.CallJoined(call(name), "support", new RoutingEvent.CallOrigin(call(name) + ".chan",
                "+8613800138000", "4008001234", null), product, null);
    }

    private RoutingCommand.OfferCall offer(String name) {
        return new RoutingCommand.OfferCall(call(name), seat, "PJSIP/" + seat, Tier.TIER1, null,
                Duration.ofSeconds(15), Explanation.of("test"));
    }

    private String call(String name) {
        return calls.call(name);
    }

    private long open(String name) {
        return calls.open(name);
    }

    private Map<String, Object> callRecord(String name) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT c.*, s.code AS seat FROM call_record c"
                + " LEFT JOIN seat s ON s.id = c.seat_id WHERE c.asterisk_server = 'pbx1' AND c.linkedid = :call")
                .bind("call", call(name)).mapToMap().one());
    }

    private static String product(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery("SELECT product_line FROM work_order"
                + " WHERE id = :id").bind("id", workOrder).mapTo(String.class).one());
    }

    private static List<String> reasons(long workOrder) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT reason FROM work_order_event WHERE work_order_id = :id ORDER BY id").bind("id", workOrder)
                .mapTo(String.class).list());
    }
}
