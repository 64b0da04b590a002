package io.hotline.routing.desk;

import io.hotline.routing.field.Branch;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.Engineer;
import io.hotline.routing.field.FieldEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * What duty managers and supervisors do on the field leg from the console: acknowledge, assign (or reassign with a
 * reason), book the appointment, place by hand; each is applied to the dispatch order's state or refused with a
 * reason ({@link DeskCommand.Refused}), changing nothing. Which branch a duty manager belongs to is checked by the
 * web layer; the desk checks the order's state and the engineer's branch. Engineers' SMS check-ins and the
 * follow-up are {@link FieldCheckIns}. Confined to the service-desk thread.
 */
final class FieldActions {
    private static final Set<ActorKind> CONSOLE = Set.of(ActorKind.DUTY_MANAGER, ActorKind.SUPERVISOR);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FieldWork field;
    private final FieldCheckIns checkIns;

    FieldActions(FieldWork field) {
        this.field = field;
        this.checkIns = new FieldCheckIns(field, this);
    }

    // One line per event type (CONTRIBUTING.md 2).
    void apply(FieldEvent event) {
        if (event instanceof FieldEvent.Acknowledged acknowledged) {
            acknowledge(acknowledged);
        } else if (event instanceof FieldEvent.EngineerAssigned assigned) {
            assign(assigned);
        } else if (event instanceof FieldEvent.AppointmentBooked booked) {
            book(booked);
        } else if (event instanceof FieldEvent.CheckedIn checkedIn) {
            checkIns.checkIn(checkedIn);
        } else if (event instanceof FieldEvent.FollowUpRecorded recorded) {
            checkIns.followUp(recorded);
        } else if (event instanceof FieldEvent.PlacedByHand placed) {
            place(placed);
        }
    }

    /**
     * The dispatch order {@code event} acts on, or {@code null} after refusing: an actor of another kind, no such
     * order, or not in one of {@code states}.
     */
    DeskDispatch target(FieldEvent event, Actor actor, Set<ActorKind> kinds, Set<DispatchState> states) {
        if (!kinds.contains(actor.kind())) {
            refuse(event, actor, "only a " + kinds.stream().map(kind -> kind.name().toLowerCase().replace('_', ' '))
                    .sorted().reduce((a, b) -> a + " or " + b).orElse("") + " may do this");
            return null;
        }
        DeskDispatch dispatch = field.dispatches.get(event.workOrderId());
        if (dispatch == null) {
            refuse(event, actor, "no dispatch order " + event.workOrderId());
            return null;
        }
        if (!states.contains(dispatch.state)) {
            refuse(event, actor, "dispatch order " + dispatch.workOrderId + " is " + dispatch.state);
            return null;
        }
        return dispatch;
    }

    void refuse(FieldEvent event, Actor actor, String reason) {
        field.state.refuse(Long.toString(event.workOrderId()), event.getClass().getSimpleName(), reason, actor);
    }

    private void acknowledge(FieldEvent.Acknowledged acknowledged) {
        DeskDispatch dispatch = target(acknowledged, acknowledged.actor(), CONSOLE, Set.of(DispatchState.SENT));
        if (dispatch == null) {
            return;
        }
        Instant now = field.state.now();
        DispatchLeg leg = dispatch.currentLeg();
        dispatch.replaceCurrentLeg(new DispatchLeg(leg.number(), leg.branchCode(), leg.distanceKm(), leg.sentAt(),
                leg.ackDueAt(), now, null));
        dispatch.state = DispatchState.ACKNOWLEDGED;
        dispatch.assignDueAt = now.plus(field.config.assignWithin());
        field.changed(dispatch, acknowledged.actor(), "ACKNOWLEDGED", "by " + acknowledged.actor().id() + " of "
                + leg.branchCode() + "; assignment due at " + dispatch.assignDueAt);
    }

    private void assign(FieldEvent.EngineerAssigned assigned) {
        DeskDispatch dispatch = target(assigned, assigned.actor(), CONSOLE, Set.of(DispatchState.ACKNOWLEDGED,
                DispatchState.ASSIGNED, DispatchState.SCHEDULED));
        if (dispatch == null) {
            return;
        }
        Optional<Engineer> found = field.nearest.engineer(assigned.engineerCode());
        String previous = dispatch.engineerCode;
        String reason = null;
        if (found.isEmpty()) {
            reason = "no engineer " + assigned.engineerCode();
        } else if (!found.get().active()) {
            reason = "engineer " + assigned.engineerCode() + " is not active";
        } else if (!found.get().branchCode().equals(dispatch.branchCode())) {
            reason = "engineer " + assigned.engineerCode() + " works for branch " + found.get().branchCode()
                    + ", not " + dispatch.branchCode();
        } else if (assigned.engineerCode().equals(previous)) {
            reason = "engineer " + previous + " is assigned already";
        } else if (previous != null && blank(assigned.reason())) {
            reason = "a reassignment needs a reason";
        }
        if (reason != null) {
            refuse(assigned, assigned.actor(), reason);
            return;
        }
        Engineer engineer = found.get();
        dispatch.engineerCode = engineer.code();
        dispatch.assignedAt = field.state.now();
        dispatch.state = dispatch.appointmentAt != null ? DispatchState.SCHEDULED : DispatchState.ASSIGNED;
        field.changed(dispatch, assigned.actor(), previous == null ? "ASSIGNED" : "REASSIGNED", engineer.code()
                + " (" + engineer.name() + ")" + (previous == null ? "" : " replaces " + previous + ": "
                + assigned.reason()));
        int sequence = dispatch.steps;
        field.sms(dispatch, "assigned-" + engineer.code() + "-" + sequence, engineer.mobile(),
                assignmentText(dispatch));
        if (previous != null) {
            field.nearest.engineer(previous).ifPresent(before -> field.sms(dispatch, "unassigned-" + before.code()
                    + "-" + sequence, before.mobile(), "Hotline: order " + dispatch.workOrderId
                    + " is reassigned to another engineer (" + assigned.reason() + "). Do not go."));
        }
    }

    /** The engineer's SMS: the order's number, the site, the appointment if any, and the check-in format. */
    String assignmentText(DeskDispatch dispatch) {
        long number = dispatch.workOrderId;
        return "Hotline: order " + number + " assigned to you. Site: " + dispatch.site.address() + "."
                + (dispatch.appointmentAt == null ? "" : " Appointment: " + local(dispatch, dispatch.appointmentAt)
                + ".") + " Text ARRIVE " + number + " on arrival, DONE " + number
                + " <what was done> when finished. 到达/完成 " + number;
    }

    /** {@code at} in the holding branch's time zone, to the minute. */
    String local(DeskDispatch dispatch, Instant at) {
        Optional<Branch> branch = Optional.ofNullable(dispatch.branchCode()).flatMap(field.nearest::branch);
        return branch.map(each -> LocalDateTime.ofInstant(at, each.zone()).format(LOCAL)).orElse(at.toString());
    }

    private void book(FieldEvent.AppointmentBooked booked) {
        DeskDispatch dispatch = target(booked, booked.actor(), CONSOLE, Set.of(DispatchState.ASSIGNED,
                DispatchState.SCHEDULED));
        if (dispatch == null) {
            return;
        }
        boolean again = dispatch.appointmentAt != null;
        dispatch.appointmentAt = booked.appointmentAt();
        dispatch.state = DispatchState.SCHEDULED;
        String when = local(dispatch, booked.appointmentAt());
        field.changed(dispatch, booked.actor(), again ? "APPOINTMENT_REBOOKED" : "APPOINTMENT_BOOKED", when);
        field.nearest.engineer(dispatch.engineerCode).ifPresent(engineer -> field.sms(dispatch, "appointment-"
                + dispatch.steps, engineer.mobile(), "Hotline: order " + dispatch.workOrderId + ": appointment "
                + when + " at " + dispatch.site.address() + "."));
    }

    /** Headquarters places an unplaced order (or re-places one waiting for an acknowledgement) on a branch. */
    private void place(FieldEvent.PlacedByHand placed) {
        DeskDispatch dispatch = target(placed, placed.actor(), Set.of(ActorKind.SUPERVISOR),
                Set.of(DispatchState.UNPLACED, DispatchState.SENT));
        if (dispatch == null) {
            return;
        }
        Optional<Branch> branch = field.nearest.branch(placed.branchCode());
        if (branch.isEmpty()) {
            refuse(placed, placed.actor(), "no branch " + placed.branchCode());
            return;
        }
        if (blank(placed.reason())) {
            refuse(placed, placed.actor(), "placing by hand needs a reason");
            return;
        }
        if (dispatch.state == DispatchState.SENT && placed.branchCode().equals(dispatch.branchCode())) {
            refuse(placed, placed.actor(), "dispatch order " + dispatch.workOrderId + " is sent to "
                    + placed.branchCode() + " already");
            return;
        }
        String before = "";
        if (dispatch.state == DispatchState.SENT) {
            DispatchLeg leg = dispatch.currentLeg();
            dispatch.replaceCurrentLeg(new DispatchLeg(leg.number(), leg.branchCode(), leg.distanceKm(),
                    leg.sentAt(), leg.ackDueAt(), null, field.state.now()));
            before = "leg " + leg.number() + " to " + leg.branchCode() + " withdrawn; ";
        }
        double km = dispatch.site.location() == null ? 0 : dispatch.site.location().kmTo(branch.get().location());
        field.sendLeg(dispatch, placed.branchCode(), km, placed.actor(), "PLACED_BY_HAND", before
                + placed.reason() + "; ");
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
