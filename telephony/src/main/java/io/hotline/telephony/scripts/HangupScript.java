package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingEvent;
import io.hotline.telephony.agi.AgiCommand;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.util.concurrent.CompletionStage;

/**
 * {@code hangup}: run from the dialplan's {@code h} extension when the caller hangs up outside a {@code route}
 * session (while a seat rings or during the conversation). {@code GET VARIABLE} works on a dead channel, so the
 * linkedid is read and the engine told. Thread-safe.
 */
public final class HangupScript implements AgiScript {
    private final RouteContext context;

    public HangupScript(RouteContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "hangup";
    }

    @Override
    public CompletionStage<Void> run(AgiSession session) {
        return session.send(AgiCommand.getVariable("CHANNEL(linkedid)")).thenAccept(reply -> {
            String callId = reply.isSuccess() && reply.data() != null ? reply.data() : session.request().uniqueId();
            context.callers().forget(callId);
            context.inbox().offer(new RoutingEvent.CallHungUp(callId));
        });
    }
}
