package io.hotline.telephony.scripts;

import io.hotline.routing.engine.CallPriority;
import io.hotline.routing.engine.DeclineReason;
import io.hotline.routing.engine.Handoff;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.ladder.Tier;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.spi.CallerProfile;
import io.hotline.routing.workorder.CallWorkOrderRequest;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.routing.workorder.OpenedWorkOrder;
import io.hotline.routing.workorder.Severity;
import io.hotline.telephony.agi.AgiCommand;
import io.hotline.telephony.agi.AgiReply;
import io.hotline.telephony.agi.AgiSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's {@code route} session. Confined to the session's event loop: blocking work runs on the context's
 * blocking executor and comes back with {@code thenComposeAsync(.., executor)}; engine commands arrive through
 * {@link WaitingCallers}, which also hops onto this loop. Commands to Asterisk are chained one after another.
 */
final class RouteSession implements CallWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(RouteSession.class);
    /** What WAIT FOR DIGIT / STREAM FILE report for the digit 1 (its ASCII code). */
    private static final int DIGIT_ONE = '1';
    private static final String DUPLICATE = "another session already holds the call";
    /**
     * Longest the dialplan's result waits for the work order's request to be on disk: a journal whose disk stopped
     * taking writes keeps retrying, and the caller must be served meanwhile (the request stays in its memory).
     */
    static final Duration DURABLE_WAIT = Duration.ofSeconds(2);

    private final AgiSession session;
    private final RouteContext context;
    private final Map<String, String> parameters;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private CompletionStage<?> tail = CompletableFuture.completedFuture(null);
    private String callId;
    private boolean waiting;
    private boolean finished;
    /** The work order's opening on its way through the journal; the session ends only once it is durable. */
    private CompletionStage<Boolean> workOrderDurable = CompletableFuture.completedFuture(true);
    /** An AMI Redirect of this caller is under way: a HANGUP now is the move, not the caller leaving. */
    private boolean redirecting;

    RouteSession(AgiSession session, RouteContext context) {
        this.session = session;
        this.context = context;
        this.parameters = session.request().parameters();
    }

    CompletionStage<Void> run() {
        return session.send(AgiCommand.getVariable("CHANNEL(linkedid)")).thenCompose(reply -> {
            callId = reply.isSuccess() && reply.data() != null ? reply.data() : session.request().uniqueId();
            String dialStatus = parameters.get("dialstatus");
            return dialStatus == null ? identifyAndQueue() : reentered(dialStatus, parameters.get("seat"));
        });
    }

    /**
     * A live call moved up the ladder (the seat transferred it, or Hotline redirected it): tell the engine,
     * which keeps the work order and the caller's seniority, and wait for the next seat.
     */
    CompletionStage<Void> escalate() {
        return session.send(AgiCommand.getVariable("CHANNEL(linkedid)"))
                .thenCompose(reply -> {
                    callId = reply.isSuccess() && reply.data() != null ? reply.data() : session.request().uniqueId();
                    return parameters.containsKey("seat") ? CompletableFuture.completedFuture(parameters.get("seat"))
                            : session.send(AgiCommand.getVariable(DialplanContract.SEAT)).thenApply(AgiReply::data);
                })
                .thenCompose(seat -> {
                    String queue = parameters.getOrDefault("queue", "tier2");
                    String reason = parameters.getOrDefault("reason", "transferred by the seat");
                    if (seat != null) {
                        // Ignored by the engine when it already moved the call (escalation asked from the desktop).
                        // pbxMoved: the transfer already took the caller here, nothing must redirect it again.
                        context.inbox().offer(new RoutingEvent.EscalationRequested(callId, seat, queue, reason,
                                true));
                    }
                    if (!startWaiting()) {
                        return fallBack(DialplanContract.RESULT_DUPLICATE, DUPLICATE);
                    }
                    chain(AgiCommand.musicOn(context.settings().musicClass()));
                    return done;
                });
    }

    /**
     * First entry: recognise the caller (from memory; a number memory cannot tell is read from the database), ask
     * for the work order through the durable journal where the store can, and queue the call at once: the seat is
     * chosen while the work order is being opened, and the session ends (the dialplan dials) only once the request
     * is durable. A store that cannot defer opens the work order first, as it always did.
     */
    private CompletionStage<Void> identifyAndQueue() {
        String caller = session.request().callerId();
        Severity severity = severity();
        Instant arrived = context.clock().instant();
        Executor loop = session.executor();
        Optional<CallerProfile> recalled = recall(caller);
        if (recalled.isPresent()) {
            // Known in memory: no hop, the caller is queued within this event-loop task.
            return identified(recalled, caller, severity, arrived);
        }
        return CompletableFuture.supplyAsync(() -> lookUp(caller), context.blocking())
                .thenComposeAsync(profile -> identified(profile, caller, severity, arrived), loop);
    }

    private CompletionStage<Void> identified(Optional<CallerProfile> profile, String caller, Severity severity,
                                             Instant arrived) {
        CallWorkOrderRequest request = new CallWorkOrderRequest(context.settings().asteriskServer(), callId, caller,
                profile.map(CallerProfile::customerId).orElse(null), severity, Tier.TIER1, arrived);
        CompletableFuture<Boolean> deferred = context.workOrders().openLater(request).toCompletableFuture();
        if (deferred.isDone() && !deferred.isCompletedExceptionally() && !deferred.join()) {
            return CompletableFuture.supplyAsync(() -> openNow(request, profile, severity), context.blocking())
                    .thenComposeAsync(this::queueOpened, session.executor());
        }
        workOrderDurable = deferred.completeOnTimeout(false, DURABLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        set(DialplanContract.CALL, callId);
        return queue(arrival(new Opened(profile, null, severity)));
    }

    private Optional<CallerProfile> recall(String caller) {
        try {
            return caller == null ? Optional.empty() : context.directory().recall(caller);
        } catch (RuntimeException e) {
            LOG.warn("Call {}: recalling the caller failed ({}); asking the database", callId, e.toString());
            return Optional.empty();
        }
    }

    /** The caller's profile, or empty for a stranger or while the database does not answer. */
    private Optional<CallerProfile> lookUp(String caller) {
        try {
            return caller == null ? Optional.empty() : context.directory().findByNumber(caller);
        } catch (RuntimeException e) {
            LOG.warn("Call {}: the database did not answer the caller look-up ({}); routing the caller unrecognised",
                    callId, e.toString());
            return Optional.empty();
        }
    }

    /** The old order, for a store that cannot defer: the work order is opened before the caller is queued. */
    private Opened openNow(CallWorkOrderRequest request, Optional<CallerProfile> profile, Severity severity) {
        return new Opened(profile, context.workOrders().openForCall(request), severity);
    }

    private CompletionStage<Void> queueOpened(Opened opened) {
        set(DialplanContract.CALL, callId);
        set(DialplanContract.WORK_ORDER, Long.toString(opened.workOrder().workOrder().id()));
        return queue(arrival(opened));
    }

    /** The caller as recognised, and the work order, or {@code null} while its opening goes through the journal. */
    private record Opened(Optional<CallerProfile> profile, OpenedWorkOrder workOrder, Severity severity) {
    }

    private Severity severity() {
        String given = parameters.getOrDefault("severity", "");
        if ("1".equals(parameters.get("outage")) || "P1".equalsIgnoreCase(given)) {
            return Severity.P1;
        }
        return "P2".equalsIgnoreCase(given) ? Severity.P2 : Severity.P3;
    }

    private RoutingEvent.CallArrived arrival(Opened opened) {
        String dnis = parameters.getOrDefault("dnis", session.request().dialledNumber());
        RouteSettings settings = context.settings();
        String queue = parameters.getOrDefault("queue", settings.queueByDnis().getOrDefault(dnis,
                settings.defaultQueue()));
        String product = parameters.getOrDefault("product", settings.productByDnis().get(dnis));
        if (product == null) {
            product = opened.profile().flatMap(profile -> profile.productSkills().stream().findFirst()).orElse(null);
        }
        List<SkillRequirement> requirements = product == null ? List.of() : List.of(new SkillRequirement(product, 1));
        CallPriority priority = new CallPriority(opened.severity(),
                opened.profile().map(CallerProfile::vip).orElse(false),
                opened.profile().map(CallerProfile::contractLevel).orElse("BASIC"));
        String owner = opened.profile().map(CallerProfile::ownerSeatId).orElse(null);
        RoutingEvent.CallOrigin origin = new RoutingEvent.CallOrigin(session.request().uniqueId(),
                session.request().callerId(), dnis, opened.profile().map(CallerProfile::customerId).orElse(null));
        return new RoutingEvent.CallArrived(callId, queue, requirements, priority, owner,
                opened.workOrder() == null ? null : opened.workOrder().workOrder().id(), origin);
    }

    /** Hands the call to the engine and waits with music on hold. */
    private CompletionStage<Void> queue(RoutingEvent.CallArrived arrival) {
        if (!startWaiting()) {
            return fallBack(DialplanContract.RESULT_DUPLICATE, DUPLICATE);
        }
        if (!context.inbox().offer(arrival)) {
            LOG.error("[{}] Routing inbox full: call {} goes back to the dialplan with HOTLINE_RESULT=BUSY",
                    session.id(), callId);
            stopWaiting();
            return fallBack(DialplanContract.RESULT_BUSY, "routing was overloaded (its inbox was full)");
        }
        chain(AgiCommand.musicOn(context.settings().musicClass()));
        return done;
    }

    /** Re-entry after the dialplan dialled a seat: report the outcome, then end or wait again. */
    private CompletionStage<Void> reentered(String dialStatus, String seat) {
        if ("ANSWER".equals(dialStatus)) {
            context.inbox().offer(new RoutingEvent.CallEnded(callId));
            context.callers().forget(callId);
            return finish(DialplanContract.RESULT_DONE);
        }
        if (seat != null) {
            context.inbox().offer(new RoutingEvent.OfferDeclined(callId, seat, declineReason(dialStatus)));
        }
        if (!startWaiting()) {
            return fallBack(DialplanContract.RESULT_DUPLICATE, DUPLICATE);
        }
        chain(AgiCommand.musicOn(context.settings().musicClass()));
        return done;
    }

    private static DeclineReason declineReason(String dialStatus) {
        return switch (dialStatus) {
            case "NOANSWER" -> DeclineReason.NO_ANSWER;
            case "BUSY" -> DeclineReason.BUSY;
            case "CHANUNAVAIL", "CONGESTION" -> DeclineReason.UNREACHABLE;
            default -> DeclineReason.FAILED;
        };
    }

    private boolean startWaiting() {
        if (!context.callers().register(callId, this)) {
            return false;
        }
        waiting = true;
        session.onHangup(this::hungUp);
        return true;
    }

    private void stopWaiting() {
        if (waiting) {
            waiting = false;
            context.callers().unregister(callId, this);
        }
    }

    private void hungUp() {
        if (finished) {
            return;
        }
        if (redirecting) {
            // Redirected (recording 20): closing the session lets Asterisk take the channel to its new place.
            finished = true;
            done.complete(null);
            return;
        }
        stopWaiting();
        context.callers().forget(callId);
        context.inbox().offer(new RoutingEvent.CallHungUp(callId));
        finished = true;
        done.complete(null);
    }

    @Override
    public void offered(RoutingCommand.OfferCall offer) {
        if (finished) {
            return;
        }
        stopWaiting();
        chain(AgiCommand.musicOff());
        set(DialplanContract.TARGET, offer.dialString());
        set(DialplanContract.SEAT, offer.seatId());
        set(DialplanContract.TIER, offer.tier().name());
        set(DialplanContract.RING_SECONDS, Long.toString(Math.max(1, offer.ringTimeout().toSeconds())));
        finish(DialplanContract.RESULT_ROUTED);
    }

    @Override
    public void announce(RoutingCommand.AnnounceWait announcement) {
        if (finished) {
            return;
        }
        chain(AgiCommand.musicOff());
        // What app_queue says: "you are next", or the position and the estimated hold time; then thanks.
        for (WaitAnnouncement.Part part : WaitAnnouncement.parts(announcement)) {
            if (part.prompt() != null) {
                play(part.prompt(), "");
            } else {
                chain(part.command()).thenAccept(said -> context.prompts().check(WaitAnnouncement.NUMBERS, said,
                        session));
            }
        }
        chain(AgiCommand.musicOn(context.settings().musicClass()));
    }

    /** Plays {@code prompt}, interruptible by {@code escapeDigits}; a missing prompt is logged once. */
    private CompletionStage<AgiReply> play(String prompt, String escapeDigits) {
        CompletionStage<AgiReply> reply = chain(AgiCommand.streamFile(prompt, escapeDigits));
        reply.thenAccept(played -> context.prompts().check(prompt, played, session));
        return reply;
    }

    @Override
    public void offerCallback(RoutingCommand.OfferCallback offer) {
        if (finished) {
            return;
        }
        chain(AgiCommand.musicOff());
        CompletionStage<AgiReply> pressed = play("hotline/press-1-for-callback", "1")
                .thenCompose(reply -> reply.resultAsInt(0) == DIGIT_ONE ? CompletableFuture.completedFuture(reply)
                        : session.send(AgiCommand.waitForDigit(Duration.ofSeconds(5)), Duration.ofSeconds(15)));
        // Whatever is chained from here on (an offer, an announcement) waits for the caller's choice.
        tail = pressed.thenCompose(reply -> {
            if (reply.resultAsInt(0) == DIGIT_ONE && !finished) {
                // The dialplan's callback step records the callback (CallbackScript) on the work order.
                stopWaiting();
                // Handed to a callback, not abandoned: the queue's abandon figures must not count it.
                context.inbox().offer(new RoutingEvent.CallHandedOff(callId, Handoff.CALLBACK));
                context.callers().forget(callId);
                finish(DialplanContract.RESULT_CALLBACK);
                return CompletableFuture.completedFuture(null);
            }
            return finished ? CompletableFuture.completedFuture(null)
                    : session.send(AgiCommand.musicOn(context.settings().musicClass())).thenApply(ignored -> null);
        });
    }

    @Override
    public void handToFallback() {
        if (finished) {
            return;
        }
        stopWaiting();
        context.inbox().offer(new RoutingEvent.CallHandedOff(callId, Handoff.FALLBACK));
        context.callers().forget(callId);
        finished = true;
        // No HOTLINE_RESULT: the dialplan falls through to Queue(hotline-fallback) once the session closes.
        chain(AgiCommand.musicOff()).whenComplete((reply, error) -> done.complete(null));
    }

    @Override
    public void afterHours(RoutingCommand.PlayAfterHours afterHours) {
        if (finished) {
            return;
        }
        stopWaiting();
        if (afterHours.nextOpening() != null) {
            set(DialplanContract.NEXT_OPENING, afterHours.nextOpening().toString());
        }
        finish(DialplanContract.RESULT_AFTER_HOURS);
    }

    @Override
    public void redirecting() {
        waiting = false;
        redirecting = true;
    }

    @Override
    public void redirected() {
        if (!finished) {
            finished = true;
            done.complete(null);
        }
    }

    @Override
    public void redirectFailed() {
        redirecting = false;
        if (finished) {
            return;
        }
        if (session.hungUp()) {
            hungUp();
        } else if (!startWaiting()) {
            finish(DialplanContract.RESULT_DUPLICATE);
        }
    }

    @Override
    public Executor executor() {
        return session.executor();
    }

    private void set(String name, String value) {
        chain(AgiCommand.setVariable(name, value));
    }

    /** Sends {@code command} after everything chained before it, whatever became of those. */
    private CompletionStage<AgiReply> chain(AgiCommand command) {
        CompletionStage<AgiReply> next = tail.handle((ignored, error) -> null)
                .thenCompose(ignored -> session.hungUp() && !isDeadSafe(command)
                        ? CompletableFuture.completedFuture(new AgiReply(AgiReply.DEAD_CHANNEL, null, null, null,
                        "not sent: caller gone")) : session.send(command));
        tail = next;
        return next;
    }

    private static boolean isDeadSafe(AgiCommand command) {
        return command.text().startsWith("SET VARIABLE") || command.text().startsWith("GET VARIABLE");
    }

    /**
     * Ends the session with {@code result}, one the dialplan sends to its fallback queue, and records that this
     * channel was handed there (on the blocking executor: a store may write at once).
     */
    private CompletionStage<Void> fallBack(String result, String reason) {
        FallbackHandoff handoff = new FallbackHandoff(context.settings().asteriskServer(), callId,
                session.request().uniqueId() == null ? callId : session.request().uniqueId(),
                session.request().callerId(), parameters.getOrDefault("dnis", session.request().dialledNumber()),
                reason + " (HOTLINE_RESULT=" + result + ")", context.clock().instant());
        try {
            context.blocking().execute(() -> {
                try {
                    context.workOrders().handedToFallback(handoff);
                } catch (RuntimeException e) {
                    LOG.warn("Call {}: could not record its hand-off to the fallback queue: {}", callId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Call {}: stopping; its hand-off to the fallback queue is not recorded", callId);
        }
        return finish(result);
    }

    /** Sets HOTLINE_RESULT after what is chained and ends the session: Asterisk continues the dialplan. */
    private CompletionStage<Void> finish(String result) {
        finished = true;
        // The dialplan acts on the result: not before the work order's opening is on disk (a crash loses nothing).
        // The journal completes it on its own thread: come back to the session's loop before the next command.
        tail = tail.handle((ignored, error) -> null).thenCompose(ignored -> workOrderDurable.handleAsync(
                (ok, error) -> {
                    if (error != null) {
                        LOG.error("[{}] Call {}: its work order could not be handed to the routing journal: {}",
                                session.id(), callId, error.toString());
                    } else if (!ok) {
                        LOG.error("[{}] Call {}: its work order's request is not on disk after {} s (the routing"
                                + " journal's health says why); the caller is served anyway", session.id(), callId,
                                DURABLE_WAIT.toSeconds());
                    }
                    return null;
                }, session.executor()));
        set(DialplanContract.RESULT, result);
        tail.whenComplete((reply, error) -> done.complete(null));
        return done;
    }
}
