package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingCommand;
import io.hotline.routing.engine.RoutingEvent;
import io.hotline.telephony.agi.AgiCommand;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code answered?call=<linkedid>&seat=<seat>}: run by {@code Dial(..,U(hotline-answered^..))} on the seat's
 * leg the moment the seat answers, before app_dial bridges that leg to the caller. The leg is held until the routing
 * engine has decided on the answer ({@link RoutingCommand.AnswerVerdict}, matched by the request id the script puts
 * on its {@link RoutingEvent.OfferAnswered}):
 * <ul>
 *   <li>accepted: the script returns and app_dial bridges the seat to the caller;</li>
 *   <li>refused (the engine had withdrawn the offer, even if only a millisecond before the answer and its
 *       {@code CancelOffer} had not reached the PBX yet; the call is gone; the seat is unknown): the script sets
 *       {@code GOSUB_RESULT=CHANUNAVAIL} on the seat's leg, so app_dial hangs that leg up and returns
 *       {@code DIALSTATUS=CHANUNAVAIL} to the caller's dialplan, which re-enters {@code route} and waits for the
 *       next seat, exactly as after an AMI {@code Hangup} of the ringing leg (recording 17). A seat answering an
 *       offer telephony already knows to be withdrawn is turned away at once, without asking the engine.</li>
 * </ul>
 * The wait is bounded ({@link #VERDICT_TIMEOUT} by default). When no verdict comes in time the seat is connected
 * and a warning logged: the answer is already in the engine's inbox, which applies events in order, so a late
 * verdict only means a slow engine; the engine refuses an answer only for an offer it withdrew, and that
 * withdrawal's {@code CancelOffer} ends the leg over AMI anyway. Hanging up a seat that answered a live offer because
 * routing was slow would send a caller who has waited the whole queue back to wait again, which is worse. When the
 * inbox refuses the answer (routing overloaded), the engine would never learn that the seat took the call, would
 * let the offer ring out and hang up or re-offer a conversation in progress: that leg is turned away instead.
 * <p>
 * Thread-safe: each run stays on its session's event loop; the verdict is completed on the routing thread and
 * continued on the session's.
 */
public final class AnsweredScript implements AgiScript {
    /** How long a seat's leg waits for the engine's verdict before it is connected anyway. */
    public static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(2);
    /** Read by app_dial on the called channel after the {@code U()} subroutine returns. */
    static final String GOSUB_RESULT = "GOSUB_RESULT";
    private static final Logger LOG = LoggerFactory.getLogger(AnsweredScript.class);

    private final RouteContext context;
    private final Duration verdictTimeout;

    /** Waits {@link #VERDICT_TIMEOUT} for the engine's verdict. */
    public AnsweredScript(RouteContext context) {
        this(context, VERDICT_TIMEOUT);
    }

    public AnsweredScript(RouteContext context, Duration verdictTimeout) {
        this.context = context;
        this.verdictTimeout = Objects.requireNonNull(verdictTimeout, "verdictTimeout");
        if (verdictTimeout.isNegative() || verdictTimeout.isZero()) {
            throw new IllegalArgumentException("the answer verdict timeout must be positive: " + verdictTimeout);
        }
    }

    @Override
    public String name() {
        return "answered";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        String call = session.request().parameters().get("call");
        String seat = session.request().parameters().get("seat");
        if (call == null || seat == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (context.callers().isWithdrawn(call, seat)) {
            LOG.info("[{}] Call {}: seat {} answered after the offer was withdrawn; not connected", session.id(),
                    call, seat);
            return turnAway(session);
        }
        PendingAnswers answers = context.callers().answers();
        PendingAnswers.Pending pending = answers.open(session.executor(), verdictTimeout);
        if (!context.inbox().offer(new RoutingEvent.OfferAnswered(call, seat, pending.requestId()))) {
            answers.cancel(pending.requestId());
            LOG.warn("[{}] Call {}: routing is overloaded and cannot take the answer of seat {}; not connected",
                    session.id(), call, seat);
            return turnAway(session);
        }
        session.onHangup(() -> answers.cancel(pending.requestId()));
        return pending.verdict().thenComposeAsync(verdict -> decided(session, call, seat, verdict),
                session.executor());
    }

    private CompletionStage<Void> decided(AgiSession session, String call, String seat,
                                          Optional<RoutingCommand.AnswerVerdict> verdict) {
        if (session.hungUp()) {
            return CompletableFuture.completedFuture(null);
        }
        if (verdict.isEmpty()) {
            LOG.warn("[{}] Call {}: routing gave no verdict on the answer of seat {} within {}; connected",
                    session.id(), call, seat, verdictTimeout);
            return CompletableFuture.completedFuture(null);
        }
        if (verdict.get().accepted()) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("[{}] Call {}: routing refused the answer of seat {} ({}); not connected", session.id(), call, seat,
                verdict.get().reason());
        return turnAway(session);
    }

    private static CompletionStage<Void> turnAway(AgiSession session) {
        return session.send(AgiCommand.setVariable(GOSUB_RESULT, "CHANUNAVAIL")).thenApply(reply -> null);
    }
}
