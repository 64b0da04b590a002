package io.hotline.telephony.scripts;

import io.hotline.routing.engine.CallPriority;
import io.hotline.routing.engine.DeclineReason;
import io.hotline.routing.engine.Handoff;
import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.routing.queue.SkillRequirement;
import io.hotline.routing.spi.CallerProfile;
import io.hotline.routing.workorder.FallbackHandoff;
import io.hotline.routing.workorder.Severity;
import io.hotline.telephony.agi.AgiCommand;
import io.hotline.telephony.agi.AgiReply;
import io.hotline.telephony.agi.AgiSession;
import java.time.Duration;
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
     * Longest the dialplan's result waits for what was recorded about the call to be on disk: a journal whose disk
     * stopped taking writes keeps retrying, and the caller must be served meanwhile (the entries stay in its memory).
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
     * First entry: recognise the caller (from memory; a number memory cannot tell is read from the database) and
     * queue the call at once. The session opens no work order: routing tells the service desk that the call joined
     * (with its priority), and the desk opens the call's one work order. The session ends (the dialplan dials) only
     * once what routing recorded of the call is durable ({@link #finish}).
     */
    private CompletionStage<Void> identifyAndQueue() {
        String caller = session.request().callerId();
        Severity severity = severity();
        Executor loop = session.executor();
        Optional<CallerProfile> recalled = recall(caller);
        if (recalled.isPresent()) {
            // Known in memory: no hop, the caller is queued within this event-loop task.
            return identified(recalled, severity);
        }
        return CompletableFuture.supplyAsync(() -> lookUp(caller), context.blocking())
                .thenComposeAsync(profile -> identified(profile, severity), loop);
    }

    private CompletionStage<Void> identified(Optional<CallerProfile> profile, Severity severity) {
        set(DialplanContract.CALL, callId);
        return queue(arrival(profile, severity));
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

    private Severity severity() {
        String given = parameters.getOrDefault("severity", "");
        if ("1".equals(parameters.get("outage")) || "P1".equalsIgnoreCase(given)) {
            return Severity.P1;
        }
        return "P2".equalsIgnoreCase(given) ? Severity.P2 : Severity.P3;
    }

    private RoutingEvent.CallArrived arrival(Optional<CallerProfile> profile, Severity severity) {
        String dnis = parameters.getOrDefault("dnis", session.request().dialledNumber());
        RouteSettings settings = context.settings();
        String queue = parameters.getOrDefault("queue", settings.queueByDnis().getOrDefault(dnis,
                settings.defaultQueue()));
        String product = parameters.getOrDefault("product", settings.productByDnis().get(dnis));
        if (product == null) {
            product = profile.flatMap(known -> known.productSkills().stream().findFirst()).orElse(null);
        }
        List<SkillRequirement> requirements = product == null ? List.of() : List.of(new SkillRequirement(product, 1));
        CallPriority priority = new CallPriority(severity, profile.map(CallerProfile::vip).orElse(false),
                profile.map(CallerProfile::contractLevel).orElse("BASIC"));
        String owner = profile.map(CallerProfile::ownerSeatId).orElse(null);
        RoutingEvent.CallOrigin origin = new RoutingEvent.CallOrigin(session.request().uniqueId(),
                session.request().callerId(), dnis, profile.map(CallerProfile::customerId).orElse(null));
        // No work order id: the service desk opens the call's work order when routing tells it the call joined.
        return new RoutingEvent.CallArrived(callId, queue, requirements, priority, owner, null, origin);
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

    /** When what was recorded about calls until now is on disk, waiting at most {@link #DURABLE_WAIT}. */
    private CompletableFuture<Boolean> durable() {
        try {
            return context.records().durable().toCompletableFuture().completeOnTimeout(false,
                    DURABLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
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
                    context.records().handedToFallback(handoff);
                } catch (RuntimeException e) {
                    LOG.warn("Call {}: could not record its hand-off to the fallback queue: {}", callId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Call {}: stopping; its hand-off to the fallback queue is not recorded", callId);
        }
        return finish(result);
    }

    /**
     * Sets HOTLINE_RESULT after what is chained and ends the session: Asterisk continues the dialplan. Not before
     * what routing recorded of the call is on disk: its JOINED entry (routing handed it to the journal before it
     * told this session anything) is then durable, so a crash after the dialplan goes on loses nothing of the call
     * (and a crash before the desk's opening is written is covered by the orphan-call recovery at the next start).
     */
    private CompletionStage<Void> finish(String result) {
        finished = true;
        // The journal completes it on its own thread: come back to the session's loop before the next command.
        tail = tail.handle((ignored, error) -> null).thenCompose(ignored -> durable().handleAsync(
                (ok, error) -> {
                    if (error != null) {
                        LOG.error("[{}] Call {}: the routing journal could not say its record is on disk: {}",
                                session.id(), callId, error.toString());
                    } else if (!ok) {
                        LOG.error("[{}] Call {}: its record is not on disk after {} s (the routing journal's health"
                                + " says why); the caller is served anyway", session.id(), callId,
                                DURABLE_WAIT.toSeconds());
                    }
                    return null;
                }, session.executor()));
        set(DialplanContract.RESULT, result);
        tail.whenComplete((reply, error) -> done.complete(null));
        return done;
    }
}
