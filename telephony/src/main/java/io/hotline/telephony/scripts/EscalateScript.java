package io.hotline.telephony.scripts;

import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.util.concurrent.CompletionStage;

/**
 * {@code escalate?queue=tier2|expert[&reason=..]}: re-entry of a live call moved up the ladder, by the seat's
 * transfer to the {@code hotline-escalate} context or by Hotline's AMI redirect. Same call, same work order;
 * the caller waits with music on hold for the next seat, ahead of fresh callers of the same priority.
 * Thread-safe.
 */
public final class EscalateScript implements AgiScript {
    private final RouteContext context;

    public EscalateScript(RouteContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "escalate";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        return new RouteSession(session, context).escalate();
    }
}
