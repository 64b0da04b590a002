package io.hotline.routing.desk;

import static io.hotline.routing.desk.DeskHarness.SEAT;
import static io.hotline.routing.desk.DeskHarness.SUPERVISOR;
import static io.hotline.routing.desk.DeskHarness.call;
import static io.hotline.routing.desk.DeskHarness.changed;
import static io.hotline.routing.desk.DeskHarness.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotline.routing.field.Site;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.workorder.Severity;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a person at a desktop writes on a work order and the rules around it: its form (category, product line,
 * summary, notes), escalation to a chosen rung with the site for on-site work, the resolution text kept; all of
 * it in the stored form and back after a restart.
 */
class WorkOrderDetailsTest {
    private final DeskHarness harness = new DeskHarness();

    @Test
    void shouldWriteTheFormKeepingWhatIsNotGivenAndAuditWhichFieldsChanged() {
        // given
        long id = answered("a");
        harness.apply(new DeskEvent.DetailsChanged(id, SEAT, "posting", null, "月结凭证无法过账", "first notes"));

        // when
        DeskCommand.WorkOrderChanged changed = changed(harness.apply(new DeskEvent.DetailsChanged(id, SEAT, null,
                "finance", null, "ledger locked by a batch job")));

        // then
        StoredWorkOrder workOrder = changed.workOrder();
        assertThat(workOrder.details()).isEqualTo(new WorkOrderDetails("posting", "ledger locked by a batch job",
                null, null));
        assertThat(workOrder.summary()).isEqualTo("月结凭证无法过账");
        assertThat(workOrder.problem().productLine()).isEqualTo("finance");
        assertThat(workOrder.problem().customerId()).isEqualTo(42L);
        assertThat(changed.audit().action()).isEqualTo(AuditAction.DETAILS_CHANGED);
        assertThat(changed.audit().why()).isEqualTo("changed product line, notes");
        assertThat(changed.audit().actor()).isEqualTo(SEAT);
        assertThat(changed.audit().toState()).isEqualTo(WorkOrderState.IN_PROGRESS);
        assertThat(harness.workOrder(id)).isEqualTo(workOrder);
    }

    @Test
    void shouldClearAFieldGivenBlankButNeverTheProductLine() {
        // given
        long id = answered("a");
        harness.apply(new DeskEvent.DetailsChanged(id, SEAT, "posting", null, null, "notes"));

        // when
        DeskCommand.WorkOrderChanged cleared = changed(harness.apply(new DeskEvent.DetailsChanged(id, SEAT, " ",
                null, null, "")));
        DeskCommand.Refused productLine = refused(harness.apply(new DeskEvent.DetailsChanged(id, SEAT, null, "  ",
                null, null)));

        // then
        assertThat(cleared.workOrder().details()).isEqualTo(WorkOrderDetails.NONE);
        assertThat(cleared.audit().why()).isEqualTo("changed category, notes");
        assertThat(productLine.reason()).contains("cannot be cleared");
        assertThat(harness.workOrder(id).problem().productLine()).isEqualTo("ERP");
    }

    @Test
    void shouldRefuseDetailsThatChangeNothingOrComeFromNoPersonOrOnAClosedWorkOrder() {
        // given
        long id = answered("a");
        harness.apply(new DeskEvent.DetailsChanged(id, SEAT, "posting", null, null, null));
        StoredWorkOrder before = harness.workOrder(id);

        // when
        DeskCommand.Refused same = refused(harness.apply(new DeskEvent.DetailsChanged(id, SEAT, "posting", "ERP",
                null, null)));
        DeskCommand.Refused nothing = refused(harness.apply(new DeskEvent.DetailsChanged(id, SEAT, null, null,
                null, null)));
        DeskCommand.Refused caller = refused(harness.apply(new DeskEvent.DetailsChanged(id,
                new Actor(ActorKind.CALLER, "a"), "other", null, null, null)));
        DeskCommand.Refused unknown = refused(harness.apply(new DeskEvent.DetailsChanged(99, SEAT, "other", null,
                null, null)));

        // then
        assertThat(same.reason()).isEqualTo("that changes nothing on work order " + id);
        assertThat(nothing.reason()).isEqualTo("that changes nothing on work order " + id);
        assertThat(caller.reason()).contains("only a seat or a supervisor");
        assertThat(unknown.reason()).contains("no such work order");
        assertThat(harness.workOrder(id)).isEqualTo(before);

        // and when resolved: notes may still be written; once closed, nothing
        harness.apply(new DeskEvent.Resolved(id, SEAT, "batch job moved"));
        DeskCommand.WorkOrderChanged afterResolution = changed(harness.apply(new DeskEvent.DetailsChanged(id, SEAT,
                null, null, null, "customer confirmed")));
        harness.apply(new DeskEvent.Closed(id, SUPERVISOR, "5"));
        DeskCommand.Refused closed = refused(harness.apply(new DeskEvent.DetailsChanged(id, SEAT, null, null, null,
                "too late")));
        assertThat(afterResolution.workOrder().state()).isEqualTo(WorkOrderState.RESOLVED);
        assertThat(closed.request()).isEqualTo("DetailsChanged");
        assertThat(closed.reason()).isEqualTo("work order " + id + " is CLOSED: its details can no longer change");
        assertThat(harness.workOrder(id).details().notes()).isEqualTo("customer confirmed");
    }

    @Test
    void shouldEscalateStraightToAChosenHigherRungAndRefuseOneNotAbove() {
        // given
        long id = answered("a");

        // when
        DeskCommand.WorkOrderChanged toExpert = changed(harness.apply(new DeskEvent.Escalated(id, SEAT,
                "needs the experts", Tier.EXPERT, null)));
        DeskCommand.Refused same = refused(harness.apply(new DeskEvent.Escalated(id, SEAT, "again", Tier.EXPERT,
                null)));
        DeskCommand.Refused lower = refused(harness.apply(new DeskEvent.Escalated(id, SEAT, "down", Tier.TIER2,
                null)));

        // then
        assertThat(toExpert.workOrder().tier()).isEqualTo(Tier.EXPERT);
        assertThat(toExpert.audit().fromTier()).isEqualTo(Tier.TIER1);
        assertThat(toExpert.audit().toTier()).isEqualTo(Tier.EXPERT);
        assertThat(toExpert.audit().why()).isEqualTo("needs the experts");
        assertThat(same.reason()).isEqualTo("work order " + id + " is EXPERT: EXPERT is not above it");
        assertThat(lower.reason()).isEqualTo("work order " + id + " is EXPERT: TIER2 is not above it");
        assertThat(harness.workOrder(id).tier()).isEqualTo(Tier.EXPERT);
        assertThat(harness.workOrder(id).details().site()).isNull();
    }

    @Test
    void shouldSendOnSiteOnlyWithTheSiteAndKeepTheSite() {
        // given
        long id = answered("a");
        StoredWorkOrder before = harness.workOrder(id);

        // when
        DeskCommand.Refused noSite = refused(harness.apply(new DeskEvent.Escalated(id, SEAT, "on site",
                Tier.ON_SITE, null)));
        DeskCommand.Refused siteForTier2 = refused(harness.apply(new DeskEvent.Escalated(id, SEAT, "up",
                Tier.TIER2, site("上海市浦东新区张江路 88 号"))));
        DeskCommand.Refused oneRungWithSite = refused(harness.apply(new DeskEvent.Escalated(id, SEAT, "up",
                null, site("somewhere"))));
        StoredWorkOrder afterRefusals = harness.workOrder(id);
        DeskCommand.WorkOrderChanged onSite = changed(harness.apply(new DeskEvent.Escalated(id, SUPERVISOR,
                "the server room", Tier.ON_SITE, site(" 上海市浦东新区张江路 88 号 "))));

        // then
        assertThat(noSite.reason()).contains("needs the customer's site");
        assertThat(siteForTier2.reason()).isEqualTo("a site is given only for an on-site escalation, not to TIER2");
        assertThat(oneRungWithSite.reason()).isEqualTo("a site is given only for an on-site escalation, not to"
                + " TIER2");
        assertThat(afterRefusals).isEqualTo(before);
        assertThat(onSite.workOrder().tier()).isEqualTo(Tier.ON_SITE);
        assertThat(onSite.workOrder().state()).isEqualTo(WorkOrderState.DISPATCHED);
        assertThat(onSite.workOrder().details().site()).isEqualTo("上海市浦东新区张江路 88 号");
        assertThat(onSite.audit().fromTier()).isEqualTo(Tier.TIER1);
    }

    @Test
    void shouldTakeTheOneRungEscalationToOnSiteWithOrWithoutTheSite() {
        // given
        long first = answered("a");
        long second = answered("b");
        harness.apply(new DeskEvent.Escalated(first, SEAT, "remote session", Tier.REMOTE, null));
        harness.apply(new DeskEvent.Escalated(second, SEAT, "remote session", Tier.REMOTE, null));

        // when
        DeskCommand.WorkOrderChanged withoutSite = changed(harness.apply(new DeskEvent.Escalated(first, SEAT,
                "next")));
        DeskCommand.WorkOrderChanged withSite = changed(harness.apply(new DeskEvent.Escalated(second, SEAT, "next",
                null, site("Zhangjiang Road 88"))));

        // then
        assertThat(withoutSite.workOrder().tier()).isEqualTo(Tier.ON_SITE);
        assertThat(withoutSite.workOrder().details().site()).isNull();
        assertThat(withSite.workOrder().tier()).isEqualTo(Tier.ON_SITE);
        assertThat(withSite.workOrder().details().site()).isEqualTo("Zhangjiang Road 88");
    }

    @Test
    void shouldKeepTheResolutionTextThroughAReopenUntilTheNextResolution() {
        // given
        long id = answered("a");

        // when
        StoredWorkOrder resolved = changed(harness.apply(new DeskEvent.Resolved(id, SEAT,
                "restarted the posting service"))).workOrder();
        StoredWorkOrder reopened = changed(harness.apply(new DeskEvent.Reopened(id, SEAT, "came back")))
                .workOrder();
        StoredWorkOrder again = changed(harness.apply(new DeskEvent.Resolved(id, SEAT, "patch 9.2.1 applied")))
                .workOrder();

        // then
        assertThat(resolved.details().resolution()).isEqualTo("restarted the posting service");
        assertThat(reopened.details().resolution()).isEqualTo("restarted the posting service");
        assertThat(again.details().resolution()).isEqualTo("patch 9.2.1 applied");
    }

    @Test
    void shouldRestoreEveryDetailAndBehaveAsBeforeAfterARestart() {
        // given
        long id = answered("a");
        harness.apply(new DeskEvent.DetailsChanged(id, SEAT, "hardware", "HR", "disk full", "asked for photos"));
        harness.apply(new DeskEvent.SeverityChanged(id, SUPERVISOR, Severity.P1, "production down"));
        harness.apply(new DeskEvent.Escalated(id, SEAT, "disk replacement", Tier.ON_SITE, site("Nanjing Road 1")));
        harness.apply(new DeskEvent.Resolved(id, SEAT, "disk replaced"));
        StoredWorkOrder before = harness.workOrder(id);
        harness.clock.advance(Duration.ofMinutes(5));

        // when
        harness.restart();

        // then
        StoredWorkOrder after = harness.workOrder(id);
        assertThat(after).isEqualTo(before);
        assertThat(after.details()).isEqualTo(new WorkOrderDetails("hardware", "asked for photos", "disk replaced",
                "Nanjing Road 1"));
        assertThat(after.problem().productLine()).isEqualTo("HR");
        DeskCommand.WorkOrderChanged notes = changed(harness.apply(new DeskEvent.DetailsChanged(id, SEAT, null, null,
                null, "photos received")));
        assertThat(notes.workOrder().details().site()).isEqualTo("Nanjing Road 1");
        assertThat(notes.audit().sequence()).isEqualTo(before.auditCount() + 1);
    }

    private static Site site(String address) {
        return new Site(address, null, null);
    }

    private long answered(String linkedId) {
        long id = harness.call(linkedId, Severity.P2);
        harness.apply(new DeskEvent.CallConnected(call(linkedId), "seat-1"));
        return id;
    }
}
