package io.hotline.telephony.scripts;

import io.hotline.routing.engine.RoutingEvent;
import io.hotline.telephony.agi.AgiScript;
import io.hotline.telephony.agi.AgiSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code answered?call=<linkedid>&seat=<seat>}: run by {@code Dial(..,U(hotline-answered^..))} on the seat's
 * leg the moment the seat answers, so the engine knows the caller is connected without waiting for AMI.
 * Thread-safe.
 */
public final class AnsweredScript implements AgiScript {
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
        if (call != null && seat != null) {
            context.inbox().offer(new RoutingEvent.OfferAnswered(call, seat));
        }
        return CompletableFuture.completedFuture(null);
    }
}
