package io.hotline.app.people;

import static io.hotline.app.people.PeopleFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.desk.AuditAction;
import io.hotline.routing.desk.ClockKind;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.Recipient;
import io.hotline.routing.desk.StoredDesk;
import io.hotline.routing.desk.WarningLevel;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.seat.SeatState;
import io.hotline.routing.workorder.WorkOrderState;
import io.hotline.web.desktop.SeatCard;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seat board, the open work orders, the screen-pops and the pushes fed scripted routing and desk commands, with
 * the screen-pops built on the calling thread.
 */
class PeopleViewsTest {
    private final PeopleFixtures.FakeHistory history = new PeopleFixtures.FakeHistory();
    private final PeopleFixtures.FakeKnowledge knowledge = new PeopleFixtures.FakeKnowledge();
    private final PeopleFixtures.RecordingPush push = new PeopleFixtures.RecordingPush();
    private final OpenWorkOrders workOrders = new OpenWorkOrders();
    private final PeopleViews views = new PeopleViews(List.of(SeatCard.loggedOut("S101", "Li Wei", Tier.TIER1,
            NOW.minusSeconds(3600))), new ScreenPops.Sources(history, new PeopleFixtures.FakeCallers(),
            Optional.of(knowledge), workOrders, push), Runnable::run, InstantSource.fixed(NOW));

    @Test
    void shouldFollowASeatThroughItsStatesAndCallsAndPushEachChange() {
        views.routingCommand(new RoutingCommand.SeatStateChanged("S101", SeatState.READY, null));
        views.routingCommand(new RoutingCommand.OfferCall("c1", "S101", "PJSIP/1001", Tier.TIER1, 42L,
                Duration.ofSeconds(20), "best skill"));

        SeatCard offered = views.seats().seat("S101").orElseThrow();
        assertThat(offered.state()).isEqualTo(SeatState.READY);
        assertThat(offered.name()).isEqualTo("Li Wei");
        assertThat(offered.call()).isEqualTo(new SeatCard.SeatCall("c1", 42L, NOW, false));

        views.routingCommand(new RoutingCommand.CallConnected("c1", "S101", Duration.ofSeconds(9)));
        assertThat(views.seats().seat("S101").orElseThrow().call()).isEqualTo(new SeatCard.SeatCall("c1", 42L, NOW,
                true));
        assertThat(views.seats().connectedTo("c1")).map(SeatCard::seat).hasValue("S101");

        views.routingCommand(new RoutingCommand.ConversationEnded("c1", "S101", Duration.ofSeconds(60)));
        views.routingCommand(new RoutingCommand.SeatStateChanged("S101", SeatState.NOT_READY, "lunch"));

        SeatCard after = views.seats().seat("S101").orElseThrow();
        assertThat(after.call()).isNull();
        assertThat(after.state()).isEqualTo(SeatState.NOT_READY);
        assertThat(after.reason()).isEqualTo("lunch");
        assertThat(push.last("seat")).containsEntry("state", "NOT_READY").containsEntry("reason", "lunch");
        assertThat(push.pushed).contains("S101 seat", "supervisors seat");
    }

    @Test
    void shouldPushTheScreenPopWhileItRingsAndAgainOnceAnsweredReadingTheHistoryOnce() {
        // given the call's work order and its arrival
        views.deskCommand(new DeskCommand.WorkOrderOpened(PeopleFixtures.workOrder(42, "c1", WorkOrderState.NEW,
                Tier.TIER1, null), PeopleFixtures.audit(42, 1, AuditAction.OPENED, WorkOrderState.NEW, Tier.TIER1)));
        views.routingCommand(new RoutingCommand.CallJoined("c1", "support", new RoutingEvent.CallOrigin("ch1",
                "02161234567", "4008", null), "finance", 42L));

        // when it is offered, then answered
        views.routingCommand(new RoutingCommand.OfferCall("c1", "S101", "PJSIP/1001", Tier.TIER1, 42L,
                Duration.ofSeconds(20), "best skill"));
        Map<String, Object> offered = push.last("screen_pop");
        views.routingCommand(new RoutingCommand.CallConnected("c1", "S101", Duration.ofSeconds(9)));
        Map<String, Object> answered = push.last("screen_pop");

        // then both pops name the customer the caller look-up's memory knows, with their history and articles
        assertThat(offered).containsEntry("phase", "offered").containsEntry("callId", "c1")
                .containsEntry("queue", "support").containsEntry("tier", "TIER1")
                .containsEntry("caller", Map.of("number", "02161234567"));
        assertThat(offered.get("customer")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("name", "上海明远机械有限公司").containsEntry("vip", true).containsEntry("region", "east");
        assertThat(offered.get("products").toString()).contains("version=9.2", "modules=[ledger, payables]");
        assertThat(offered.get("openWorkOrders").toString()).contains("id=40", "summary=月结凭证无法过账");
        assertThat(offered.get("lastContacts").toString()).contains("outcome=ANSWERED", "talkSeconds=312");
        assertThat(offered.get("workOrder").toString()).contains("id=42", "state=NEW");
        assertThat(offered.get("suggestedArticles").toString()).contains("id=KB-0012");
        assertThat(knowledge.asked).contains("suggest finance 月结凭证无法过账");
        assertThat(answered).containsEntry("phase", "answered").containsEntry("customer", offered.get("customer"));
        assertThat(history.calls.get()).isEqualTo(1);
        assertThat(views.pops().current("S101")).hasValue(answered);
        // and the work order now knows its customer's name
        assertThat(workOrders.get(42).orElseThrow().customer()).isEqualTo(PeopleFixtures.CUSTOMER);

        // when the conversation ends, the seat has no pop any more
        views.routingCommand(new RoutingCommand.ConversationEnded("c1", "S101", Duration.ofSeconds(60)));
        assertThat(views.pops().current("S101")).isEmpty();
    }

    @Test
    void shouldTellTheAgentOfAWithdrawnOfferAndForgetItsPop() {
        views.routingCommand(new RoutingCommand.OfferCall("c2", "S101", "PJSIP/1001", Tier.TIER1, null,
                Duration.ofSeconds(20), "best skill"));
        assertThat(views.pops().current("S101")).isPresent();
        assertThat(push.last("screen_pop")).containsEntry("customer", null).containsEntry("products", List.of());

        views.routingCommand(new RoutingCommand.CancelOffer("c2", "S101", "ring timeout"));

        assertThat(push.last("offer_withdrawn")).isEqualTo(Map.of("callId", "c2", "reason", "ring timeout"));
        assertThat(views.seats().seat("S101").orElseThrow().call()).isNull();
        assertThat(views.pops().current("S101")).isEmpty();
    }

    @Test
    void shouldPushAnSlaWarningToTheOwnersSeatAndTheSupervisorsAsTheDeskNamesThem() {
        // when the desk warns at 75 % and at the breach
        views.deskCommand(new DeskCommand.ClockWarning(42, ClockKind.RESOLUTION, WarningLevel.THREE_QUARTERS,
                NOW, NOW, "S101", List.of(new Recipient(Recipient.Kind.SEAT, "S101"),
                        new Recipient(Recipient.Kind.SUPERVISORS, "supervisors"))));
        views.deskCommand(new DeskCommand.ClockWarning(42, ClockKind.RESPONSE, WarningLevel.BREACH,
                NOW, NOW.plusSeconds(5), null, List.of(new Recipient(Recipient.Kind.SUPERVISORS, "supervisors"))));

        // then each recipient hears it once, with the level as the page reads it
        assertThat(push.pushed).containsExactly("S101 sla_warning", "supervisors sla_warning",
                "supervisors sla_warning");
        assertThat(push.data.get(0)).isEqualTo(Map.of("workOrderId", 42L, "clock", "RESOLUTION", "level", "75",
                "dueAt", NOW.toString(), "firedAt", NOW.toString()));
        assertThat(push.last("sla_warning")).containsEntry("level", "100").containsEntry("clock", "RESPONSE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldHoldOpenWorkOrdersWithTheirTrailAndPushEachChangeToTheOwnerAndSupervisors() {
        views.deskRestored(new StoredDesk(44, List.of(PeopleFixtures.workOrder(40, "c0", WorkOrderState.IN_PROGRESS,
                Tier.TIER2, "S104"), PeopleFixtures.workOrder(41, "c9", WorkOrderState.CLOSED, Tier.TIER1, null))));
        views.deskCommand(new DeskCommand.WorkOrderOpened(PeopleFixtures.workOrder(42, "c1", WorkOrderState.NEW,
                Tier.TIER1, null), PeopleFixtures.audit(42, 1, AuditAction.OPENED, WorkOrderState.NEW, Tier.TIER1)));
        views.deskCommand(new DeskCommand.WorkOrderChanged(PeopleFixtures.workOrder(42, "c1",
                WorkOrderState.IN_PROGRESS, Tier.TIER1, "S101"), PeopleFixtures.audit(42, 2,
                AuditAction.CALL_CONNECTED, WorkOrderState.IN_PROGRESS, Tier.TIER1)));

        assertThat(workOrders.get(40)).isPresent();
        assertThat(workOrders.get(41)).isEmpty();
        assertThat(workOrders.get(42).orElseThrow().trail()).extracting(event -> event.action())
                .containsExactly(AuditAction.OPENED, AuditAction.CALL_CONNECTED);
        assertThat(push.pushed).containsExactly("supervisors work_order", "S101 work_order",
                "supervisors work_order");
        // the board's copy has no history; the owner's desktop gets the work order with its trail
        assertThat(push.last("work_order")).containsEntry("owner", "S101").doesNotContainKey("trail");
        assertThat((Map<String, Object>) push.data.get(1)).containsKey("trail");

        views.deskCommand(new DeskCommand.WorkOrderChanged(PeopleFixtures.workOrder(42, "c1", WorkOrderState.CLOSED,
                Tier.TIER1, "S101"), PeopleFixtures.audit(42, 3, AuditAction.CLOSED, WorkOrderState.CLOSED,
                Tier.TIER1)));
        views.deskCommand(new DeskCommand.WorkOrderReleased(40, NOW));

        assertThat(workOrders.all()).isEmpty();
        assertThat(push.last("work_order")).containsEntry("state", "CLOSED");
    }
}
