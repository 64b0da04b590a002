package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingEvent;
import io.hotline.telephony.agi.AgiCommand;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code answered?call=<linkedid>&seat=<seat>}: run by {@code Dial(..,U(hotline-answered^..))} on the seat's
 * leg the moment the seat answers, so the engine knows the caller is connected without waiting for AMI.
 * <p>
 * A seat whose offer the engine withdrew (it went not ready or logged out while ringing, or the offer rang out)
 * and that answers anyway is not connected: the script sets {@code GOSUB_RESULT=CHANUNAVAIL} on the seat's leg, so
 * app_dial hangs that leg up and returns {@code DIALSTATUS=CHANUNAVAIL} to the caller's dialplan, which re-enters
 * {@code route} and waits for the next seat, exactly as after an AMI {@code Hangup} of the ringing leg
 * (recording 17). The engine is not told of the answer. Thread-safe.
 */
public final class AnsweredScript implements AgiScript {
    /** Read by app_dial on the called channel after the {@code U()} subroutine returns. */
    static final String GOSUB_RESULT = "GOSUB_RESULT";
    private static final Logger LOG = LoggerFactory.getLogger(AnsweredScript.class);

    private final RouteContext context;

    public AnsweredScript(RouteContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "answered";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        String call = session.request().parameters().get("call");
        String seat = session.request().parameters().get("seat");
        if (call != null && seat != null && context.callers().isWithdrawn(call, seat)) {
            LOG.info("[{}] Call {}: seat {} answered after the offer was withdrawn; not connected", session.id(),
                    call, seat);
            return session.send(AgiCommand.setVariable(GOSUB_RESULT, "CHANUNAVAIL")).thenApply(reply -> null);
        }
        if (call != null && seat != null) {
            context.inbox().offer(new RoutingEvent.OfferAnswered(call, seat));
        }
        return CompletableFuture.completedFuture(null);
    }
}
