package io.hotline.app.people;

import io.hotline.routing.desk.ActorKind;
import io.hotline.routing.desk.DeskCommand;
import io.hotline.routing.desk.DeskEvent;
import io.hotline.routing.field.Site;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.knowledge.Article;
import io.hotline.routing.knowledge.ArticleDraft;
import io.hotline.routing.spi.CallbackLedger;
import io.hotline.web.desktop.ActionOutcome;
import io.hotline.web.desktop.SeatCard;
import io.hotline.web.desktop.WorkOrderAction;
import io.hotline.web.desktop.WorkOrderView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a person's work-order action: one line per action kind to the desk's event (or, for a call still
 * live on a seat, routing's escalation), and the engine's commands read back into the outcome. Stateless,
 * thread-safe.
 */
final class WorkOrderActions {
    private static final Logger LOG = LoggerFactory.getLogger(WorkOrderActions.class);
    private final EngineDesktopBackend.Wiring wiring;
    private final CallbackLedger callbacks;
    private final Sites sites;

    WorkOrderActions(EngineDesktopBackend.Wiring wiring, CallbackLedger callbacks, Sites sites) {
        this.wiring = wiring;
        this.callbacks = callbacks;
        this.sites = sites;
    }

    /** Where an on-site engineer goes, from the customer's record (blocks on nothing; completes later). */
    @FunctionalInterface
    interface Sites {
        /**
         * The site of customer {@code customerId} ({@code null} when unknown) at {@code address} (blank: the
         * record's); fails with {@link IllegalArgumentException} when no address is known at all.
         */
        CompletionStage<Site> site(Long customerId, String address);
    }

    CompletionStage<ActionOutcome> act(WorkOrderAction action) {
        Optional<WorkOrderView> found = wiring.workOrders().get(action.workOrderId());
        if (found.isEmpty()) {
            return done(ActionOutcome.notFound());
        }
        WorkOrderView view = found.get();
        long id = view.id();
        if (action instanceof WorkOrderAction.Escalate escalate) {
            return escalate(view, escalate);
        } else if (action instanceof WorkOrderAction.Transfer transfer) {
            return liveSeat(view).map(seat -> moveCall(view, seat, transfer.queue(), transfer.reason()))
                    .orElseGet(() -> done(ActionOutcome.refused("the caller of work order " + id
                            + " is no longer on the line")));
        } else if (action instanceof WorkOrderAction.Update update) {
            return update(update);
        } else if (action instanceof WorkOrderAction.Resolve resolve) {
            CompletionStage<ActionOutcome> resolved = desk(new DeskEvent.Resolved(id, resolve.actor(),
                    resolve.resolution()), id);
            return resolve.articleTitle() == null ? resolved : resolved.thenApply(outcome -> article(outcome, resolve));
        } else if (action instanceof WorkOrderAction.Waiting waiting) {
            return desk(new DeskEvent.WaitingOnCustomer(id, waiting.actor(), waiting.reason()), id);
        } else if (action instanceof WorkOrderAction.Resume resume) {
            return desk(new DeskEvent.Resumed(id, resume.actor(), resume.reason()), id);
        } else if (action instanceof WorkOrderAction.Reassign reassign) {
            return reassign(reassign);
        } else if (action instanceof WorkOrderAction.ScheduleCallback callback) {
            return schedule(view, callback);
        }
        // WorkOrderAction is sealed: only a new kind that was not added here gets this far.
        throw new IllegalArgumentException("no desk event for " + action.getClass().getSimpleName());
    }

    /** The desk's {@link DeskEvent.OwnerReassigned}, for a seat routing knows. */
    private CompletionStage<ActionOutcome> reassign(WorkOrderAction.Reassign reassign) {
        if (wiring.seats().seat(reassign.seatId()).isEmpty()) {
            return done(ActionOutcome.refused("there is no seat " + reassign.seatId()));
        }
        return desk(new DeskEvent.OwnerReassigned(reassign.workOrderId(), reassign.actor(), reassign.seatId(),
                reassign.reason()), reassign.workOrderId());
    }

    /**
     * Writes the callback to the ledger on the blocking executor (the scheduler routes it when due; the ledger adds
     * the trail's step in the database); a note is then added to the work order's notes through the desk (the
     * ledger keeps none). Answers with the work order after it. A time already past is refused.
     */
    private CompletionStage<ActionOutcome> schedule(WorkOrderView view, WorkOrderAction.ScheduleCallback callback) {
        Instant now = wiring.clock().instant();
        if (!callback.at().isAfter(now)) {
            return done(ActionOutcome.refused("a callback is scheduled for a time to come, not " + callback.at()));
        }
        String seatId = callback.actor().kind() == ActorKind.SEAT ? callback.actor().id() : null;
        return onBlocking(() -> callbacks.schedule(view.id(), callback.number(), seatId, now, callback.at()),
                wiring.engines().blocking()).thenApply(callbackId -> {
                    if (callbackId < 0) {
                        return ActionOutcome.notFound();
                    }
                    LOG.info("Callback {} scheduled on work order {} for {}", callbackId, view.id(), callback.at());
                    return ActionOutcome.changed(wiring.workOrders().get(view.id()).orElse(view));
                }).thenCompose(outcome -> outcome.result() != ActionOutcome.Result.CHANGED || callback.note() == null
                        ? done(outcome) : noted(outcome, callback));
    }

    /** The callback's note appended to the work order's notes; the callback stands whatever the desk answers. */
    private CompletionStage<ActionOutcome> noted(ActionOutcome scheduled, WorkOrderAction.ScheduleCallback callback) {
        String before = scheduled.workOrder().workOrder().details().notes();
        String line = "Callback " + callback.at() + " to " + callback.number() + ": " + callback.note();
        String notes = before == null || before.isBlank() ? line : before + "\n" + line;
        return desk(new DeskEvent.DetailsChanged(callback.workOrderId(), callback.actor(), null, null, null, notes),
                callback.workOrderId()).thenApply(outcome -> outcome.result() == ActionOutcome.Result.CHANGED
                        ? outcome : scheduled);
    }

    /**
     * A live call moves to the target tier's queue through routing (the desk hears of it from routing); a work
     * order without a live call, or escalated off the phones (remote, on site), goes to the named rung at the desk.
     */
    private CompletionStage<ActionOutcome> escalate(WorkOrderView view, WorkOrderAction.Escalate escalate) {
        Optional<SeatCard> seat = liveSeat(view);
        if (seat.isPresent() && escalate.to().isSeatTier()) {
            String queue = wiring.engines().escalationQueues().get(escalate.to());
            if (queue == null) {
                return done(ActionOutcome.refused("no queue routes calls to " + escalate.to()));
            }
            return moveCall(view, seat.get(), queue, escalate.reason());
        }
        boolean onSite = escalate.to() == Tier.ON_SITE || escalate.to() == null
                && view.workOrder().tier() == Tier.REMOTE;
        if (!onSite) {
            Site site = blank(escalate.site()) ? null : new Site(escalate.site(), null, null);
            return desk(new DeskEvent.Escalated(view.id(), escalate.actor(), escalate.reason(), escalate.to(), site),
                    view.id());
        }
        // On site: the customer's record gives the place and region that choose the nearest branch.
        if (escalate.to() == Tier.ON_SITE && blank(escalate.site())) {
            return done(ActionOutcome.refused("an on-site escalation needs the customer's site (the address to go"
                    + " to)"));
        }
        return sites.site(view.workOrder().problem().customerId(), escalate.site()).handle((site, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause()
                        : failure;
                return done(ActionOutcome.refused(cause instanceof IllegalArgumentException ? cause.getMessage()
                        : "the customer's site could not be read now: " + cause));
            }
            return desk(new DeskEvent.Escalated(view.id(), escalate.actor(), escalate.reason(), escalate.to(), site),
                    view.id());
        }).thenCompose(stage -> stage);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The form's fields go to the desk as one change, then a new severity (with its reason) as another. */
    private CompletionStage<ActionOutcome> update(WorkOrderAction.Update update) {
        long id = update.workOrderId();
        boolean details = update.category() != null || update.productLine() != null || update.summary() != null
                || update.notes() != null;
        if (!details && update.severity() == null) {
            return done(ActionOutcome.refused("nothing to change on work order " + id));
        }
        CompletionStage<ActionOutcome> first = details ? desk(new DeskEvent.DetailsChanged(id, update.actor(),
                update.category(), update.productLine(), update.summary(), update.notes()), id) : null;
        if (update.severity() == null) {
            return first;
        }
        DeskEvent severity = new DeskEvent.SeverityChanged(id, update.actor(), update.severity(), update.reason());
        return first == null ? desk(severity, id) : first.thenCompose(outcome -> outcome.result()
                == ActionOutcome.Result.CHANGED ? desk(severity, id) : done(outcome));
    }

    /**
     * Asks routing to move the live call into {@code queue} (Hotline redirects the caller, who keeps their place),
     * then waits for the desk to have heard of it, so the answer shows the work order after the move.
     */
    private CompletionStage<ActionOutcome> moveCall(WorkOrderView view, SeatCard seat, String queue, String reason) {
        String callId = seat.call().callId();
        if (!wiring.engines().callsMovable().test(callId)) {
            // Routing would take the caller off the seat while Asterisk keeps them bridged: refuse instead.
            return done(ActionOutcome.refused("the caller of work order " + view.id() + " is on the line and Hotline"
                    + " cannot move it now (no AMI connection, or AMI does not know its channel): transfer with the"
                    + " phone, or escalate once the call has ended"));
        }
        return wiring.routing().apply(new RoutingEvent.EscalationRequested(callId, seat.seat(), queue, reason,
                false)).thenCompose(commands -> {
                    for (RoutingCommand command : commands) {
                        if (command instanceof RoutingCommand.RequestRejected rejected) {
                            return done(ActionOutcome.refused(rejected.reason()));
                        }
                    }
                    if (commands.stream().noneMatch(RoutingCommand.MoveToQueue.class::isInstance)) {
                        return done(ActionOutcome.refused("routing did not move call " + callId));
                    }
                    // Routing's hand-off offered the move to the desk's inbox; a tick asked after it is applied
                    // after it.
                    return wiring.desk().apply(new DeskEvent.Tick()).thenApply(ignored -> wiring.workOrders()
                            .get(view.id()).map(ActionOutcome::changed).orElseGet(ActionOutcome::notFound));
                });
    }

    /**
     * Once resolved, writes the article asked for on the blocking executor; the answer does not wait for it (a
     * refused article is logged: the resolution stands).
     */
    private ActionOutcome article(ActionOutcome outcome, WorkOrderAction.Resolve resolve) {
        if (outcome.result() != ActionOutcome.Result.CHANGED) {
            return outcome;
        }
        try {
            wiring.engines().blocking().execute(() -> {
                try {
                    ArticleDraft draft = new ArticleDraft(resolve.articleTitle(), resolve.articleSymptoms(),
                            resolve.resolution(), null, resolve.actor().id());
                    Article article = wiring.engines().articles().write(outcome.workOrder().workOrder(), draft);
                    LOG.info("Article {} written from work order {}", article.code(), resolve.workOrderId());
                } catch (RuntimeException e) {
                    LOG.warn("The article asked for with the resolution of work order {} was not written: {}",
                            resolve.workOrderId(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("The article of work order {} was not written: Hotline is busy", resolve.workOrderId());
        }
        return outcome;
    }

    private CompletionStage<ActionOutcome> desk(DeskEvent event, long id) {
        return wiring.desk().apply(event).thenApply(commands -> outcome(commands, id));
    }

    private ActionOutcome outcome(List<DeskCommand> commands, long id) {
        DeskCommand.WorkOrderChanged last = null;
        for (DeskCommand command : commands) {
            if (command instanceof DeskCommand.Refused refused) {
                return ActionOutcome.refused(refused.reason());
            }
            if (command instanceof DeskCommand.WorkOrderChanged changed && changed.workOrder().id() == id) {
                last = changed;
            }
        }
        DeskCommand.WorkOrderChanged changed = last;
        Optional<WorkOrderView> now = wiring.workOrders().get(id);
        if (now.isPresent()) {
            return ActionOutcome.changed(now.get());
        }
        // Closed by the change: no longer held open, shown as the desk left it.
        return changed == null ? ActionOutcome.notFound()
                : ActionOutcome.changed(new WorkOrderView(changed.workOrder(), List.of(changed.audit()), null));
    }

    private Optional<SeatCard> liveSeat(WorkOrderView view) {
        return view.workOrder().call() == null ? Optional.empty()
                : wiring.seats().connectedTo(view.workOrder().call().linkedId());
    }

    /** Runs {@code work} on {@code blocking}; a full executor fails the stage (the reply says Hotline is busy). */
    static <T> CompletionStage<T> onBlocking(Supplier<T> work, Executor blocking) {
        try {
            return CompletableFuture.supplyAsync(work, blocking);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletionStage<ActionOutcome> done(ActionOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
