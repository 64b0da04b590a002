package io.hotline.routing.desk;

import io.hotline.routing.field.CheckInKind;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.Engineer;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldDeadline;
import io.hotline.routing.field.FieldEvent;
import io.hotline.routing.field.FieldScore;
import io.hotline.routing.field.FieldScoring;
import io.hotline.routing.field.FollowUp;
import io.hotline.routing.workorder.WorkOrderState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The engineer's SMS check-ins (ARRIVE, DONE) and the follow-up that scores and closes the service event.
 * <p>
 * A check-in is accepted only from the assigned engineer's registered mobile (compared by {@link #samePhone}),
 * ARRIVE after assignment, DONE after ARRIVE; its time is the SMS's {@code sentAt}, never before the previous step
 * and never after the desk's clock. Accepted: a short confirmation to the sender (key {@code ack-<messageId>}).
 * Refused: a {@link DeskCommand.Refused} and the reason to the sender (key {@code reply-<messageId>}). DONE resolves
 * the work order (actor: the engineer) and the follow-up falls due {@link io.hotline.routing.field.FieldConfig#
 * followUpAfter()} later. Confined to the service-desk thread.
 */
final class FieldCheckIns {
    private static final Set<ActorKind> CONSOLE = Set.of(ActorKind.DUTY_MANAGER, ActorKind.SUPERVISOR);
    private final FieldWork field;
    private final FieldActions actions;
    private final Map<String, Engineer> byMobile = new HashMap<>();

    FieldCheckIns(FieldWork field, FieldActions actions) {
        this.field = field;
        this.actions = actions;
        field.state.config.directory().engineers().forEach(engineer -> byMobile.put(digits(engineer.mobile()),
                engineer));
    }

    void checkIn(FieldEvent.CheckedIn checkedIn) {
        Engineer sender = byMobile.get(digits(checkedIn.fromPhone()));
        Actor actor = new Actor(ActorKind.ENGINEER, sender != null ? sender.code() : checkedIn.fromPhone());
        DeskDispatch dispatch = field.dispatches.get(checkedIn.workOrderId());
        String reason = refusal(checkedIn, dispatch);
        if (reason != null) {
            field.state.refuse(Long.toString(checkedIn.workOrderId()), "CheckedIn", reason, actor);
            // an SMS about no dispatch order is about none (0), as FieldCommand.SendSms says
            field.emit(new FieldCommand.SendSms(dispatch == null ? 0 : dispatch.workOrderId,
                    "reply-" + checkedIn.messageId(), checkedIn.fromPhone(), "Hotline: " + reason + "."));
            return;
        }
        actor = new Actor(ActorKind.ENGINEER, dispatch.engineerCode);
        long number = dispatch.workOrderId;
        if (checkedIn.kind() == CheckInKind.ARRIVE) {
            dispatch.arrivedAt = clamp(checkedIn.sentAt(), dispatch.assignedAt);
            dispatch.state = DispatchState.ON_SITE;
            field.changed(dispatch, actor, "ARRIVED", "at " + dispatch.arrivedAt + " (SMS " + checkedIn.messageId()
                    + ")");
            confirm(checkedIn, dispatch, "arrival at order " + number + " recorded ("
                    + actions.local(dispatch, dispatch.arrivedAt) + ")");
            return;
        }
        String note = FieldActions.blank(checkedIn.note()) ? null : checkedIn.note().strip();
        dispatch.completedAt = clamp(checkedIn.sentAt(), dispatch.arrivedAt);
        dispatch.completionNote = note;
        dispatch.followUp = new FollowUp(dispatch.completedAt.plus(field.config.followUpAfter()), 0, null, null,
                null, null);
        dispatch.state = DispatchState.COMPLETED;
        field.changed(dispatch, actor, "COMPLETED", "at " + dispatch.completedAt + (note == null ? "" : ": " + note)
                + " (SMS " + checkedIn.messageId() + ")");
        DeskWorkOrder workOrder = field.state.byId.get(number);
        if (workOrder != null && workOrder.isOpen()) {
            field.ladder.resolveFor(workOrder, actor, note == null ? "completed on site" : note);
        }
        confirm(checkedIn, dispatch, "completion of order " + number + " recorded, thank you");
    }

    /** Why {@code checkedIn} is refused, or {@code null} when it is accepted. */
    private String refusal(FieldEvent.CheckedIn checkedIn, DeskDispatch dispatch) {
        long number = checkedIn.workOrderId();
        if (dispatch == null) {
            return "no dispatch order " + number;
        }
        if (!dispatch.isOpen()) {
            return "order " + number + " is " + dispatch.state.name().toLowerCase(Locale.ROOT);
        }
        if (dispatch.engineerCode == null) {
            return "order " + number + " is not assigned to an engineer";
        }
        String mobile = field.nearest.engineer(dispatch.engineerCode).map(Engineer::mobile).orElse("");
        if (!samePhone(mobile, checkedIn.fromPhone())) {
            return "this phone is not the mobile of the engineer assigned to order " + number;
        }
        DispatchState at = dispatch.state;
        if (checkedIn.kind() == CheckInKind.ARRIVE) {
            if (at == DispatchState.ASSIGNED || at == DispatchState.SCHEDULED) {
                return null;
            }
            return at == DispatchState.ON_SITE ? "arrival at order " + number + " is recorded already"
                    : "order " + number + " is " + at + ": no arrival expected";
        }
        if (at == DispatchState.ON_SITE) {
            return null;
        }
        return at == DispatchState.ASSIGNED || at == DispatchState.SCHEDULED ? "text ARRIVE " + number + " first"
                : "completion of order " + number + " is recorded already";
    }

    private void confirm(FieldEvent.CheckedIn checkedIn, DeskDispatch dispatch, String text) {
        field.sms(dispatch, "ack-" + checkedIn.messageId(), checkedIn.fromPhone(), "Hotline: " + text + ".");
    }

    /**
     * {@code sentAt} to the millisecond (what the store keeps, so a restored desk holds the same instant), but not
     * before {@code floor} (the previous step) nor after the desk's clock.
     */
    private Instant clamp(Instant sentAt, Instant floor) {
        Instant sent = sentAt.truncatedTo(ChronoUnit.MILLIS);
        Instant at = floor != null && sent.isBefore(floor) ? floor : sent;
        return at.isAfter(field.state.now()) ? field.state.now() : at;
    }

    /** The follow-up: satisfaction (then scored and closed), or unreachable (retried, then given up and scored). */
    void followUp(FieldEvent.FollowUpRecorded recorded) {
        DeskDispatch dispatch = actions.target(recorded, recorded.actor(), CONSOLE, Set.of(DispatchState.COMPLETED));
        if (dispatch == null) {
            return;
        }
        Integer satisfaction = recorded.satisfaction();
        if (recorded.unreachable() == (satisfaction != null)) {
            actions.refuse(recorded, recorded.actor(), "a follow-up records either the satisfaction (1 to 5) or"
                    + " that the customer was unreachable");
            return;
        }
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            actions.refuse(recorded, recorded.actor(), "satisfaction is 1 to 5: " + satisfaction);
            return;
        }
        Instant now = field.state.now();
        FollowUp before = dispatch.followUp;
        String login = recorded.actor().id();
        if (satisfaction != null) {
            dispatch.followUp = new FollowUp(before.dueAt(), before.attempts(), satisfaction, recorded.comment(), now,
                    login);
            field.changed(dispatch, recorded.actor(), "FOLLOWED_UP", "satisfaction " + satisfaction + "/5"
                    + (FieldActions.blank(recorded.comment()) ? "" : ": " + recorded.comment()));
            close(dispatch, recorded.actor(), satisfaction);
            return;
        }
        int attempts = before.attempts() + 1;
        int allowed = field.config.followUpAttempts();
        if (attempts < allowed) {
            dispatch.followUp = new FollowUp(now.plus(field.config.followUpRetry()), attempts, null, null, null,
                    null);
            dispatch.fired &= ~FieldDeadline.FOLLOW_UP.bit();
            field.changed(dispatch, recorded.actor(), "UNREACHABLE", "attempt " + attempts + " of " + allowed
                    + "; next at " + dispatch.followUp.dueAt());
            return;
        }
        dispatch.followUp = new FollowUp(before.dueAt(), attempts, null, recorded.comment(), now, login);
        field.changed(dispatch, recorded.actor(), "UNREACHABLE", "attempt " + attempts + " of " + allowed
                + "; given up");
        field.alert(dispatch, "FOLLOW_UP_UNREACHABLE", "dispatch order " + dispatch.workOrderId + ": customer"
                + " unreachable after " + attempts + " follow-up attempts; scored without satisfaction");
        close(dispatch, recorded.actor(), null);
    }

    /** Scores, closes and reports the order, then closes its resolved work order with the score as reason. */
    private void close(DeskDispatch dispatch, Actor actor, Integer satisfaction) {
        DeskWorkOrder workOrder = field.state.byId.get(dispatch.workOrderId);
        boolean breached = workOrder != null && (workOrder.resolution.fired & WarningLevel.BREACH.bit()) != 0;
        FieldScore score = FieldScoring.score(dispatch.stored(), satisfaction, breached);
        dispatch.score = score;
        dispatch.state = DispatchState.CLOSED;
        dispatch.closedAt = field.state.now();
        String reason = "on-site score " + score.total() + "/100";
        field.changed(dispatch, actor, "CLOSED", reason);
        field.emit(new FieldCommand.ServiceReported(dispatch.stored(), field.state.now()));
        if (workOrder != null && workOrder.state == WorkOrderState.RESOLVED) {
            field.ladder.closeFor(workOrder, actor, reason);
        }
    }

    /** Whether two phone numbers are the same mobile: equal digits, or equal but for a country code prefix. */
    static boolean samePhone(String one, String other) {
        String a = digits(one);
        String b = digits(other);
        if (a.equals(b)) {
            return !a.isEmpty();
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        return shorter.length() >= 7 && longer.length() - shorter.length() <= 3 && longer.endsWith(shorter);
    }

    /** The digits of {@code phone}, an international {@code 00} prefix dropped. */
    static String digits(String phone) {
        StringBuilder digits = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0' ? digits.substring(2)
                : digits.toString();
    }
}
