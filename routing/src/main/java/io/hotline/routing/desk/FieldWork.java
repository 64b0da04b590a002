package io.hotline.routing.desk;

import io.hotline.routing.field.Branch;
import io.hotline.routing.field.BranchChoice;
import io.hotline.routing.field.DispatchLeg;
import io.hotline.routing.field.DispatchState;
import io.hotline.routing.field.FieldCommand;
import io.hotline.routing.field.FieldConfig;
import io.hotline.routing.field.FieldStep;
import io.hotline.routing.field.NearestBranches;
import io.hotline.routing.field.Site;
import io.hotline.routing.field.StoredDispatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The field leg's state and the changes every step shares (docs/field-service.md): opening a dispatch order when a
 * work order reaches {@code ON_SITE}, sending a leg to a branch, the deadlines (acknowledgement, assignment warning
 * and breach, follow-up), cancelling when the work order is closed by other means, restoring. People's and
 * engineers' steps are {@link FieldActions}. Every change is one {@link FieldCommand.DispatchChanged} carrying the
 * whole stored form and its {@link FieldStep}. Confined to the service-desk thread.
 */
final class FieldWork {
    /** The desk itself, the actor of deadlines. */
    static final Actor DESK = new Actor(ActorKind.DESK, "desk");
    /** How many branches a dispatch's ranking keeps (the choice and its runners-up). */
    static final int RANKING = 10;
    /** The address kept when an on-site escalation named none (the one-rung form). */
    static final String NO_ADDRESS = "(no site given)";

    final DeskState state;
    final FieldConfig config;
    final NearestBranches nearest;
    final FieldTimers timers;
    final Map<Long, DeskDispatch> dispatches = new TreeMap<>();
    private final Map<String, Integer> loads = new HashMap<>();
    Ladder ladder;

    FieldWork(DeskState state) {
        this.state = state;
        this.config = state.config.field();
        this.nearest = new NearestBranches(state.config.directory());
        this.timers = new FieldTimers(config);
    }

    /** The open dispatch orders {@code branchCode} holds (sent to completed). */
    int openLoad(String branchCode) {
        return loads.getOrDefault(branchCode, 0);
    }

    /** The work order reached {@code ON_SITE}: its dispatch order opens and goes to the nearest branch. */
    void onSite(DeskWorkOrder workOrder, Site site, Actor actor) {
        if (dispatches.containsKey(workOrder.id)) {
            return;
        }
        Site where = site != null ? site : new Site(workOrder.site != null ? workOrder.site : NO_ADDRESS, null, null);
        String productLine = workOrder.problem.productLine();
        List<BranchChoice> ranking = nearest.rank(where, productLine, state.now(), this::openLoad, Set.of(),
                RANKING);
        DeskDispatch dispatch = new DeskDispatch(workOrder.id, where, productLine,
                workOrder.problem.contactNumber(), state.now(), ranking);
        dispatches.put(workOrder.id, dispatch);
        if (ranking.isEmpty()) {
            dispatch.state = DispatchState.UNPLACED;
            String why = where.location() == null ? "the site's location is not known"
                    : "no branch on duty covers region " + where.region() + " and product line " + productLine;
            changed(dispatch, actor, "UNPLACED", why);
            alert(dispatch, "UNPLACED", "dispatch order " + workOrder.id + " is unplaced: " + why);
            return;
        }
        BranchChoice choice = ranking.get(0);
        sendLeg(dispatch, choice.branchCode(), choice.distanceKm(), actor, "SENT", "");
    }

    /** A new leg to {@code branchCode}: sent now, acknowledgement due, SMS to the duty phone of the shift on duty. */
    void sendLeg(DeskDispatch dispatch, String branchCode, double distanceKm, Actor actor, String step,
                 String before) {
        Instant now = state.now();
        int number = dispatch.legs.size() + 1;
        dispatch.legs.add(new DispatchLeg(number, branchCode, distanceKm, now, now.plus(config.acknowledgeWithin()),
                null, null));
        dispatch.state = DispatchState.SENT;
        changed(dispatch, actor, step, before + "leg " + number + " to " + branchCode + ", " + km(distanceKm));
        Branch branch = nearest.branch(branchCode).orElseThrow();
        sms(dispatch, "dispatch-" + number, NearestBranches.dutyPhone(branch, now), "Hotline: dispatch order "
                + dispatch.workOrderId + (dispatch.productLine == null ? "" : " (" + dispatch.productLine + ")")
                + " at " + dispatch.site.address() + ", " + km(distanceKm) + " from " + branch.name()
                + ". Acknowledge on the console within " + config.acknowledgeWithin().toMinutes() + " min.");
    }

    static String km(double distanceKm) {
        return String.format(Locale.ROOT, "%.1f km", distanceKm);
    }

    /** Appends a step: the order's counts, load and deadlines follow its new state, and the change goes out. */
    void changed(DeskDispatch dispatch, Actor actor, String step, String detail) {
        dispatch.steps++;
        recountLoad(dispatch);
        timers.schedule(dispatch);
        emit(new FieldCommand.DispatchChanged(dispatch.stored(),
                new FieldStep(dispatch.workOrderId, dispatch.steps, state.now(), actor, step, detail)));
    }

    private void recountLoad(DeskDispatch dispatch) {
        if (dispatch.countedBranch != null) {
            loads.merge(dispatch.countedBranch, -1, Integer::sum);
            dispatch.countedBranch = null;
        }
        if (dispatch.isLoad()) {
            dispatch.countedBranch = dispatch.branchCode();
            loads.merge(dispatch.countedBranch, 1, Integer::sum);
        }
    }

    void emit(FieldCommand command) {
        state.emit(new DeskCommand.Field(command));
    }

    void sms(DeskDispatch dispatch, String key, String to, String body) {
        emit(new FieldCommand.SendSms(dispatch.workOrderId, key, to, body));
    }

    void alert(DeskDispatch dispatch, String kind, String text) {
        emit(new FieldCommand.HeadquartersAlert(dispatch.workOrderId, kind, text, state.now()));
    }

    /** The deadline due first, or {@code null}. */
    FieldTimers.Timer firstDue() {
        return timers.first();
    }

    long nextDueMs() {
        return timers.nextDueMs();
    }

    /** Fires {@code timer} (due by the desk's clock). */
    void fire(FieldTimers.Timer timer) {
        timers.fired(timer);
        DeskDispatch dispatch = dispatches.get(timer.workOrderId());
        dispatch.fired |= timer.deadline().bit();
        Instant dueAt = Instant.ofEpochMilli(timer.atMs());
        switch (timer.deadline()) {
            case ACKNOWLEDGE -> expire(dispatch, dueAt);
            case ASSIGN_WARNING -> {
                changed(dispatch, DESK, "ASSIGN_WARNING", "no engineer assigned yet; assignment due at "
                        + dispatch.assignDueAt);
                alert(dispatch, "ASSIGN_WARNING", "dispatch order " + dispatch.workOrderId + " at branch "
                        + dispatch.branchCode() + ": no engineer assigned, due at " + dispatch.assignDueAt);
            }
            case ASSIGN -> {
                changed(dispatch, DESK, "ASSIGN_BREACHED", "no engineer assigned by " + dueAt);
                alert(dispatch, "ASSIGN_BREACHED", "dispatch order " + dispatch.workOrderId + " at branch "
                        + dispatch.branchCode() + ": no engineer assigned by " + dueAt);
            }
            case FOLLOW_UP -> {
                int attempt = dispatch.followUp.attempts() + 1;
                changed(dispatch, DESK, "FOLLOW_UP_DUE", "attempt " + attempt + " of " + config.followUpAttempts());
                emit(new FieldCommand.FollowUpDue(dispatch.workOrderId, dispatch.branchCode(),
                        dispatch.contactNumber, attempt, state.now()));
            }
            default -> throw new IllegalStateException("unknown deadline " + timer.deadline());
        }
    }

    /** The current leg was not acknowledged in time: the next branch still eligible, else unplaced. */
    private void expire(DeskDispatch dispatch, Instant dueAt) {
        DispatchLeg leg = dispatch.currentLeg();
        dispatch.replaceCurrentLeg(new DispatchLeg(leg.number(), leg.branchCode(), leg.distanceKm(), leg.sentAt(),
                leg.ackDueAt(), null, dueAt));
        String why = "leg " + leg.number() + " to " + leg.branchCode() + " not acknowledged by " + dueAt;
        Set<String> tried = new HashSet<>();
        dispatch.legs.forEach(each -> tried.add(each.branchCode()));
        List<BranchChoice> next = nearest.rank(dispatch.site, dispatch.productLine, state.now(), this::openLoad,
                tried, 1);
        if (next.isEmpty()) {
            dispatch.state = DispatchState.UNPLACED;
            changed(dispatch, DESK, "UNPLACED", why + "; no other branch on duty covers the site");
            alert(dispatch, "UNPLACED", "dispatch order " + dispatch.workOrderId + " is unplaced: " + why);
            return;
        }
        BranchChoice choice = next.get(0);
        sendLeg(dispatch, choice.branchCode(), choice.distanceKm(), DESK, "REDISPATCHED", why + "; ");
        alert(dispatch, "REDISPATCHED", "dispatch order " + dispatch.workOrderId + ": " + why + "; sent to "
                + choice.branchCode() + ", " + km(choice.distanceKm()));
    }

    /** A work order with an open dispatch order was closed or cancelled by other means: the order is cancelled. */
    void workOrderChanged(DeskWorkOrder workOrder, String why) {
        DeskDispatch dispatch = dispatches.get(workOrder.id);
        if (dispatch == null || !dispatch.isOpen() || !workOrder.state.isTerminal()) {
            return;
        }
        boolean engineerOnTheWay = dispatch.engineerCode != null && dispatch.completedAt == null;
        dispatch.state = DispatchState.CANCELLED;
        dispatch.closedAt = state.now();
        changed(dispatch, DESK, "CANCELLED", "work order " + workOrder.id + " " + workOrder.state
                + (why == null ? "" : ": " + why));
        if (engineerOnTheWay) {
            nearest.engineer(dispatch.engineerCode).ifPresent(engineer -> sms(dispatch, "cancelled-"
                    + dispatch.steps, engineer.mobile(), "Hotline: order " + dispatch.workOrderId
                    + " is cancelled. Do not go."));
        }
    }

    /** The work order was released: its dispatch order is forgotten. */
    void released(long workOrderId) {
        DeskDispatch dispatch = dispatches.remove(workOrderId);
        timers.cancel(workOrderId);
        if (dispatch != null && dispatch.countedBranch != null) {
            loads.merge(dispatch.countedBranch, -1, Integer::sum);
        }
    }

    /** Holds {@code stored} again (its work order is held): its load, and its deadlines not yet fired. */
    void restore(StoredDispatch stored) {
        DeskDispatch dispatch = DeskDispatch.restored(stored);
        if (dispatches.putIfAbsent(dispatch.workOrderId, dispatch) != null) {
            throw new IllegalArgumentException("dispatch order " + dispatch.workOrderId + " is stored twice");
        }
        recountLoad(dispatch);
        timers.schedule(dispatch);
    }

    Optional<StoredDispatch> stored(long workOrderId) {
        return Optional.ofNullable(dispatches.get(workOrderId)).map(DeskDispatch::stored);
    }

    List<StoredDispatch> stored() {
        List<StoredDispatch> all = new ArrayList<>(dispatches.size());
        dispatches.values().forEach(dispatch -> all.add(dispatch.stored()));
        return all;
    }
}
